import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { addDays } from '@npa/platform';
import { COMPUTED, JUDGED, PDF } from './approval';
import type { Organisation, World } from './access-world';
import { http, PASSWORD, uniqueEmail } from './people';
import { makePerson } from './training';

/**
 * A minimal valid body for every write route of the API, keyed `METHOD /path` as the route declares it.
 * The access matrix sends it (so a call for one's own record does the real thing, not only a 400), and
 * the mass-assignment suite sends it with each forbidden field added. A write route missing here fails
 * the mass-assignment suite, naming it: a new route needs one line.
 */
export interface BodyContext {
  app: NestFastifyApplication;
  world: World;
  /** The organisation whose records the route's path names for this call. */
  org: Organisation;
}

export type WriteBody =
  /**
   * A JSON body. `accepts`: forbidden-looking names that are real fields of this route (e.g. a user's
   * role). `unknowable`: a field no test can know the right value of (a code from an authenticator app):
   * the body is valid but for it, and the route may refuse it naming that field alone.
   */
  | { kind: 'json'; make: (ctx: BodyContext) => object | Promise<object>; accepts?: readonly string[]; unknowable?: string }
  /** The route takes no body at all; a body with any field is refused. */
  | { kind: 'none' }
  /** A CSV file as the body (Content-Type: text/csv): fields are columns. */
  | { kind: 'csv'; make: (ctx: BodyContext) => string }
  /** A multipart upload: fields before the one file part. */
  | { kind: 'multipart'; make: (ctx: BodyContext) => { fields: Record<string, string>; file: Buffer; fileName: string } };

const json = (make: (ctx: BodyContext) => object | Promise<object>, accepts?: readonly string[], unknowable?: string): WriteBody => ({
  kind: 'json',
  make,
  accepts,
  unknowable,
});
const NONE: WriteBody = { kind: 'none' };
/** Days from the app's own today (the world's), so the bodies mean the same on any day. */
const ago = (ctx: BodyContext, days: number) => addDays(ctx.world.today, -days);
const ahead = (ctx: BodyContext, days: number) => addDays(ctx.world.today, days);
const tag = () => randomUUID().slice(0, 8);

/** The template the suites republish unchanged: one no other suite counts the versions of. */
export const TEMPLATE_KIND = 'lapse-notice';

/** The reporting year the suites file, close and reopen: one no other suite uses. */
export const MATRIX_YEAR = '2010-11';

export const WRITE_BODIES: Record<string, WriteBody> = {
  'POST /auth/login': json(({ world }) => ({ email: world.admin.email, password: PASSWORD })),
  'POST /auth/password': json(() => ({ currentPassword: PASSWORD, newPassword: 'a-fresh-passphrase-for-the-matrix' })),
  'POST /auth/totp/setup': NONE,
  'POST /auth/totp/confirm': json(() => ({ code: '000000' }), [], 'code'),
  'DELETE /users/:id/totp': NONE,
  'DELETE /users/:id/sign-in-lock': NONE,
  'POST /system/heartbeat': json(() => ({})),
  'POST /users': json(() => ({ email: uniqueEmail('made'), name: 'Made User', password: PASSWORD, role: 'npa_reviewer' }), ['role', 'organisationId']),
  'PATCH /users/:id': json(() => ({ name: `Renamed ${tag()}` }), ['role', 'organisationId']),

  'POST /services': json(() => ({ name: `Portage ${tag()}`, localAuthority: 'Portsmouth', region: 'South East', ageRange: '0-5' })),
  'PATCH /services/:id': json(() => ({ region: 'South West' })),
  'POST /services/:id/team': json(async (ctx) => ({
    personId: (await makePerson(ctx.app, 'starter')).id,
    role: 'practitioner',
    fte: 0.5,
    caseload: 6,
    startDate: ago(ctx, 3),
  })),
  'PATCH /services/:id/team/:memberId': json(() => ({ caseload: 11 })),
  'POST /services/:id/networking-attendance': json((ctx) => ({ date: ago(ctx, 20), event: 'South East regional networking day' })),
  'POST /services/:id/supervision-sessions': json((ctx) => ({
    date: ago(ctx, 1),
    supervisorId: ctx.org.supervisorPersonId,
    practitionerIds: [ctx.org.teamPersonId],
  })),
  'POST /services/:id/compliance/what-if': json((ctx) => ({ changes: [{ kind: 'member_leaves', memberId: ctx.org.teamMemberId, endDate: ctx.world.today }] })),
  'POST /services/:id/letters': NONE,
  'POST /mail-deliveries/:id/resend': json(() => ({ reason: 'The recipient says it never arrived' })),

  'POST /people': json(() => ({ name: 'New Person', email: uniqueEmail('new') })),
  'PATCH /people/:id': json(() => ({ name: `Pat ${tag()}` })),
  'POST /people/:id/memberships': json((ctx) => ({ number: `NPA-${tag()}`, startDate: ahead(ctx, 2000), endDate: ahead(ctx, 2100) })),
  'PATCH /people/:id/memberships/:membershipId': json((ctx) => ({ endDate: ahead(ctx, 200) })),
  'POST /people/:id/qualifications': json(() => ({ kind: 'relevant_degree', status: 'working_towards' })),
  'POST /people/:id/induction': json((ctx) => ({ completedOn: ago(ctx, 5) })),

  'POST /settings': json(() => ({
    name: `Little Steps ${tag()}`,
    ofstedUrn: `EY${String(Math.floor(Math.random() * 9e6) + 1e6)}`,
    kind: 'nursery',
    staffCount: 8,
  })),
  'PATCH /settings/:id': json(() => ({ staffCount: 9 })),
  'POST /settings/:id/inspections': json((ctx) => ({ date: ago(ctx, 30), grade: 'good', reportUrl: 'https://reports.ofsted.gov.uk/provider/16/EY100002' })),
  'POST /settings/:id/inspections/:inspectionId/confirm': NONE,
  'POST /settings/:id/inspections/:inspectionId/reject': json(() => ({ reason: 'The report on Ofsted gives another date.' })),
  'POST /settings/:id/staff': json(async (ctx) => ({ personId: (await makePerson(ctx.app, 'staff')).id, startDate: ago(ctx, 3) })),
  'PATCH /settings/:id/staff/:staffId': json((ctx) => ({ endDate: ahead(ctx, 30) })),
  'POST /settings/:id/applications': NONE,

  'POST /trainers': json(async (ctx) => ({ personId: (await makePerson(ctx.app, 'trainer')).id, accreditedFrom: ago(ctx, 10), accreditedTo: ahead(ctx, 300) })),
  // The trainer's own account again: the link stays where the matrix's trainer needs it.
  'PUT /trainers/:id/user': json((ctx) => ({ userId: ctx.org.trainer.id })),
  'POST /trainers/:id/accreditations': json((ctx) => ({ accreditedFrom: ahead(ctx, 2000), accreditedTo: ahead(ctx, 2300) })),
  'POST /workshops': json((ctx) => ({
    trainerId: ctx.org.trainerId,
    startDate: ahead(ctx, 30),
    endDate: ahead(ctx, 31),
    venue: 'Taunton Library',
    capacity: 10,
  })),
  'POST /workshops/:id/confirm': NONE,
  'POST /workshops/:id/attendees': json(() => ({ name: 'Walk In', email: uniqueEmail('walkin') })),
  'POST /workshops/:id/outcomes': json((ctx) => ({ personId: ctx.org.teamPersonId, outcome: 'completed' })),

  'POST /imports/:kind': { kind: 'csv', make: () => `name,email\nImported Person,${uniqueEmail('imported')}\n` },
  'POST /compliance/snapshots': json(() => ({})),
  'PUT /compliance/parameters': json(() => ({ supervisionMaxGapDays: 14 })),
  // A day before any record: the sweep runs through, and finds nothing that other suites of the run made.
  'PUT /services/:id/returns/:year': json(() => ({
    referralsAccepted: 40,
    childrenSupported: 35,
    waitingList: 6,
    ageRange: '0-5',
    fundingSource: 'local_authority',
    budgetCut: false,
    teamFte: 3.5,
    annualCost: 90000,
  })),
  'PATCH /return-years/:year': json(() => ({ dueOn: '2011-06-30' })),
  'POST /return-years/:year/close': NONE,
  'POST /return-years/:year/reopen': NONE,
  'POST /snapshots/:year/reports': NONE,
  // An authority already on the table: valid, refused as a duplicate, so the 317 stay 317 for other suites.
  'POST /local-authorities': json(() => ({ code: 'E06000053', name: 'Isles of Scilly', region: 'South West', kind: 'isles_of_scilly' })),
  'PATCH /local-authorities/:code': json(() => ({ region: 'South West' })),
  'POST /sweeps': json(() => ({ asOf: '2001-01-02' })),

  'POST /letter-templates/:kind/preview': json(() => ({})),
  'POST /letter-templates/:kind/versions': json(async ({ app, world }) => {
    const [current] = (await http(app).get(`/letter-templates/${TEMPLATE_KIND}`).set(world.admin.auth).expect(200)).body as { body: string; text: string }[];
    return { html: current.body, text: current.text, note: 'Republished unchanged' };
  }),

  'PUT /applications/:id/criteria/:criterionId': json(() => ({ statement: 'We review plans with parents each term.' })),
  'POST /applications/:id/criteria/:criterionId/confirm': NONE,
  'PUT /applications/:id/criteria/:criterionId/recommendation': json(() => ({ outcome: 'pass' })),
  'POST /applications/:id/evidence': { kind: 'multipart', make: () => ({ fields: { criterionId: 'SA-PRINCIPLES' }, file: PDF, fileName: 'principles.pdf' }) },
  'DELETE /applications/:id/evidence/:evidenceId': NONE,
  'POST /applications/:id/submit': json(() => ({ message: 'Here is what you asked for.' })),
  'POST /applications/:id/start-review': NONE,
  'POST /applications/:id/request-information': json(() => ({ message: 'Please add your review notes.' })),
  'POST /applications/:id/withdraw': json(() => ({})),
  'POST /applications/:id/decision': json(() => ({
    decision: 'rejected',
    criteria: [...JUDGED, ...COMPUTED].map((id) => ({ id, outcome: 'fail', reason: 'Not shown yet.' })),
  })),
};

/** A body made for one call, ready to send. */
export type MadeBody =
  | { kind: 'json'; value: Record<string, unknown> }
  | { kind: 'none' }
  | { kind: 'csv'; value: string }
  | { kind: 'multipart'; value: { fields: Record<string, string>; file: Buffer; fileName: string } };

export async function makeBody(body: WriteBody, ctx: BodyContext): Promise<MadeBody> {
  switch (body.kind) {
    case 'json':
      return { kind: 'json', value: { ...(await body.make(ctx)) } };
    case 'none':
      return { kind: 'none' };
    case 'csv':
      return { kind: 'csv', value: body.make(ctx) };
    case 'multipart':
      return { kind: 'multipart', value: body.make(ctx) };
  }
}

/** The same body with one more field: a property, a CSV column, or a form field before the file. */
export function withExtra(made: MadeBody, field: string, value: string): MadeBody {
  switch (made.kind) {
    case 'json':
      return { kind: 'json', value: { ...made.value, [field]: value } };
    case 'none':
      return { kind: 'json', value: { [field]: value } };
    case 'csv': {
      const [header, ...rows] = made.value.trimEnd().split('\n');
      return { kind: 'csv', value: [`${header},${field}`, ...rows.map((row) => `${row},${value}`)].join('\n') + '\n' };
    }
    case 'multipart':
      return { kind: 'multipart', value: { ...made.value, fields: { ...made.value.fields, [field]: value } } };
  }
}

interface Sendable {
  send(body: unknown): this;
  set(field: string, value: string): this;
  field(name: string, value: string): this;
  attach(field: string, file: Buffer, name: string): this;
}

export function sendBody<T extends Sendable>(request: T, made: MadeBody): T {
  switch (made.kind) {
    case 'json':
      return request.send(made.value);
    case 'none':
      return request;
    case 'csv':
      return request.set('Content-Type', 'text/csv').send(made.value);
    case 'multipart': {
      for (const [name, value] of Object.entries(made.value.fields)) request.field(name, value);
      return request.attach('file', made.value.file, made.value.fileName);
    }
  }
}
