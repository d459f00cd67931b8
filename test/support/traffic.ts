import type { Response, Test } from 'supertest';
import { eventually } from './boot';

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
  const count = (t: number, status: number) => after(t).filter((o) => (status === 2 ? ok(o) : o.status === status)).length;
  return {
    outcomes,
    /** Waits until `n` requests sent from `t` on were answered with `status` (2: any 2xx); says what came instead. */
    answered: async (n: number, status: number, t: number, timeoutMs = 60_000) => {
      await eventually(async () => count(t, status) >= n, timeoutMs).catch(() => {
        throw new Error(`fewer than ${n} answers ${status === 2 ? '2xx' : status} since the mark; got ${JSON.stringify(tally(after(t)))}`);
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
