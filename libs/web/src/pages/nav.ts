import type { Actor, Role } from '@npa/platform';

interface NavItem {
  href: string;
  text: string;
  roles: readonly Role[];
  /** Other paths whose pages belong under this item (a service's page under Compliance). */
  also?: readonly string[];
}

const ITEMS: NavItem[] = [
  { href: '/office', text: 'Dashboard', roles: ['npa_admin', 'npa_reviewer'] },
  { href: '/office/review', text: 'Review queue', roles: ['npa_admin', 'npa_reviewer'], also: ['/office/applications'] },
  { href: '/office/compliance', text: 'Compliance', roles: ['npa_admin', 'npa_reviewer'], also: ['/office/services', '/office/parameters'] },
  { href: '/office/letters', text: 'Letters', roles: ['npa_admin', 'npa_reviewer'], also: ['/office/reminders'] },
  { href: '/office/templates', text: 'Templates', roles: ['npa_admin'] },
  { href: '/office/users', text: 'Users', roles: ['npa_admin'], also: ['/office/audit'] },
  { href: '/office/imports', text: 'Imports', roles: ['npa_admin', 'npa_reviewer'] },
  { href: '/office/returns', text: 'Returns', roles: ['npa_admin', 'npa_reviewer'] },
  { href: '/office/snapshot', text: 'Snapshot', roles: ['npa_admin', 'npa_reviewer'], also: ['/office/local-authorities'] },
  { href: '/admin/queues', text: 'Queues', roles: ['npa_admin'] },
  { href: '/setting', text: 'Our setting', roles: ['setting_contact'] },
  { href: '/service', text: 'Our service', roles: ['service_manager'] },
  { href: '/service/team', text: 'Team', roles: ['service_manager'] },
  { href: '/service/supervision', text: 'Supervision', roles: ['service_manager'] },
  { href: '/service/what-if', text: 'What if', roles: ['service_manager'] },
  { href: '/service/returns', text: 'Annual returns', roles: ['service_manager'] },
  { href: '/trainer', text: 'My workshops', roles: ['trainer'] },
];

/** Where each role starts after signing in. Pages live under paths the API does not use. */
export const HOME: Record<Role, string> = {
  npa_admin: '/office',
  npa_reviewer: '/office',
  setting_contact: '/setting',
  service_manager: '/service',
  trainer: '/trainer',
};

/** The menu for a role, with the page being shown marked. */
export function navFor(user: Actor, path: string) {
  const under = (i: NavItem) => [i.href, ...(i.also ?? [])].filter((h) => path === h || path.startsWith(`${h}/`)).reduce((n, h) => Math.max(n, h.length), 0);
  const best = Math.max(...ITEMS.map(under));
  return ITEMS.filter((i) => i.roles.includes(user.role)).map((i) => ({ href: i.href, text: i.text, active: best > 0 && under(i) === best }));
}
