import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { AccessDeclarations, controllersOf, declaredRoutes, DeclaredRoute, methodName, renderAccessMatrix, Role, ROLES } from '@npa/platform';
import {
  buildWorld,
  Caller,
  CALLERS,
  fillPath,
  freshUser,
  isStaff,
  missingParams,
  PageSession,
  pageSession,
  secretsIn,
  Side,
  staffIdsIn,
  sidesOf,
  SPENDS_SIGN_IN,
  userFor,
  World,
} from './support/access-world';
import { bootApi, bootWorker } from './support/boot';
import { http } from './support/people';
import { MadeBody, makeBody, sendBody, WRITE_BODIES } from './support/write-bodies';

/** What a call must get: through the guard, or one of its refusals (and whether that refusal is audited). */
type Outcome = 'through' | 'unauthenticated' | 'forbidden' | 'not found';

/** A refusal of a signed-in user the guard must have written to the audit log. */
interface Refusal {
  role: Role;
  entityId: string;
  what: string;
}

interface Expected {
  outcome: Outcome;
  audited: boolean;
}

/** The answer API.md promises for a caller, read from nothing but the route's own declaration. */
function expectedFor(route: DeclaredRoute, caller: Caller, side: Side): Expected {
  const rule = route.rule!;
  if (rule.public) return { outcome: 'through', audited: false };
  if (caller === 'anonymous') return { outcome: 'unauthenticated', audited: false };
  if (!rule.roles?.includes(caller)) return { outcome: 'forbidden', audited: true };
  // A record filed under another organisation's parent is nobody's to reach, the office's included;
  // the service answers that, so the guard has nothing to audit.
  if (side === 'mixed') return { outcome: 'not found', audited: false };
  if (isStaff(caller) || side === 'own') return { outcome: 'through', audited: false };
  return { outcome: 'not found', audited: true };
}

/** How an answer reads: a page refuses a signed-out browser by sending it to sign in, with where it was going. */
function observed(route: DeclaredRoute, status: number, location?: string): Outcome | number {
  if (route.rule?.page && status === 303 && location?.startsWith('/sign-in?next=')) return 'unauthenticated';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not found';
  return status;
}

const matches = (expected: Outcome, got: Outcome | number) => (expected === 'through' ? typeof got === 'number' && got < 500 : got === expected);

/** Reads first, then changes, then deletions, so a change never takes away a record a later read needs. */
const ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const inCallOrder = (routes: DeclaredRoute[]) => [...routes].sort((a, b) => ORDER.indexOf(methodName(a)) - ORDER.indexOf(methodName(b)));

describe('Access matrix: every route called as every role, for its own organisation and another', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let world: World;
  let routes: DeclaredRoute[];
  const sessions = new Map<Caller, PageSession>();

  beforeAll(async () => {
    app = await bootApi();
    worker = await bootWorker();
    world = await buildWorld(app);
    routes = app.get(AccessDeclarations).routes();
    sessions.set('anonymous', await pageSession(app));
    for (const role of ROLES) sessions.set(role, await pageSession(app, { email: userFor(world, role).email, role }));
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  it('can fill the parameters of every route (a new parameter needs its line in the matrix)', () => {
    expect(missingParams(routes)).toEqual([]);
  });

  it('reads the same routes from the modules alone as the running app lists, and docs/access-matrix.md is current', () => {
    const key = (r: DeclaredRoute) => `${methodName(r)} ${r.path}`;
    expect(declaredRoutes(controllersOf(AppModule)).map(key).sort()).toEqual(routes.map(key).sort());
    const committed = readFileSync(join(__dirname, '..', 'docs', 'access-matrix.md'), 'utf8');
    // When this fails: npm run docs:access, and commit the file.
    expect(committed).toBe(renderAccessMatrix(routes));
  });

  it("refuses a setting contact another setting's member of staff on the leaver form: 404, audited, nothing changed", async () => {
    const db = app.get(DataSource);
    const endDate = async () =>
      (await db.query<{ end_date: string | null }[]>('SELECT end_date FROM setting_staff WHERE id = $1', [world.other.staffId]))[0].end_date;
    const session = sessions.get('setting_contact')!;
    const url = `/setting/staff/${world.other.staffId}/left`;
    await http(app).post(url).set('Cookie', session.cookies).type('form').send({ _csrf: session.csrf, endDate: world.today }).expect(404);
    expect(await endDate()).toBeNull();
    const audited = await db.query(`SELECT 1 FROM audit_log WHERE action = 'access.refused' AND actor_id = $1 AND entity_id = $2`, [
      world.own.contact.id,
      `POST ${url}`,
    ]);
    expect(audited).toHaveLength(1);
  });

  it("refuses another organisation's record named in a body rather than the path, and changes nothing", async () => {
    const db = app.get(DataSource);
    const count = async (sql: string, id: string) => (await db.query<{ n: number }[]>(sql, [id]))[0].n;
    const workshops = () => count('SELECT count(*)::int AS n FROM workshops WHERE trainer_id = $1', world.other.trainerId);
    const before = await workshops();
    const body = { trainerId: world.other.trainerId, startDate: world.today, endDate: world.today, venue: 'Elsewhere', capacity: 5 };
    const workshop = await http(app).post('/workshops').set(world.own.trainer.auth).send(body);
    expect([403, 404]).toContain(workshop.status);
    expect(await workshops()).toBe(before);

    const session = sessions.get('service_manager')!;
    const leaver = await http(app)
      .post('/service/team/leaver')
      .set('Cookie', session.cookies)
      .type('form')
      .send({ _csrf: session.csrf, memberId: world.other.teamMemberId, endDate: world.today });
    expect([403, 404]).toContain(leaver.status);
    expect(await count('SELECT count(*)::int AS n FROM team_members WHERE id = $1 AND end_date IS NULL', world.other.teamMemberId)).toBe(1);
  });

  it('answers every call as the route declares, audits every refusal of a signed-in user, and leaks no secret nor a staff user id outside the office', async () => {
    const mismatches: string[] = [];
    const leaks: string[] = [];
    const refusals: Refusal[] = [];
    const deleted = new Set<string>();
    const callable = routes.filter((r) => missingParams([r]).length === 0);

    for (const route of inCallOrder(callable)) {
      const method = methodName(route);
      for (const caller of CALLERS) {
        for (const side of sidesOf(route)) {
          const url = fillPath(route, world, caller, side);
          const response = await call(route, method, url, caller, side);
          let expected = expectedFor(route, caller, side);
          // A record this run already deleted is gone for every later caller: 404 from the service, not the guard.
          if (method === 'DELETE' && expected.outcome === 'through' && deleted.has(url)) expected = { outcome: 'not found', audited: false };
          const got = observed(route, response.status, response.headers.location);
          const what = `${caller} ${side}: ${method} ${route.path} (${url})`;
          if (!matches(expected.outcome, got))
            mismatches.push(
              `${what} expected ${expected.outcome}, got ${response.status}${response.headers.location ? ` -> ${response.headers.location}` : ''}`,
            );
          else if (expected.audited && caller !== 'anonymous') refusals.push({ role: caller, entityId: `${method} ${url}`, what });
          if (method === 'DELETE' && response.status < 300) deleted.add(url);
          const secrets = [...secretsIn(`${method} ${route.path}`, response), ...staffIdsIn(world, caller, `${method} ${route.path}`, response)];
          if (secrets.length > 0) leaks.push(`${what} answered with ${secrets.join(', ')}`);
        }
      }
    }

    const unaudited = await missingAudit(refusals);
    expect({ mismatches, unaudited, leaks }).toEqual({ mismatches: [], unaudited: [], leaks: [] });
    // The matrix did call things: every declared route, and every refusal it expected was seen.
    expect(callable.length).toBe(routes.length);
    expect(refusals.length).toBeGreaterThan(routes.length);
  }, 600_000);

  async function call(route: DeclaredRoute, method: string, url: string, caller: Caller, side: Side) {
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const request = http(app)[verb](url).redirects(0);
    const user =
      caller === 'anonymous' ? undefined : SPENDS_SIGN_IN.has(`${method} ${route.path}`) ? await freshUser(app, world, caller) : userFor(world, caller);
    if (route.rule?.page) {
      const session =
        caller === 'anonymous' || user === userFor(world, caller) ? sessions.get(caller)! : await pageSession(app, { email: user!.email, role: caller });
      request.set('Cookie', session.cookies);
      // Every form carries its token; a refusal here must come from the guard, never from a missing token.
      return method === 'GET' ? request : request.type('form').send({ _csrf: session.csrf });
    }
    if (user) request.set(user.auth);
    if (method === 'GET') return request;
    // A valid body, so a call for one's own record does the real thing; a route not in the table yet
    // gets an empty one (its 400 still shows the call got past the guard; mass assignment names it).
    const body = WRITE_BODIES[`${method} ${route.path}`];
    const made: MadeBody = body ? await makeBody(body, { app, world, org: side === 'other' ? world.other : world.own }) : { kind: 'json', value: {} };
    return sendBody(request, made);
  }

  /** The refusals with no `access.refused` row for their caller and request (one row each). */
  async function missingAudit(refusals: Refusal[]): Promise<string[]> {
    const ids = ROLES.map((role) => userFor(world, role).id);
    const rows = await app
      .get(DataSource)
      .query<{ actor_id: string; entity_id: string }[]>(`SELECT actor_id, entity_id FROM audit_log WHERE action = 'access.refused' AND actor_id = ANY($1)`, [
        ids,
      ]);
    const seen = new Map<string, number>();
    for (const row of rows) seen.set(`${row.actor_id} ${row.entity_id}`, (seen.get(`${row.actor_id} ${row.entity_id}`) ?? 0) + 1);
    return refusals.flatMap(({ role, entityId, what }) => {
      const key = `${userFor(world, role).id} ${entityId}`;
      const left = seen.get(key) ?? 0;
      if (left === 0) return [`${what}: no access.refused audit row`];
      seen.set(key, left - 1);
      return [];
    });
  }
});
