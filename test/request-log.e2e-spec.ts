import type { ChildProcess } from 'node:child_process';
import { freePort } from './support/ports';
import { spawnApi } from './support/processes';

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  app?: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
}

/**
 * What an operator reads for each request, from the API run as `npm start` runs it (its own process,
 * JSON on stdout at LOG_LEVEL=info): one line per request, carrying the request id a client sent, with
 * secrets never written; the container's health checks not at all.
 */
describe('the request log of the running API', () => {
  let api: ChildProcess | undefined;
  let url: string;
  let output = () => '';

  const lines = (of = output): LogLine[] =>
    of()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  const linesFor = (id: string) => lines().filter((line) => line.req?.id === id);
  /** The lines come a moment after the answer (pino writes them in batches, at least once a second). */
  const eventually = async <T>(read: () => T, done: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < 50; i += 1) {
      const value = read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return read();
  };

  beforeAll(async () => {
    ({ child: api, url, output } = await spawnApi());
  }, 60_000);

  afterAll(() => {
    api?.kill('SIGTERM');
  });

  it('writes one line for a request, with the id the client sent, its status and time, and no secret', async () => {
    const response = await fetch(`${url}/no-such-page?token=s3cret-token&page=2`, {
      headers: { 'x-request-id': 'log-check-404', authorization: 'Bearer not-a-real-token-but-secret' },
    });
    expect(response.status).toBe(404);
    const mine = await eventually(
      () => linesFor('log-check-404'),
      (found) => found.length > 0,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 30,
      app: 'npa',
      msg: expect.stringMatching(/^GET \/no-such-page\?token=\[redacted\]&page=2 404 \d+ ms$/),
      req: { id: 'log-check-404', method: 'GET', url: '/no-such-page?token=[redacted]&page=2' },
      res: { statusCode: 404 },
      responseTime: expect.any(Number),
    });
    expect(output()).not.toContain('s3cret-token');
    expect(output()).not.toContain('not-a-real-token-but-secret');
  });

  it('gives a request without an id one of its own, and answers a signed-out request to a guarded route in one line too', async () => {
    const response = await fetch(`${url}/services`);
    expect(response.status).toBe(401);
    const mine = await eventually(
      () => lines().filter((line) => line.req?.url === '/services'),
      (found) => found.length > 0,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0].req?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(mine[0].msg).toMatch(/^GET \/services 401 \d+ ms$/);
  });

  it('does not log the health checks a container makes every few seconds', async () => {
    await fetch(`${url}/health`, { headers: { 'x-request-id': 'log-check-health' } });
    await fetch(`${url}/no-such-page`, { headers: { 'x-request-id': 'log-check-after-health' } });
    await eventually(
      () => linesFor('log-check-after-health'),
      (found) => found.length > 0,
    );
    expect(linesFor('log-check-health')).toEqual([]);
    expect(lines().filter((line) => line.req?.url === '/health')).toEqual([]);
  });

  it('names the request on a line logged while it is served, not only on its own line', async () => {
    // Redis out of reach (nothing listens on the port): a sign-in, whose rate limit is kept there, is
    // refused with 503 and a warning logged by the error filter as the request is answered.
    const { child, url: away, output: awayOutput } = await spawnApi({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const response = await fetch(`${away}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'log-check-within' },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'not-the-password-1' }),
      });
      expect(response.status).toBe(503);
      const read = () => lines(awayOutput).filter((line) => line.req?.id === 'log-check-within');
      const mine = await eventually(read, (found) => found.length >= 2);
      expect(mine).toEqual([
        expect.objectContaining({ level: 40, context: 'Errors', req: { id: 'log-check-within', method: 'POST', url: '/auth/login' } }),
        expect.objectContaining({ level: 30, msg: expect.stringMatching(/^POST \/auth\/login 503 \d+ ms$/) as unknown }),
      ]);
      // The request's body is never on a line, not even the failed request's warning.
      expect(awayOutput()).not.toContain('not-the-password-1');
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
