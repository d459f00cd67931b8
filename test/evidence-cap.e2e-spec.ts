import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '@npa/platform';
import { PDF, readySetting } from './support/approval';
import { bootApi } from './support/boot';
import { http, signedIn, SignedIn } from './support/people';
import { formSession, webSession } from './support/web-session';

const MB = 1024 * 1024;
/** A PDF of about `mb` megabytes: the header every reader takes, padded with a comment. */
const bigPdf = (mb: number) => Buffer.concat([Buffer.from('%PDF-1.4\n%'), Buffer.alloc(mb * MB, 0x61), Buffer.from('\n%%EOF\n')]);

describe('Evidence is capped per application: count and total size, refused clearly and changing nothing', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let storage: string;

  beforeAll(async () => {
    storage = mkdtempSync(join(tmpdir(), 'npa-evidence-cap-'));
    app = await bootApi({ EVIDENCE_FILES_PER_APPLICATION: '3', EVIDENCE_MB_PER_APPLICATION: '10', STORAGE_DIR: storage });
    admin = await signedIn(app, 'npa_admin');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    rmSync(storage, { recursive: true, force: true });
  });

  const draft = async () => {
    const ready = await readySetting(app, admin, { today: app.get(Clock).today() });
    const id = (await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201)).body.id as string;
    return { id, contact: ready.contact };
  };
  const upload = (id: string, contact: SignedIn, file: Buffer, name = 'evidence.pdf') =>
    http(app).post(`/applications/${id}/evidence`).set(contact.auth).field('criterionId', 'SA-PRINCIPLES').attach('file', file, name);
  /** Everything an upload could change: the rows, the application's version and history, its audit rows, the stored files. */
  const snapshot = async (id: string) => {
    const db = app.get(DataSource);
    const [row] = await db.query<{ evidence: number; version: number; events: number; audit: number }[]>(
      `SELECT (SELECT count(*)::int FROM evidence WHERE application_id = $1) AS evidence, (SELECT version FROM applications WHERE id = $1) AS version,
              (SELECT count(*)::int FROM application_events WHERE application_id = $1) AS events, (SELECT count(*)::int FROM audit_log WHERE entity_id = $1::text) AS audit`,
      [id],
    );
    return { ...row, files: readdirSync(storage, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length };
  };

  it('refuses a file past the count with 409 in the shape of every error, and changes nothing', async () => {
    const { id, contact } = await draft();
    for (let i = 0; i < 3; i++) await upload(id, contact, PDF).expect(201);
    const before = await snapshot(id);
    const refused = await upload(id, contact, PDF).expect(409);
    expect(refused.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'The application already holds 3 evidence files, the most it may hold: remove one before adding another.',
      details: [{ field: 'file', problem: 'would be more than 3 files for this application' }],
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses a file that takes the total past its size with 413, and changes nothing', async () => {
    const { id, contact } = await draft();
    await upload(id, contact, bigPdf(6)).expect(201);
    const before = await snapshot(id);
    const refused = await upload(id, contact, bigPdf(6)).expect(413);
    expect(refused.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      details: [{ field: 'file', problem: "would take this application's evidence over 10 MB" }],
    });
    expect(refused.body.message).toMatch(/may total 10 MB and 4\.0 MB is left/);
    expect(await snapshot(id)).toEqual(before);
    // A smaller file still fits.
    await upload(id, contact, bigPdf(3)).expect(201);
  });

  it('shows the refusal on the page, at the file, and keeps nothing', async () => {
    const { id, contact } = await draft();
    for (let i = 0; i < 3; i++) await upload(id, contact, PDF).expect(201);
    const before = await snapshot(id);
    const form = await formSession(app, '/setting/application', await webSession(app, contact.email));
    const page = await http(app)
      .post(`/setting/application/${id}/evidence`)
      .set('Cookie', form.cookies)
      .field('_csrf', form.token)
      .field('criterionId', 'SA-RECORDS')
      .attach('file', PDF, 'one-more.pdf')
      .expect(409);
    expect(page.text).toContain('would be more than 3 files for this application');
    expect(page.text).toContain('href="#file-SA-RECORDS"');
    expect(await snapshot(id)).toEqual(before);
  });
});
