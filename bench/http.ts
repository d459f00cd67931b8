// Reads under load against the real API (createApp, as main.ts builds it) over a register at a scale,
// from a second process (bench/load.ts), the app in a process of its own run compiled, as production runs
// dist/ (bench/http-app.ts): for each route, open-loop load with evenly spaced requests at a
// rate doubled until two steps in a row miss (p99 of 25 ms or more, an error, a non-2xx answer, or under
// 95% of the rate asked for; a miss is tried once more), then bisected twice above the highest rate held. Beside it,
// the most each route serves with 8 connections back to back (autocannon). The targets are ratios to the
// true floors (bench/floors.ts: bare Fastify + pg, and bare Fastify), each taken in turns with the figures
// it is beside. The old floor stays beside the paced figures: a route on the same server, behind the same
// guard and bearer token, that reads one service by primary key, in a bench-only module passed to
// createApp, never in the app. Compliance is measured twice: for today, whose answers the app keeps until
// the register changes, and for past dates, computed afresh.
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '@npa/platform';
import type { AppInput } from './http-app';
import type { LoadInput, LoadOutput } from './load';
import type { FloorInput } from './floors';
import { countCpuOf, POSTGRES } from './cpu-time';
import { benchDatabase, benchEnv, bestRun, buildRegister, describeRegister, inChild, perSecond, row, startServer, type Row } from './support';

const P99_MS = 25;
const RATES = [10, 25, 50, 100, 200, 400, 800, 1600, 3200, 6400];
const SATURATING_CONNECTIONS = 8;
/** The app, its floors and the load generator all run compiled on plain Node, as production runs dist/. */
const COMPILED = { compiled: true };

const held = (r: LoadOutput) => r.p99 < P99_MS && r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r.achieved >= 0.95 * r.rate;

/**
 * The highest rate held: stepping up by doubling until two steps in a row miss or the server falls
 * behind (a single slow request at a low rate, where p99 of a few dozen is their maximum, does not end
 * the search), then bisecting twice between the highest rate held and the next step up.
 */
async function highestHeld(name: string, base: Omit<LoadInput, 'rate' | 'mode'>): Promise<{ rate: number; at: LoadOutput | null }> {
  let offset = 0; // each step goes on where the last one stopped in the list of paths
  const once = async (rate: number) => {
    const r = await inChild<LoadInput, LoadOutput>(join(__dirname, 'load.ts'), 'load', { ...base, mode: 'paced', rate, offset }, COMPILED);
    offset += Math.round(rate * (base.seconds + 1));
    console.log(
      `http: ${name} at ${rate}/s: ${r.achieved.toFixed(0)}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}, sender late by up to ${r.lag} ms: ${held(r) ? 'held' : 'missed'}`,
    );
    return r;
  };
  // This shared machine stalls now and then for a few hundred ms (the sender sees it too): a step that
  // misses while the server kept up (>= 95% served) is tried once more, for every route alike.
  const step = async (rate: number) => {
    const r = await once(rate);
    return held(r) || r.achieved < 0.95 * rate ? r : once(rate);
  };
  await step(RATES[0]); // warm-up: connections, JIT, PostgreSQL's cache
  let best: LoadOutput | null = null;
  let misses = 0;
  for (const rate of RATES) {
    const r = await step(rate);
    if (held(r)) {
      best = r;
      misses = 0;
    } else if (++misses === 2 || r.achieved < 0.9 * rate) break;
  }
  let missedAt = RATES.find((rate) => rate > (best?.rate ?? 0));
  for (let i = 0; i < 2 && missedAt !== undefined && best; i += 1) {
    const rate = Math.round((best.rate + missedAt) / 2);
    const r = await step(rate);
    if (held(r)) best = r;
    else missedAt = rate;
  }
  return { rate: best?.rate ?? 0, at: best };
}

/** Two seconds of the same load, not recorded: a new server's pool opens its backends and prepares its statements. */
const warm = (base: Omit<LoadInput, 'rate' | 'mode'>) =>
  inChild<LoadInput, LoadOutput>(
    join(__dirname, 'load.ts'),
    'load',
    { ...base, seconds: 2, mode: 'saturate', rate: 0, connections: SATURATING_CONNECTIONS },
    COMPILED,
  );

/** Rounds of each true floor and the app's routes after it; each figure is the best of its rounds. */
const ROUNDS = 2;

/** One of the app's routes measured beside a true floor; `paths` may differ from round to round (answers kept in memory). */
interface Beside {
  name: string;
  paths: (round: number) => string[];
}

/**
 * The app's routes each measured right after a true floor (bench/floors.ts) in a server process of its
 * own, so each ratio compares figures taken seconds apart. Floor and app take turns, ROUNDS times, and
 * each keeps its best: on this shared machine a few seconds can run at half speed, and one such stall in
 * a single pair decided the ratio either way (README, Benchmarks); a floor taken minutes before its
 * figure, as the compliance and review-queue ratios once were, moved them by more than half.
 */
function trueFloors(base: Omit<LoadInput, 'rate' | 'mode' | 'paths'>, input: FloorInput, appPid: number) {
  const bareFloor = async (task: string, name: string, paths: string[]) => {
    const server = await startServer(join(__dirname, 'floors.ts'), task, input, COMPILED);
    try {
      const check = await fetch(`${server.url}${paths[0]}`, { headers: { authorization: `Bearer ${base.token}` } });
      if (check.status !== (task === 'api' ? 200 : 404)) throw new Error(`${name}: ${check.status} ${await check.text()}`);
      await warm({ ...base, url: server.url, paths });
      return await saturated(name, { ...base, url: server.url, paths }, server.pid);
    } finally {
      await server.stop();
    }
  };
  return {
    bareFloor,
    /** The floor, then each route (after two seconds of the first to wake the app's pool), ROUNDS times. */
    inTurns: async (task: string, floorName: string, floorPaths: string[], routes: Beside[]) => {
      const floors: LoadOutput[] = [];
      const apps: LoadOutput[][] = routes.map(() => []);
      for (let round = 0; round < ROUNDS; round += 1) {
        floors.push(await bareFloor(task, floorName, floorPaths));
        await warm({ ...base, paths: routes[0].paths(round) });
        for (const [i, route] of routes.entries()) apps[i].push(await saturated(route.name, { ...base, paths: route.paths(round) }, appPid));
      }
      return { floor: bestRun(floors, (r) => r.achieved, 'highest'), apps: apps.map((runs) => bestRun(runs, (r) => r.achieved, 'highest')) };
    },
  };
}

/**
 * The most a route serves with a few connections sending back to back, whatever the latency; with the
 * server's pid, also the CPU the server and PostgreSQL spent per request meanwhile (from /proc), which
 * this machine's slow spells move far less than the rate: five alternating rounds of the same two builds
 * told the request line's cost by CPU when their rates crossed (README, Benchmarks, session 40).
 */
async function saturated(name: string, base: Omit<LoadInput, 'rate' | 'mode'>, serverPid?: number): Promise<LoadOutput> {
  const cpu = serverPid === undefined ? null : countCpuOf({ server: { pid: serverPid }, postgres: POSTGRES });
  const r = await inChild<LoadInput, LoadOutput>(
    join(__dirname, 'load.ts'),
    'load',
    { ...base, mode: 'saturate', rate: 0, connections: SATURATING_CONNECTIONS },
    COMPILED,
  );
  const spent = cpu?.();
  const perRequest = (ms: number | null) => (ms === null ? '?' : `${((ms * 1000) / Math.max(1, r.achieved * base.seconds)).toFixed(1)} µs`);
  console.log(
    `http: ${name} saturated by ${SATURATING_CONNECTIONS} connections: ${r.achieved.toFixed(0)}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}` +
      (spent ? `; CPU per request: the server ${perRequest(spent.server)}, PostgreSQL ${perRequest(spent.postgres)}` : ''),
  );
  return r;
}

export async function httpPart(options: { scale: number; seconds: number; paced: boolean }): Promise<Row[]> {
  benchEnv('http');
  process.env.LOGIN_RATE_LIMIT = '1000';
  const db = await benchDatabase('http');
  process.env.DATABASE_URL = db.url;
  try {
    const register = await buildRegister(db.url, { scale: options.scale });
    console.log(`http: ${describeRegister(register)}`);
    const reviewer: AppInput = { email: `bench-reviewer-${process.pid}@bench.example.org`, password: 'bench-password-2025' };
    // At production's log level, one line per request, to a file as production's go to a log collector:
    // at the bench's own `warn` no request line would be made, and that cost would not be measured.
    const log = join(process.env.VAR_DIR!, 'api.log');
    const app = await startServer(join(__dirname, 'http-app.ts'), 'app', reviewer, { ...COMPILED, env: { LOG_LEVEL: 'info' }, stdout: log });
    try {
      const url = app.url;
      const email = reviewer.email;
      const login = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: reviewer.password }),
      });
      if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const base = { url, token: accessToken, seconds: options.seconds, connections: SATURATING_CONNECTIONS };
      const services = register.serviceIds;

      // Each service on each of the days `from` to `to` before today, a different service each time.
      const pastDays = (from: number, to: number) =>
        Array.from(
          { length: (to - from) * services.length },
          (_, i) => `/services/${services[i % services.length]}/compliance?asOf=${addDays(register.today, -1 - from - Math.floor(i / services.length))}`,
        );
      const routes = {
        floor: services.map((id) => `/bench-floor/services/${id}`),
        byId: services.map((id) => `/services/${id}`),
        unknown: Array.from({ length: 1000 }, (_, i) => `/no-such-page/${i}`),
        compliance: services.map((id) => `/services/${id}/compliance`),
        // One of the last 90 days, a different service and day each time: every answer is computed afresh,
        // over a register as full as today's (further back the generated register thins out).
        computed: pastDays(0, 40),
        // Days no earlier step asked for, 25 for each of the ROUNDS (days 40 to 90): an answer computed
        // once is kept, and would be served from memory.
        computedFresh: (round: number) => pastDays(40 + 25 * round, 65 + 25 * round),
        queue: ['/review-queue'],
      };
      // Today's answers are kept until the register changes (EvaluationCache): read each once first, as
      // the office's first look of the day would, so every step below measures the same state.
      await perSecond(services.length, 8, async (i) => {
        const response = await fetch(`${url}${routes.compliance[i]}`, { headers: { authorization: `Bearer ${accessToken}` } });
        if (!response.ok) throw new Error(`compliance of ${services[i]}: ${response.status}`);
        await response.arrayBuffer();
      });
      const none = { rate: 0, at: null };
      const floor = options.paced ? await highestHeld('PK floor', { ...base, paths: routes.floor }) : none;
      const compliance = options.paced ? await highestHeld('compliance', { ...base, paths: routes.compliance }) : none;
      const computed = options.paced ? await highestHeld('compliance as of past dates', { ...base, paths: routes.computed }) : none;
      // Only the paced rows are read beside the primary-key floor.
      const pkFloor = options.paced ? await saturated('PK floor', { ...base, paths: routes.floor }, app.pid) : null;

      const floors = trueFloors(base, { databaseUrl: db.url, jwtSecret: process.env.JWT_SECRET! }, app.pid);
      const floorA = 'true floor (a): bare Fastify + pg, GET /services/{id}';
      const reads = await floors.inTurns('api', floorA, routes.byId, [
        { name: 'GET /services/{id}', paths: () => routes.byId },
        { name: 'compliance (today)', paths: () => routes.compliance },
        { name: 'compliance as of past dates', paths: routes.computedFresh },
      ]);
      const [byId, today, computedMost] = reads.apps;
      const missing = await floors.inTurns('notFound', 'true floor (b): bare Fastify, an unknown path', routes.unknown, [
        { name: 'an unknown path (404)', paths: () => routes.unknown },
      ]);
      // The review queue's search takes a minute or more: floor (a) just before it and just after, the higher kept.
      const queueFloorBefore = await floors.bareFloor('api', floorA, routes.byId);
      const queue = await highestHeld('review queue', { ...base, paths: routes.queue });
      const queueMost = await saturated('review queue', { ...base, paths: routes.queue }, app.pid);
      const queueFloor = bestRun([queueFloorBefore, await floors.bareFloor('api', floorA, routes.byId)], (r) => r.achieved, 'highest');

      const floorIs = 'one row by primary key, same server, same guard';
      const target = `>= 25% of floor, p99 < ${P99_MS} ms, no errors`;
      const fig = (what: string, r: { rate: number; at: LoadOutput | null }) =>
        `${what}: highest rate held, evenly spaced (req/s; p99 ${r.at ? `${r.at.p99} ms` : '-'})`;
      const sat = (what: string, r: LoadOutput) => `${what}: most served by ${SATURATING_CONNECTIONS} connections back to back (req/s; p99 ${r.p99} ms)`;
      const met = (r: { rate: number }) => r.rate > 0 && r.rate >= 0.25 * floor.rate;
      const apiIs = 'bare Fastify + pg: same token check, same two prepared reads, same JSON; 8 connections, in turns with the figure';
      const most8 = (what: string) => `${what}: most served by ${SATURATING_CONNECTIONS} connections back to back (req/s)`;
      const truly = (figure: string, value: number, floorIs: string, floorValue: number, share: number, extra = '') =>
        row({
          part: 'http',
          figure,
          unit: 'req/s',
          value,
          floorIs,
          floor: floorValue,
          target: `>= ${share} of floor${extra}`,
          met: value > 0 && value >= share * floorValue,
        });
      // Beside the old floor, the app's own primary-key route behind its own guard (kept for comparison with earlier tables).
      // A paced rate held is held to the old target; the rest are printed beside the old floor without one.
      const besidePk = (figure: string, value: number, floorValue: number, held?: { rate: number }) =>
        row({ part: 'http', figure, unit: 'req/s', value, floorIs, floor: floorValue, target: held ? target : null, met: held ? met(held) : null });
      const paced = pkFloor
        ? [
            besidePk(
              fig('GET /services/{id}/compliance (today; answers kept until the register changes)', compliance),
              compliance.rate,
              floor.rate,
              compliance,
            ),
            besidePk(fig('GET /services/{id}/compliance?asOf= a past date, computed each time', computed), computed.rate, floor.rate),
            besidePk(fig('GET /review-queue', queue), queue.rate, floor.rate, queue),
            besidePk(sat('GET /services/{id}/compliance (today)', today), today.achieved, pkFloor.achieved),
            besidePk(sat('GET /services/{id}/compliance?asOf= (computed)', computedMost), computedMost.achieved, pkFloor.achieved),
            besidePk(sat('GET /review-queue', queueMost), queueMost.achieved, pkFloor.achieved),
          ]
        : [];
      return [
        truly(most8('GET /services/{id}'), byId.achieved, apiIs, reads.floor.achieved, 0.6),
        truly(most8('an unknown path (404)'), missing.apps[0].achieved, 'bare Fastify answering the same 404 body; 8 connections', missing.floor.achieved, 0.6),
        truly(most8('GET /services/{id}/compliance (today)'), today.achieved, apiIs, reads.floor.achieved, 0.5),
        truly(most8('GET /services/{id}/compliance?asOf= (computed)'), computedMost.achieved, apiIs, reads.floor.achieved, 0.2),
        truly(
          fig('GET /review-queue', queue),
          queue.rate,
          'bare Fastify + pg: same token check, same two prepared reads, same JSON; 8 connections, just before and just after the search',
          queueFloor.achieved,
          0.25,
          `, p99 < ${P99_MS} ms, no errors`,
        ),
        ...paced,
      ];
    } finally {
      console.log(`http: ${residentMemory(app.pid)}`);
      await app.stop();
      console.log(`http: the API logged ${(await linesIn(log)).toLocaleString('en-GB')} lines at LOG_LEVEL=info (one per request)`);
    }
  } finally {
    await db.drop();
  }
}

/**
 * The API's resident memory now and at its highest (Linux, /proc). It keeps compliance answers and facts
 * (EvaluationCache, FactsLoader), bounded by count; V8 collects their garbage lazily on a machine with
 * memory to spare, so the resident figure runs well above what is live (README, Benchmarks, session 41).
 */
function residentMemory(pid: number): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024);
    return `the API's resident memory at the end: ${mb('VmRSS')} MB, at its highest ${mb('VmHWM')} MB`;
  } catch {
    return "the API's resident memory: unknown (no /proc)";
  }
}

/** The lines in a file, read as a stream (a full run's API log is a few hundred MB). */
async function linesIn(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return lines;
}
