import { DeclaredRoute, methodName } from './access-declarations';
import { isNpaStaff, Role, ROLES } from './roles';

const ROLE_TITLES: Record<Role, string> = {
  npa_admin: 'NPA admin',
  npa_reviewer: 'NPA reviewer',
  service_manager: 'service manager',
  setting_contact: 'setting contact',
  trainer: 'trainer',
};

/** What one role may do with one route, as a cell of the matrix. */
export function accessCell(route: DeclaredRoute, role: Role | 'anonymous'): string {
  const rule = route.rule;
  if (!rule) return 'undeclared';
  if (rule.public) return 'yes';
  if (role === 'anonymous' || !rule.roles?.includes(role)) return '—';
  if (rule.scope && !isNpaStaff(role)) return `own ${rule.scope.kind}`;
  return 'yes';
}

const byPath = (a: DeclaredRoute, b: DeclaredRoute) => a.path.localeCompare(b.path) || methodName(a).localeCompare(methodName(b));

function table(routes: DeclaredRoute[]): string[] {
  const roles: (Role | 'anonymous')[] = [...ROLES, 'anonymous'];
  const header = `| route | ${ROLES.map((r) => ROLE_TITLES[r]).join(' | ')} | not signed in |`;
  const rule = `|---|${roles.map(() => '---').join('|')}|`;
  const rows = [...routes]
    .sort(byPath)
    .map((route) => `| \`${methodName(route)} ${route.path}\` | ${roles.map((role) => accessCell(route, role)).join(' | ')} |`);
  return [header, rule, ...rows];
}

/**
 * The access matrix as Markdown, written from the rules the routes declare (`npm run docs:access`
 * writes docs/access-matrix.md; the access-matrix suite fails when that file differs from this).
 */
export function renderAccessMatrix(routes: DeclaredRoute[]): string {
  const api = routes.filter((r) => !r.rule?.page);
  const pages = routes.filter((r) => r.rule?.page);
  return [
    '# Who may call what',
    '',
    'Written by `npm run docs:access` from the rules the routes declare (`@Access`, `@Public`, `@PageAccess`,',
    '`@PublicPage`); do not edit by hand. `test/access-matrix.e2e-spec.ts` fails when this file is out of',
    'date, and calls every route below as every role, for its own organisation and for another one.',
    '',
    '- **yes**: allowed. Lists and pages without an id show a service manager, setting contact or trainer',
    "  only their own organisation's records.",
    "- **own _kind_**: allowed for their own organisation's record named in the path; another",
    "  organisation's answers 404, so nobody learns what exists, and the refusal is audited.",
    '- **—**: refused: 403 for a signed-in user of another role (audited); 401 when not signed in (a page',
    '  sends the browser to sign in).',
    '',
    'Records named under another (`/services/:id/team/:memberId`) must belong to it, or the answer is 404.',
    'The queue dashboard (`/admin/queues`) is a Fastify plugin outside this table with its own gate: NPA',
    'admins only, read-only (any method but GET or HEAD is 405), refusals audited the same way.',
    '',
    `## API (${api.length} routes)`,
    '',
    ...table(api),
    '',
    `## Pages (${pages.length} routes)`,
    '',
    ...table(pages),
    '',
  ].join('\n');
}
