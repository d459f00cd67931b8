import type { ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { spawnApi } from './support/processes';

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

/** The API as `npm start` runs it, with a short shutdown grace for the test, and when it exits. */
async function startApi(graceSeconds: number): Promise<Running> {
  const { child, port, output } = await spawnApi({ SHUTDOWN_GRACE_SECONDS: String(graceSeconds) });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (code) => resolve({ code, at: Date.now() })));
  return { child, port, output, exited };
}

/** A client that has sent part of a request's headers: to the server, a request still arriving. */
async function halfRequest(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  return { socket, received: () => received, closed };
}

/**
 * Stopping the API (SIGTERM, as an orchestrator or `docker compose stop` sends it): requests already
 * arriving are given SHUTDOWN_GRACE_SECONDS to finish, then their connections are closed and the process
 * exits, rather than waiting as long as a slow or stalled client likes.
 */
describe('stopping the API', () => {
  let api: Running | undefined;

  afterEach(() => {
    if (api?.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
  });

  it('closes a connection still sending its request once the grace period is over, and exits', async () => {
    api = await startApi(2);
    const client = await halfRequest(api.port);
    const sent = Date.now();
    api.child.kill('SIGTERM');
    const { code, at } = await api.exited;
    await client.closed;
    expect(code).toBe(0);
    // Not before the grace period, and not long after it (Node's own limit for a request's headers is a minute).
    expect(at - sent).toBeGreaterThanOrEqual(2000);
    expect(at - sent).toBeLessThan(10_000);
    expect(api.output()).toMatch(/still open after the 2 s grace period; closing 1 connection/);
  }, 30_000);

  it('answers a request that arrives in full within the grace period, then exits', async () => {
    api = await startApi(10);
    const client = await halfRequest(api.port);
    const sent = Date.now();
    api.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    client.socket.write('\r\n');
    const { code, at } = await api.exited;
    await client.closed;
    expect(code).toBe(0);
    // An answer, and the connection closed with it: while stopping, a request is told to go elsewhere.
    expect(client.received()).toMatch(/^HTTP\/1\.1 (200|503) /);
    expect(at - sent).toBeLessThan(10_000);
    expect(api.output()).not.toMatch(/grace period; closing/);
  }, 30_000);

  it('exits at once when nothing is in flight', async () => {
    api = await startApi(10);
    const response = await fetch(`http://127.0.0.1:${api.port}/health`);
    expect(response.status).toBe(200);
    const sent = Date.now();
    api.child.kill('SIGTERM');
    const { code, at } = await api.exited;
    expect(code).toBe(0);
    expect(at - sent).toBeLessThan(5000);
  }, 30_000);
});
