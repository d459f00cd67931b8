// The load generator for bench/http.ts, in a process of its own so it does not share the server's
// cores' event loop: autocannon at a fixed overall rate for a few seconds, each request to the next
// path of a list in turn. Started with fork(); answers over IPC with the figures http.ts judges by.
import autocannon from 'autocannon';

export interface LoadInput {
  url: string;
  paths: string[];
  token: string;
  rate: number;
  seconds: number;
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
}

async function load(input: LoadInput): Promise<LoadOutput> {
  let next = 0;
  const result = await autocannon({
    url: input.url,
    connections: input.connections,
    overallRate: input.rate,
    duration: input.seconds,
    timeout: 5,
    headers: { authorization: `Bearer ${input.token}` },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: input.paths[next++ % input.paths.length] }) }],
  });
  return {
    rate: input.rate,
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
  load(input).then(
    (output) => process.send!({ ok: true, output }, () => process.exit(0)),
    (error: Error) => process.send!({ ok: false, error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
