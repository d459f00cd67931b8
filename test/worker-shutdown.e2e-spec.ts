import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { bootApi, eventually, spawnWorker } from './support/boot';
import { http, signedIn, SignedIn } from './support/people';

interface HeartbeatRow {
  started_at: Date | null;
  processed_at: Date | null;
  attempts: number;
}

describe('Worker shutdown', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
  });

  afterAll(async () => app?.close());

  const row = async (id: string) =>
    (await app.get(DataSource).query<HeartbeatRow[]>('SELECT started_at, processed_at, attempts FROM system_heartbeats WHERE id = $1', [id]))[0];

  it('finishes the job in flight when sent SIGTERM, and exits cleanly', async () => {
    const worker = await spawnWorker();
    const queued = await http(app).post('/system/heartbeat').set(admin.auth).send({ holdMs: 3000 }).expect(202);
    await eventually(async () => (await row(queued.body.id)).started_at);

    const exited = new Promise<number | null>((resolve) => worker.child.on('exit', (code) => resolve(code)));
    worker.child.kill('SIGTERM');
    // Nest closes the app (workers finish their jobs), then exits with 0, writing the log lines still held.
    expect(await exited).toBe(0);
    expect(worker.output()).toContain('Stopping workers (SIGTERM)');
    // Logged just before the process exits, so written only by the flush at exit.
    expect(worker.output()).toContain('Workers stopped: every job in flight has finished');

    const done = await row(queued.body.id);
    expect(done.processed_at).not.toBeNull();
    expect(done.attempts).toBe(1);
  }, 90_000);

  it('retries a job whose worker was killed outright, on the next worker', async () => {
    const env = { WORKER_LOCK_MS: '2000' };
    const first = await spawnWorker(env);
    const queued = await http(app).post('/system/heartbeat').set(admin.auth).send({ holdMs: 1500 }).expect(202);
    await eventually(async () => (await row(queued.body.id)).started_at);
    const killed = new Promise((resolve) => first.child.on('exit', resolve));
    first.child.kill('SIGKILL');
    await killed;
    expect((await row(queued.body.id)).processed_at).toBeNull();

    const second = await spawnWorker(env);
    try {
      const done = await eventually(async () => {
        const current = await row(queued.body.id);
        return current.processed_at ? current : undefined;
      }, 60_000);
      expect(done.attempts).toBe(2);
    } finally {
      const exited = new Promise((resolve) => second.child.on('exit', resolve));
      second.child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
