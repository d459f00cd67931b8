// The load generator for bench/http.ts, in a process of its own so it does not share the server's
// event loop. Started with fork(); answers over IPC with the figures http.ts judges by.
//
// `paced`: open-loop load at a fixed rate with the requests spaced evenly, as wrk2 does: request i is due
// at start + i/rate and its latency counts from when it was due, so a server that falls behind is charged
// for the wait (no coordinated omission). autocannon's `overallRate` cannot do this: it gives each
// connection its share of the rate and lets it send that share back to back at the top of every second,
// so "10/s" over 10 connections was 10 requests at once, once a second, and its p99 measured how long
// the tenth waited behind the other nine (README, Benchmarks).
// `saturate`: autocannon with a fixed number of connections sending back to back: the most a route serves.
import autocannon from 'autocannon';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadInput {
  mode: 'paced' | 'saturate';
  url: string;
  paths: string[];
  token: string;
  /** Requests per second asked for (paced). */
  rate: number;
  /** Where in `paths` to start (paced), so successive steps can ask for paths not asked for before. */
  offset?: number;
  seconds: number;
  /** Connections sending back to back (saturate). */
  connections: number;
}

export interface LoadOutput {
  rate: number;
  achieved: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The load generator's own worst lateness in sending (paced), ms. */
  lag?: number;
}

const TIMEOUT_MS = 5000;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const ms = (n: number) => Math.round(n * 10) / 10;

async function paced(input: LoadInput): Promise<LoadOutput> {
  const { hostname, port } = new URL(input.url);
  // As many sockets as the load needs: a request that finds none free opens another rather than queueing here.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const headers = { authorization: `Bearer ${input.token}` };
  // The first second warms what a new rate needs (this process's code and sockets, the server's pool
  // growing to new PostgreSQL backends with cold caches) and is not recorded, as wrk2 calibrates first.
  const warmupMs = 1000;
  const total = Math.max(1, Math.round(input.rate * (input.seconds + warmupMs / 1000)));
  const interval = 1000 / input.rate;
  const latencies: number[] = [];
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  let settled = 0;
  let lag = 0;
  const start = performance.now();
  let end = start;
  await new Promise<void>((resolve) => {
    const settle = () => {
      if (++settled === total) {
        end = performance.now();
        resolve();
      }
    };
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      // How late this process itself is to send: a machine that stalls shows here as well as in the server.
      if (sent < total) lag = Math.max(lag, now - (start + sent * interval));
      for (; sent < total && start + sent * interval <= now; sent += 1) {
        const due = start + sent * interval;
        let timedOut = false;
        const req = request(
          { host: hostname, port, path: input.paths[((input.offset ?? 0) + sent) % input.paths.length], agent, headers, timeout: TIMEOUT_MS },
          (res) => {
            res.resume();
            res.on('end', () => {
              if (due >= start + warmupMs) latencies.push(performance.now() - due);
              if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) non2xx += 1;
              settle();
            });
          },
        );
        req.on('timeout', () => {
          timedOut = true;
          req.destroy(new Error('timeout'));
        });
        req.on('error', () => {
          if (timedOut) timeouts += 1;
          else errors += 1;
          settle();
        });
        req.end();
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rate: input.rate,
    achieved: latencies.length / ((end - start - warmupMs) / 1000),
    p50: ms(percentile(latencies, 50)),
    p99: ms(percentile(latencies, 99)),
    max: ms(latencies[latencies.length - 1] ?? NaN),
    errors,
    timeouts,
    non2xx,
    lag: ms(lag),
  };
}

async function saturate(input: LoadInput): Promise<LoadOutput> {
  let next = 0;
  const result = await autocannon({
    url: input.url,
    connections: input.connections,
    duration: input.seconds,
    timeout: TIMEOUT_MS / 1000,
    headers: { authorization: `Bearer ${input.token}` },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: input.paths[next++ % input.paths.length] }) }],
  });
  return {
    rate: 0,
    achieved: result.requests.total / input.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

process.once('message', (input: LoadInput) => {
  (input.mode === 'paced' ? paced(input) : saturate(input)).then(
    (output) => process.send!({ ok: true, output }, () => process.exit(0)),
    (error: Error) => process.send!({ ok: false, error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
