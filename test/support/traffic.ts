import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import type { DataSource } from 'typeorm';
import { eventually } from './boot';
import { http, SignedIn, uniqueEmail } from './people';

export interface Outcome {
  op: string;
  /** 0: no answer within the timeout. */
  status: number;
  body: unknown;
  /** What a write created (a unique name), to look for in the database afterwards. */
  key?: string;
  startedAt: number;
}

export interface Op {
  name: string;
  call: (n: number) => { request: Test; key?: string };
}

/** A request that does not answer in this long counts as a failure of its own (status 0), not a 503. */
const TIMEOUT_MS = 15_000;

/**
 * A steady stream of requests from a few clients at once, each answer kept, until stopped: the load a
 * fault drill pulls the database or Redis from under. Nothing is retried, so each write is sent once.
 */
export function traffic(ops: Op[], clients = 3) {
  const outcomes: Outcome[] = [];
  let stopping = false;
  let n = 0;
  const client = async () => {
    while (!stopping) {
      const i = n++;
      const op = ops[i % ops.length];
      const { request, key } = op.call(i);
      const startedAt = Date.now();
      const response = await request.timeout(TIMEOUT_MS).then(
        (r: Response) => r,
        (error: { response?: Response }) => error.response,
      );
      outcomes.push({ op: op.name, status: response?.status ?? 0, body: response?.body, key, startedAt });
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const running = Array.from({ length: clients }, client);
  const after = (t: number) => outcomes.filter((o) => o.startedAt >= t);
  const count = (t: number, status: number, op?: string) => after(t).filter((o) => (!op || o.op === op) && (status === 2 ? ok(o) : o.status === status)).length;
  return {
    outcomes,
    /** Waits until `n` requests (of `op`, or any) sent from `t` on were answered with `status` (2: any 2xx); says what came instead. */
    answered: async (n: number, status: number, t: number, op?: string) => {
      await eventually(async () => count(t, status, op) >= n, 60_000).catch(() => {
        throw new Error(`fewer than ${n} ${op ?? ''} answers ${status === 2 ? '2xx' : status} since the mark; got ${JSON.stringify(tally(after(t)))}`);
      });
    },
    stop: async () => {
      stopping = true;
      await Promise.all(running);
      return outcomes;
    },
  };
}

export const ok = (o: Outcome) => o.status >= 200 && o.status < 300;

/** How many answers of each op and status, for a failure message. */
export function tally(outcomes: Outcome[]): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const o of outcomes) seen[`${o.op} ${o.status}`] = (seen[`${o.op} ${o.status}`] ?? 0) + 1;
  return seen;
}

/** API.md's error shape and nothing more: no stack, no SQL, no internal name. */
export const CLEAN_503 = { statusCode: 503, error: 'Service Unavailable', message: expect.any(String) as unknown as string };

const INTERNALS = /select|insert|update|relation|column|constraint|syntax|stack|ECONN|terminat|postgres|typeorm|redis|ioredis|bullmq|pg_|\.ts\b|\.js\b|node_modules|127\.0\.0\.1|localhost|\bat\s+\w+\s*\(/i;

/** Whatever the body says, it names nothing inside the system. */
export const leaksNothing = (body: unknown) => !INTERNALS.test(JSON.stringify(body ?? ''));

/** Reads and writes over the register that need only PostgreSQL, as staff at work make them. */
export function registerWork(app: NestFastifyApplication, as: SignedIn, services: { id: string }[]): Op[] {
  const service = (n: number) => services[n % services.length].id;
  return [
    { name: 'read', call: (n) => ({ request: http(app).get(`/services/${service(n)}`).set(as.auth) }) },
    { name: 'list', call: () => ({ request: http(app).get('/services?pageSize=5').set(as.auth) }) },
    {
      name: 'attendance',
      call: (n) => {
        const key = `Drill network ${randomUUID()}`;
        return { key, request: http(app).post(`/services/${service(n)}/networking-attendance`).set(as.auth).send({ date: '2025-03-01', event: key }) };
      },
    },
    {
      name: 'person',
      call: () => {
        const key = uniqueEmail('drill');
        return { key, request: http(app).post('/people').set(as.auth).send({ name: 'Drill Person', email: key }) };
      },
    },
  ];
}

/** Each write of registerWork answered 2xx is in the database once; one that failed is there at most once. */
export async function expectWritesKept(db: DataSource, outcomes: Outcome[]) {
  const writes = outcomes.filter((o) => o.key && (o.op === 'attendance' || o.op === 'person'));
  for (const o of writes) {
    const [row] = await db.query<{ n: number }[]>(
      o.op === 'attendance' ? 'SELECT count(*)::int AS n FROM networking_attendance WHERE event = $1' : 'SELECT count(*)::int AS n FROM people WHERE email = $1',
      [o.key],
    );
    if (ok(o)) expect({ ...o, n: row.n }).toMatchObject({ n: 1 });
    else expect(row.n).toBeLessThanOrEqual(1);
  }
  expect(writes.filter(ok).length).toBeGreaterThan(0);
}

/** Every answer that is not 2xx is API.md's 503, naming nothing inside. */
export function expectCleanFailures(outcomes: Outcome[]) {
  for (const o of outcomes.filter((x) => !ok(x))) {
    expect({ op: o.op, status: o.status, body: o.body }).toEqual({ op: o.op, status: 503, body: CLEAN_503 });
    expect(leaksNothing(o.body)).toBe(true);
  }
}
