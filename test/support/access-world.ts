import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { DeclaredRoute, Actor } from '@npa/platform';
import { isNpaStaff, Role, ROLES, addDays, Clock, UsersService } from '@npa/platform';
import { ImportRuns } from '@npa/web';
import { approveThrough, completeJudged, readySetting } from './approval';
import { eventually } from './boot';
import { http, PASSWORD, signedIn, SignedIn, uniqueEmail } from './people';
import { registerBuilder } from './register';
import { makeTrainer, makeWorkshop } from './training';
import { MATRIX_YEAR, TEMPLATE_KIND } from './write-bodies';

/**
 * Two organisations of every kind ("own" and "other"), each with its people, records and signed-in
 * users, for the suites that call every route as every role: the access matrix and mass assignment.
 */

export type Caller = Role | 'anonymous';
export const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];

/** Whose records a call names: the caller's own organisation's, another's, or the caller's own id with another organisation's record under it. */
export type Side = 'own' | 'other' | 'mixed';

export interface Organisation {
  serviceId: string;
  teamPersonId: string;
  teamMemberId: string;
  teamMembershipId: string;
  supervisorPersonId: string;
  serviceLetterId: string;
  manager: SignedIn;
  settingId: string;
  ofstedUrn: string;
  staffId: string;
  staffPersonId: string;
  staffMembershipId: string;
  applicationId: string;
  evidenceId: string;
  settingLetterId: string;
  /** An inspection the setting's contact proposed, waiting for NPA staff. */
  inspectionId: string;
  contact: SignedIn;
  trainerId: string;
  workshopId: string;
  certificateCode: string;
  trainer: SignedIn;
}

export interface World {
  /** The app's today when the world was built. */
  today: string;
  own: Organisation;
  other: Organisation;
  admin: SignedIn;
  reviewer: SignedIn;
  /** A setting holding the Stamp of Approval today: the public check describes no other. */
  approvedOfstedUrn: string;
  /** A user nobody signs in as: the target of the user-management routes. */
  bystanderUserId: string;
  heartbeatId: string;
  verificationCode: string;
  /** The email of the own service's letter: staff may ask to send it again (409 unless it failed or is unknown). */
  mailDeliveryId: string;
  /** An import run each staff role started: only its starter may see it. */
  importRuns: Partial<Record<Role, string>>;
}

/** The signed-in user who plays each role (for the organisation roles: the "own" organisation's). */
export function userFor(world: World, role: Role): SignedIn {
  switch (role) {
    case 'npa_admin':
      return world.admin;
    case 'npa_reviewer':
      return world.reviewer;
    case 'service_manager':
      return world.own.manager;
    case 'setting_contact':
      return world.own.contact;
    case 'trainer':
      return world.own.trainer;
  }
}

async function organisation(app: NestFastifyApplication, admin: SignedIn, reviewer: SignedIn, today: string): Promise<Organisation> {
  const build = registerBuilder(app, admin);
  const as = (user: SignedIn) => ({
    post: async (path: string, body: object, status: number) => (await http(app).post(path).set(user.auth).send(body).expect(status)).body,
  });
  const get = async (path: string) => (await http(app).get(path).set(admin.auth).expect(200)).body;

  const service = await build.service();
  const teamPerson = await build.person('Pat Practitioner');
  const member = await build.member(service.id, teamPerson.id);
  const teamMembership = await build.membership(teamPerson.id, addDays(today, -100), addDays(today, 300));
  const supervisor = await build.person('Sam Supervisor');
  await build.member(service.id, supervisor.id, { role: 'supervisor' });
  await build.post(`/people/${teamPerson.id}/qualifications`, { kind: 'level3', status: 'achieved', date: addDays(today, -200) });
  const manager = await signedIn(app, 'service_manager', service.id);
  const serviceLetter = await build.post(`/services/${service.id}/letters`, {});

  const ready = await readySetting(app, admin, { today });
  const [staffMembership] = await get(`/people/${ready.staff.Ann.personId}/memberships`);
  const application = await as(ready.contact).post(`/settings/${ready.setting.id}/applications`, {}, 201);
  await completeJudged(app, application.id, ready.contact);
  const [evidence] = await get(`/applications/${application.id}/evidence`);
  await as(ready.contact).post(`/applications/${application.id}/submit`, {}, 200);
  await as(reviewer).post(`/applications/${application.id}/start-review`, {}, 200);
  // Waiting for information keeps the application editable, and writes the setting a letter.
  await as(reviewer).post(`/applications/${application.id}/request-information`, { message: 'Please add your latest review notes.' }, 200);
  const [settingLetter] = await get(`/settings/${ready.setting.id}/letters`);
  const inspection = await as(ready.contact).post(
    `/settings/${ready.setting.id}/inspections`,
    { date: addDays(today, -20), grade: 'good', reportUrl: 'https://reports.ofsted.gov.uk/provider/16/EY100001' },
    202,
  );

  const trainer = await makeTrainer(app, admin);
  const workshopId = await makeWorkshop(app, admin, trainer.id, -10, -9);
  await build.post(`/workshops/${workshopId}/attendees`, { personId: teamPerson.id });
  const outcome = await build.post(`/workshops/${workshopId}/outcomes`, { personId: teamPerson.id, outcome: 'completed' });

  return {
    serviceId: service.id,
    teamPersonId: teamPerson.id,
    teamMemberId: member.id,
    teamMembershipId: teamMembership.id,
    supervisorPersonId: supervisor.id,
    serviceLetterId: serviceLetter.letterId,
    manager,
    settingId: ready.setting.id,
    ofstedUrn: ready.setting.ofstedUrn,
    staffId: ready.staff.Ann.staffId,
    staffPersonId: ready.staff.Ann.personId,
    staffMembershipId: staffMembership.id,
    applicationId: application.id,
    evidenceId: evidence.id,
    settingLetterId: settingLetter.id,
    inspectionId: inspection.id,
    contact: ready.contact,
    trainerId: trainer.id,
    workshopId,
    certificateCode: outcome.certificateCode,
    trainer: await trainer.signIn(),
  };
}

/** Builds both organisations through the API; the worker must be running (it writes the letters). */
export async function buildWorld(app: NestFastifyApplication): Promise<World> {
  const admin = await signedIn(app, 'npa_admin');
  const reviewer = await signedIn(app, 'npa_reviewer');
  const today = app.get(Clock).today();
  const own = await organisation(app, admin, reviewer, today);
  const other = await organisation(app, admin, reviewer, today);
  const approved = await readySetting(app, admin, { today });
  await approveThrough(app, approved, reviewer);
  const bystander = await app.get(UsersService).create({ email: uniqueEmail('bystander'), name: 'Bystander', password: PASSWORD, role: 'npa_reviewer' }, null);
  const heartbeat = await http(app).post('/system/heartbeat').set(admin.auth).send({}).expect(202);
  const importRuns: Partial<Record<Role, string>> = {};
  for (const user of [admin, reviewer]) {
    const actor = (await http(app).get('/auth/me').set(user.auth).expect(200)).body as Actor;
    importRuns[actor.role] = app.get(ImportRuns).start(actor, 'people', 'name,email\n', { dryRun: true, fileName: 'people.csv', requestId: 'access-world' }).id;
  }
  const letters = [own.serviceLetterId, own.settingLetterId, other.serviceLetterId, other.settingLetterId];
  const db = app.get(DataSource);
  await eventually(async () => {
    const [row] = await db.query<{ ready: number }[]>(
      'SELECT count(*)::int AS ready FROM letters WHERE id = ANY($1) AND pdf_key IS NOT NULL AND html_key IS NOT NULL',
      [letters],
    );
    return row.ready === letters.length;
  }, 90_000);
  const [{ verification_code: verificationCode }] = await db.query<{ verification_code: string }[]>('SELECT verification_code FROM letters WHERE id = $1', [
    own.serviceLetterId,
  ]);
  const { id: mailDeliveryId } = await eventually(
    async () => (await db.query<{ id: string }[]>('SELECT id FROM mail_deliveries WHERE letter_id = $1', [own.serviceLetterId]))[0],
    30_000,
  );
  return {
    today,
    own,
    other,
    admin,
    reviewer,
    approvedOfstedUrn: approved.setting.ofstedUrn,
    bystanderUserId: bystander.id,
    heartbeatId: heartbeat.body.id,
    verificationCode,
    mailDeliveryId,
    importRuns,
  };
}

/** Routes that end the caller's sign-in (or every sign-in of the account): each call is made by a user of its own. */
export const SPENDS_SIGN_IN = new Set(['POST /sign-out', 'POST /auth/password']);

/** A new user in the role, for the same organisation as `userFor` gives (a trainer's owns no trainer record). */
export function freshUser(app: NestFastifyApplication, world: World, role: Role): Promise<SignedIn> {
  const organisationId = role === 'service_manager' ? world.own.serviceId : role === 'setting_contact' ? world.own.settingId : undefined;
  return signedIn(app, role, organisationId);
}

/* ----------------------------------------------------------------------------------------------
 * Path parameters. A route's parameter is looked up by the literal segment before it and its name
 * (`/services/:id/team/:memberId` -> `services/:id`, `team/:memberId`), so one line here covers that
 * parameter on every route, API or page. A new parameter needs one line; until then the access
 * matrix fails naming it.
 * ---------------------------------------------------------------------------------------------- */

/** A record of an organisation: the caller's own, or the other organisation's, per role where it matters. */
type Pick = (org: Organisation, role: Role) => string;
export type ParamFill = { kind: 'organisation'; pick: Pick } | { kind: 'shared'; value: (world: World, role: Role) => string };

const organisationRecord = (pick: Pick): ParamFill => ({ kind: 'organisation', pick });
const shared = (value: (world: World, role: Role) => string): ParamFill => ({ kind: 'shared', value });

/** A person or membership is "theirs" to a setting contact through the setting's staff, to everyone else through a service's team. */
const person = (org: Organisation, role: Role) => (role === 'setting_contact' ? org.staffPersonId : org.teamPersonId);
const letter = (org: Organisation, role: Role) => (role === 'setting_contact' ? org.settingLetterId : org.serviceLetterId);

export const PARAMS: Record<string, ParamFill> = {
  'services/:id': organisationRecord((o) => o.serviceId),
  'team/:memberId': organisationRecord((o) => o.teamMemberId),
  'settings/:id': organisationRecord((o) => o.settingId),
  'staff/:staffId': organisationRecord((o) => o.staffId),
  'inspections/:inspectionId': organisationRecord((o) => o.inspectionId),
  'people/:id': organisationRecord(person),
  'memberships/:membershipId': organisationRecord((o, role) => (role === 'setting_contact' ? o.staffMembershipId : o.teamMembershipId)),
  'applications/:id': organisationRecord((o) => o.applicationId),
  'application/:id': organisationRecord((o) => o.applicationId),
  'evidence/:evidenceId': organisationRecord((o) => o.evidenceId),
  'letters/:id': organisationRecord(letter),
  'trainers/:id': organisationRecord((o) => o.trainerId),
  'workshops/:id': organisationRecord((o) => o.workshopId),
  'users/:id': shared((w) => w.bystanderUserId),
  'heartbeat/:id': shared((w) => w.heartbeatId),
  'runs/:runId': shared((w, role) => w.importRuns[role] ?? w.importRuns.npa_admin!),
  'criteria/:criterionId': shared(() => 'SA-PRINCIPLES'),
  'letter-templates/:kind': shared(() => TEMPLATE_KIND),
  'templates/:kind': shared(() => TEMPLATE_KIND),
  'imports/:kind': shared(() => 'people'),
  'exports/:file': shared(() => 'people.csv'),
  'certificates/:code': shared((w) => w.own.certificateCode),
  'verify/:code': shared((w) => w.verificationCode),
  'mail-deliveries/:id': shared((w) => w.mailDeliveryId),
  'approved-settings/:ofstedUrn': shared((w) => w.approvedOfstedUrn),
  // A year no other suite files, closes or snapshots: the matrix closes and reopens it.
  'returns/:year': shared(() => MATRIX_YEAR),
  'return-years/:year': shared(() => MATRIX_YEAR),
  'snapshots/:year': shared(() => MATRIX_YEAR),
  'snapshot/:year': shared(() => MATRIX_YEAR),
  'local-authorities/:code': shared(() => 'E06000053'),
};

/** The parameters of a path with the key each is looked up by, in order. */
export function paramsOf(path: string): { name: string; key: string }[] {
  const segments = path.split('/').filter(Boolean);
  return segments.flatMap((segment, i) => {
    const match = /^:([A-Za-z0-9_]+)/.exec(segment);
    if (!match) return [];
    const literal =
      segments
        .slice(0, i)
        .reverse()
        .find((s) => !s.startsWith(':')) ?? '';
    return [{ name: match[1], key: `${literal}/:${match[1]}` }];
  });
}

/** Parameters the table cannot fill, each as "add <key> to the access matrix" for the failure message. */
export function missingParams(routes: DeclaredRoute[]): string[] {
  const missing = new Set<string>();
  for (const route of routes)
    for (const p of paramsOf(route.path))
      if (!PARAMS[p.key]) missing.add(`add ${p.key} to the access matrix (PARAMS in test/support/access-world.ts), needed by ${route.path}`);
  return [...missing];
}

/** Does the route name a record that belongs to an organisation (so "other" and "mixed" calls mean something)? */
export const namesOrganisationRecord = (route: DeclaredRoute) => paramsOf(route.path).some((p) => PARAMS[p.key]?.kind === 'organisation');

/** The first organisation record a route names: the scoped one if it declares a scope. */
function leadingParam(route: DeclaredRoute): string | undefined {
  const params = paramsOf(route.path).filter((p) => PARAMS[p.key]?.kind === 'organisation');
  return (params.find((p) => p.name === route.rule?.scope?.param) ?? params[0])?.name;
}

/** Which sides a route is called from: own only, unless it names an organisation's record; "mixed" when it names two. */
export function sidesOf(route: DeclaredRoute): Side[] {
  const named = paramsOf(route.path).filter((p) => PARAMS[p.key]?.kind === 'organisation').length;
  return named === 0 ? ['own'] : named === 1 ? ['own', 'other'] : ['own', 'other', 'mixed'];
}

/** The route's path with every parameter filled for this caller and side. */
export function fillPath(route: DeclaredRoute, world: World, caller: Caller, side: Side): string {
  // Anonymous callers see records through an organisation role's eyes (any will do: they are refused).
  const role: Role = caller === 'anonymous' ? 'service_manager' : caller;
  const lead = leadingParam(route);
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const p = paramsOf(route.path).find((q) => q.name === name)!;
    const fill = PARAMS[p.key];
    if (!fill) throw new Error(`add ${p.key} to the access matrix (PARAMS in test/support/access-world.ts)`);
    const org = side === 'own' || (side === 'mixed' && name === lead) ? world.own : world.other;
    return encodeURIComponent(fill.kind === 'shared' ? fill.value(world, role) : fill.pick(org, role));
  });
}

export const isStaff = (caller: Caller) => caller !== 'anonymous' && isNpaStaff(caller);

/* ----------------------------------------------------------------------------------------------
 * Nothing secret in any answer.
 * ---------------------------------------------------------------------------------------------- */

const SECRETS: [string, RegExp][] = [
  ['passwordHash', /passwordHash/i],
  ['password_hash', /password_hash/i],
  ['tokenVersion', /tokenVersion|token_version/i],
  ['an argon2 hash', /\$argon2(id|i|d)\$/],
  ['a JWT', /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/],
];

/** Sign-in answers with a token by contract (API.md); everything else in its answer is checked. */
const ISSUES_TOKEN = new Set(['POST /auth/login', 'POST /auth/password']);

/** What secret, if any, an answer gives away; `route` is `METHOD /path` as declared. */
export function secretsIn(route: string, response: { text?: string; body?: unknown }): string[] {
  const text =
    ISSUES_TOKEN.has(route) && response.body && typeof response.body === 'object'
      ? JSON.stringify({ ...response.body, accessToken: undefined })
      : (response.text ?? '');
  return SECRETS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/**
 * Staff user ids in an answer to someone outside the office: they get staff names and roles, never ids
 * (a forged token would need one). Sign-in is the exception: it answers whoever gave the staff
 * member's own password (the matrix signs in as the admin) with their own account.
 */
export function staffIdsIn(world: World, caller: Caller, route: string, response: { text?: string }): string[] {
  if (isStaff(caller) || route === 'POST /auth/login') return [];
  const text = response.text ?? '';
  return [world.admin.id, world.reviewer.id, world.bystanderUserId].filter((id) => text.includes(id)).map((id) => `staff user id ${id}`);
}

/* ----------------------------------------------------------------------------------------------
 * Browser sessions for the pages.
 * ---------------------------------------------------------------------------------------------- */

export interface PageSession {
  cookies: string[];
  csrf: string;
}

const setCookies = (response: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((response.headers['set-cookie'] as string[] | undefined) ?? []).map((c) => c.split(';')[0]);
const merge = (cookies: string[], set: string[]) => [...cookies.filter((c) => !set.some((s) => s.split('=')[0] === c.split('=')[0])), ...set];
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

const HOME: Record<Role, string> = {
  npa_admin: '/office',
  npa_reviewer: '/office',
  service_manager: '/service',
  setting_contact: '/setting',
  trainer: '/trainer',
};

/** A browser's session: signed in through the form when a user is given, else a visitor with only a CSRF token. */
export async function pageSession(app: NestFastifyApplication, user?: { email: string; role: Role }): Promise<PageSession> {
  const form = await http(app).get('/sign-in').expect(200);
  let cookies = setCookies(form);
  const token = csrfOf(form.text)!;
  if (!user) return { cookies, csrf: token };
  const signIn = await http(app).post('/sign-in').set('Cookie', cookies).type('form').send({ _csrf: token, email: user.email, password: PASSWORD }).expect(303);
  cookies = merge(cookies, setCookies(signIn));
  const home = await http(app).get(HOME[user.role]).set('Cookie', cookies).expect(200);
  return { cookies: merge(cookies, setCookies(home)), csrf: csrfOf(home.text) ?? token };
}
