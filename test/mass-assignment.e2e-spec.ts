import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessDeclarations, DeclaredRoute, methodName } from '@npa/platform';
import type { Role } from '@npa/platform';
import { buildWorld, fillPath, freshUser, secretsIn, SPENDS_SIGN_IN, userFor, World } from './support/access-world';
import { bootApi, bootWorker } from './support/boot';
import { http, SignedIn } from './support/people';
import { MadeBody, makeBody, sendBody, withExtra, WRITE_BODIES } from './support/write-bodies';

/** Fields a client must never be able to set on a record by adding them to a body. */
const FORBIDDEN = ['id', 'organisationId', 'role', 'state', 'decidedBy', 'createdAt'] as const;

/** The organisation's own roles first: they are the ones with something to gain from an extra field. */
const PREFERRED: readonly Role[] = ['setting_contact', 'service_manager', 'trainer', 'npa_admin', 'npa_reviewer'];

/** Tables a refused request may write to: its audit row, and the caller's browser session. */
const CHANGES_ALLOWED = ['audit_log', 'web_sessions'];

const same = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** One write route as this suite calls it: by the narrowest role allowed, for that role's own records. */
interface Call {
  key: string;
  route: DeclaredRoute;
  /** Signed in as, or nobody for a public route. */
  user: SignedIn | undefined;
  url: string;
  fields: readonly (typeof FORBIDDEN)[number][];
  body: MadeBody;
  /** The one field the route may refuse the body for (see WriteBody). */
  unknowable?: string;
}

describe('Mass assignment: every write route refuses fields it does not take, and changes nothing', () => {
  let app: NestFastifyApplication;
  let world: World;
  let writes: DeclaredRoute[];

  beforeAll(async () => {
    app = await bootApi();
    // The worker writes the world's letters, then stops: nothing may change the database behind the checks.
    const worker: INestApplicationContext = await bootWorker();
    try {
      world = await buildWorld(app);
    } finally {
      await worker.close();
    }
    writes = app
      .get(AccessDeclarations)
      .routes()
      .filter((r) => !r.rule?.page && methodName(r) !== 'GET');
  }, 180_000);

  afterAll(async () => app?.close());

  it('has a minimal valid body for every write route of the API, and none for a route that is gone', () => {
    const keys = writes.map((r) => `${methodName(r)} ${r.path}`);
    const missing = keys.filter((key) => !WRITE_BODIES[key]).map((key) => `${key}: add its minimal valid body to WRITE_BODIES in test/support/write-bodies.ts`);
    const stale = Object.keys(WRITE_BODIES).filter((key) => !keys.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('answers 400 naming each extra field, leaves every table as it was, then takes the same body without it', async () => {
    const failures: string[] = [];
    const calls: Call[] = [];
    for (const route of writes) {
      const key = `${methodName(route)} ${route.path}`;
      const entry = WRITE_BODIES[key];
      if (!entry) continue; // named by the test above
      const role = PREFERRED.find((r) => route.rule?.roles?.includes(r));
      const url = fillPath(route, world, role ?? 'anonymous', 'own');
      const fields = FORBIDDEN.filter((field) => !(entry.kind === 'json' && entry.accepts?.includes(field)));
      const user = role && (SPENDS_SIGN_IN.has(key) ? await freshUser(app, world, role) : userFor(world, role));
      const unknowable = entry.kind === 'json' ? entry.unknowable : undefined;
      calls.push({ key, route, user, url, fields, unknowable, body: await makeBody(entry, { app, world, org: world.own }) });
    }

    // Every refusal first, against the world as it was built; the tables are compared once around them all.
    const refuseAll = async (some: Call[]) => {
      for (const call of some) {
        for (const field of call.fields) {
          const response = await send(call, withExtra(call.body, field, extraValue(field)));
          const details = (response.body as { details?: { field: string }[] }).details ?? [];
          if (response.status !== 400) failures.push(`${call.key} + ${field}: expected 400, got ${response.status}`);
          else if (details.length === 0 || !details.every((d) => same(d.field).includes(same(field))))
            failures.push(`${call.key} + ${field}: details should name ${field} alone, got ${JSON.stringify(details)}`);
          failures.push(...leaked(call.key, response));
        }
      }
    };
    const before = await snapshot();
    await refuseAll(calls);
    if (changedTables(before, await snapshot()).length > 0) {
      // Something changed: find which route did it, one route at a time.
      for (const call of calls) {
        const start = await snapshot();
        await refuseAll([call]);
        const changed = changedTables(start, await snapshot());
        if (changed.length > 0) failures.push(`${call.key}: refused requests changed ${changed.join(', ')}`);
      }
    }

    // Then each body without the extra field: one the route takes (a conflict with the record's state aside).
    for (const call of calls) {
      const control = await send(call, call.body);
      const refusedFor = ((control.body as { details?: { field: string }[] }).details ?? []).map((d) => d.field);
      const unknowable = control.status === 400 && refusedFor.length > 0 && refusedFor.every((field) => field === call.unknowable);
      if (([400, 401, 403, 404].includes(control.status) && !unknowable) || control.status >= 500)
        failures.push(`${call.key}: its minimal body got ${control.status} ${control.text?.slice(0, 300)}`);
      failures.push(...leaked(call.key, control));
    }
    expect([...new Set(failures)]).toEqual([]);
  }, 600_000);

  function send(call: Call, made: MadeBody) {
    const request = http(app)[methodName(call.route).toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](call.url);
    if (call.user) request.set(call.user.auth);
    return sendBody(request, made);
  }

  const leaked = (key: string, response: { text?: string; body?: unknown }) => secretsIn(key, response).map((s) => `${key}: the answer holds ${s}`);

  function extraValue(field: (typeof FORBIDDEN)[number]): string {
    switch (field) {
      case 'id':
        return randomUUID();
      case 'organisationId':
        return world.other.settingId;
      case 'role':
        return 'npa_admin';
      case 'state':
        return 'approved';
      case 'decidedBy':
        return world.admin.id;
      case 'createdAt':
        return '2020-01-01T00:00:00.000Z';
    }
  }

  /** Every table's row count and a digest of its rows, but for the tables a refusal may write. */
  async function snapshot(): Promise<Map<string, string>> {
    const db = app.get(DataSource);
    const tables = await db.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ALL($1) ORDER BY table_name`,
      [CHANGES_ALLOWED],
    );
    const sql = tables
      .map(
        ({ table_name: t }) =>
          `SELECT '${t}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM "${t}" x`,
      )
      .join(' UNION ALL ');
    const rows = await db.query<{ t: string; digest: string }[]>(sql);
    return new Map(rows.map((r) => [r.t, r.digest]));
  }

  const changedTables = (before: Map<string, string>, after: Map<string, string>) => [...after.keys()].filter((t) => before.get(t) !== after.get(t));
});
