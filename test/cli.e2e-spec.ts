import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '@npa/platform';
import { bootApi } from './support/boot';
import { http, uniqueEmail } from './support/people';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], { env: process.env });

describe('The command line', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await bootApi();
  });

  afterAll(async () => app?.close());

  it('makes the first NPA admin, who can then sign in', async () => {
    const email = uniqueEmail('first-admin');
    const { stdout } = await cli('create-admin', '--email', email, '--password', 'a-long-enough-password');
    expect(stdout).toContain(`Created NPA admin ${email}`);
    const login = await http(app).post('/auth/login').send({ email, password: 'a-long-enough-password' }).expect(200);
    expect(login.body.user.roles).toEqual(['npa_admin']);
  }, 60_000);

  it('refuses a short password with a clear message and exit code 1', async () => {
    await expect(cli('create-admin', '--email', uniqueEmail('weak'), '--password', 'short')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/password must be longer than or equal to 10/),
    });
  }, 60_000);

  it('refuses a common password with exit code 1', async () => {
    await expect(cli('create-admin', '--email', uniqueEmail('common'), '--password', 'password123')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/password is one of the most common passwords/),
    });
  }, 60_000);

  it('seeds a demo register with compliant and non-compliant services', async () => {
    const before = await app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM services');
    const { stdout } = await cli('seed-demo');
    expect(stdout).toMatch(/Demo register added: 20 services \(300 team members\), 40 settings/);
    const after = await app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM services');
    expect(after[0].n - before[0].n).toBe(20);
    // The Stamp of Approval has a history too: awards on the public register, applications in the queue.
    const [, awards, open, returns] =
      /(\d+) Stamp of Approval awards, (\d+) open applications, and (\d+) annual returns for \d{4}\/\d{2} and \d{4}\/\d{2}/.exec(stdout) ?? [];
    expect(Number(awards)).toBeGreaterThan(5);
    expect(Number(open)).toBeGreaterThan(5);
    // Two years of annual returns: most of the 20 services file each year.
    expect(Number(returns)).toBeGreaterThan(25);
    const register = await http(app).get('/public/approved-settings?pageSize=500').expect(200);
    expect(register.body.total).toBeGreaterThanOrEqual(Number(awards));
    expect(stdout).toMatch(/Demo sign-ins \(61 users, password "demo-password-2025"\)/);
  }, 60_000);

  it('sweeps the demo register on demand, printing what it found and sent, with the emails in the outbox folder', async () => {
    const outbox = mkdtempSync(join(tmpdir(), 'npa-outbox-'));
    const { stdout } = await run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'sweep', '--as-of', app.get(Clock).today()],
      {
        env: { ...process.env, OUTBOX_DIR: outbox },
      },
    );
    expect(stdout).toMatch(/Swept as of \d{4}-\d{2}-\d{2}: \d+ services/);
    const [, due] = /Reminders due: (\d+)/.exec(stdout) ?? [];
    expect(Number(due)).toBeGreaterThan(0);
    expect(stdout).toMatch(/Sending: 0 waiting, [1-9]\d* sent/);
    expect(stdout).toContain(`the emails are .eml files in ${outbox}`);
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(0);
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(outbox, f)))));
    const reminder = mails.find((m) => m.subject?.startsWith('Reminder'));
    // Reminders are emails (text and HTML); a signed letter from the same sweep carries its PDF.
    expect(reminder).toMatchObject({ attachments: [], text: expect.stringContaining('Verification code NPA-'), html: expect.stringContaining('NPA-') });
    for (const letter of mails.filter((m) => !m.subject?.startsWith('Reminder')))
      expect(letter.attachments[0]).toMatchObject({ contentType: 'application/pdf' });

    await expect(cli('sweep', '--as-of', '2026-02-30')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--as-of must be a date written YYYY-MM-DD'),
    });
  }, 120_000);
});
