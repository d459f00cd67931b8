import type { Actor } from '../../../platform/src/auth/current-user';
import type { Role } from '../../../platform/src/auth/roles';

interface NavItem {
  href: string;
  text: string;
  roles: readonly Role[];
}

const ITEMS: NavItem[] = [
  { href: '/office', text: 'Dashboard', roles: ['npa_admin', 'npa_reviewer'] },
  { href: '/office/review', text: 'Review queue', roles: ['npa_admin', 'npa_reviewer'] },
  { href: '/office/letters', text: 'Letters', roles: ['npa_admin', 'npa_reviewer'] },
  { href: '/office/templates', text: 'Templates', roles: ['npa_admin'] },
  { href: '/office/users', text: 'Users', roles: ['npa_admin'] },
  { href: '/office/imports', text: 'Imports', roles: ['npa_admin', 'npa_reviewer'] },
  { href: '/setting', text: 'Our setting', roles: ['setting_contact'] },
  { href: '/service', text: 'Our service', roles: ['service_manager'] },
  { href: '/trainer', text: 'My workshops', roles: ['trainer'] },
];

/** Where each role starts after signing in. Pages live under paths the API does not use. */
export const HOME: Record<Role, string> = { npa_admin: '/office', npa_reviewer: '/office', setting_contact: '/setting', service_manager: '/service', trainer: '/trainer' };

/** The menu for a role, with the page being shown marked. */
export function navFor(user: Actor, path: string) {
  return ITEMS.filter((i) => i.roles.includes(user.role)).map((i) => ({ href: i.href, text: i.text, active: i.href === path || (path.startsWith(`${i.href}/`) && !ITEMS.some((o) => o !== i && o.href.length > i.href.length && path.startsWith(o.href))) }));
}
