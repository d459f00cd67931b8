export const ROLES = ['npa_admin', 'npa_reviewer', 'service_manager', 'setting_contact', 'trainer'] as const;
export type Role = (typeof ROLES)[number];

/** NPA office staff see every organisation's records. */
export const NPA_STAFF: readonly Role[] = ['npa_admin', 'npa_reviewer'];
export const isNpaStaff = (role: Role) => NPA_STAFF.includes(role);

/**
 * The kinds of organisation on the register (registry's services and settings), named here once because
 * accounts belong to them and platform sits below the register.
 */
export const ORGANISATION_KINDS = ['service', 'setting'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Which kind of organisation a role belongs to, if any. */
export const ORGANISATION_OF: Record<Role, OrganisationKind | null> = {
  npa_admin: null,
  npa_reviewer: null,
  service_manager: 'service',
  setting_contact: 'setting',
  trainer: null,
};
