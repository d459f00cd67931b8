import { DomainError, ORGANISATION_OF, ROLES, type Role } from '@npa/platform';
import { formErrors } from './render';
import type { Option } from './organisation-options';

export const ROLE_NAMES: Record<Role, string> = {
  npa_admin: 'NPA administrator',
  npa_reviewer: 'NPA reviewer',
  service_manager: 'Service manager',
  setting_contact: 'Setting contact',
  trainer: 'Trainer',
};

const FIELDS = { email: 'Email address', name: 'Name', password: 'Password', role: 'Role', organisationId: 'Organisation' };
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** What the user form posted, with the organisation taken from the select that goes with the role. */
export function readUserForm(body: Record<string, unknown>) {
  const role = text(body.role);
  const kind = ORGANISATION_OF[role as Role] ?? null;
  const organisationId = kind === 'service' ? text(body.serviceId) : kind === 'setting' ? text(body.settingId) : '';
  return {
    name: text(body.name),
    email: text(body.email),
    password: typeof body.password === 'string' ? body.password : '',
    role,
    organisationId: organisationId || undefined,
  };
}

/** A refusal as the error summary; a taken email and a missing organisation point at their own fields. */
export function userFormErrors(error: unknown, role: string) {
  if (error instanceof DomainError && error.code === 'USER.EMAIL_TAKEN')
    return [{ field: 'email', message: 'A user with this email address already exists', href: '#email' }];
  const organisationField = ORGANISATION_OF[role as Role] === 'setting' ? 'settingId' : 'serviceId';
  return formErrors(error, FIELDS)?.map((e) => (e.field === 'organisationId' ? { ...e, field: organisationField, href: `#${organisationField}` } : e)) ?? null;
}

/** The role radios, each with the select of organisations it reveals, as the view draws them. */
export function roleChoices(chosen: string | undefined, organisationId: string | undefined, options: { services: Option[]; settings: Option[] }) {
  return ROLES.map((role, i) => {
    const kind = ORGANISATION_OF[role];
    const list = kind === 'service' ? options.services : kind === 'setting' ? options.settings : [];
    return {
      value: role,
      text: ROLE_NAMES[role],
      id: i === 0 ? 'role' : `role-${i + 1}`,
      checked: role === chosen,
      organisation: kind && {
        kind,
        field: `${kind}Id`,
        label: kind === 'service' ? 'Their service' : 'Their setting',
        options: list.map((o) => ({ ...o, selected: role === chosen && o.id === organisationId })),
      },
    };
  });
}
