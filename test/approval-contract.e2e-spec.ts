// The Stamp of Approval as API.md describes it, driven as an outside client would: evidence is
// multipart `file` only, a decision lists the four judged criteria. The refinements (a criterionId on
// the upload, the computed criteria in a decision) are checked for what they must never do: be dropped,
// or contradict the register.
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock, addDays } from '@npa/platform';
import { JUDGED, PDF, readySetting } from './support/approval';
import { bootApi } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';

type Criterion = { id: string; outcome: string | null; explanation: string; reason: string | null; evidenceIds: string[] };

describe('Stamp of Approval: the published contract', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;

  const post = (path: string, as: SignedIn, body: object = {}) => http(app).post(path).set(as.auth).send(body);
  const judgedOnly = (over: Record<string, { outcome: string; reason: string }> = {}) =>
    JUDGED.map((id) => ({ id, ...(over[id] ?? { outcome: 'pass', reason: `${id}: the statement and evidence show it.` }) }));
  const evidenceRows = async (id: string) =>
    app.get(DataSource).query<{ criterion_id: string | null }[]>('SELECT criterion_id FROM evidence WHERE application_id = $1', [id]);
  const storedFiles = () => {
    try {
      return readdirSync(join(process.env.STORAGE_DIR!, 'evidence'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    } catch {
      return 0;
    }
  };
  const criteriaOf = async (id: string, as: SignedIn) => (await http(app).get(`/applications/${id}`).set(as.auth).expect(200)).body.criteria as Criterion[];

  /** Opened, a statement per judged criterion, and one file with nothing but `file`. */
  async function drafted(ready: Awaited<ReturnType<typeof readySetting>>) {
    const id = (await post(`/settings/${ready.setting.id}/applications`, ready.contact).expect(201)).body.id as string;
    for (const criterion of JUDGED) {
      await http(app)
        .put(`/applications/${id}/criteria/${criterion}`)
        .set(ready.contact.auth)
        .send({ statement: `How we meet ${criterion}.` })
        .expect(200);
    }
    const file = await http(app).post(`/applications/${id}/evidence`).set(ready.contact.auth).attach('file', PDF, 'our-practice.pdf').expect(201);
    return { id, fileId: file.body.id as string };
  }

  /** Drafted, submitted and under review. */
  async function underReview(ready: Awaited<ReturnType<typeof readySetting>>) {
    const { id, fileId } = await drafted(ready);
    await post(`/applications/${id}/submit`, ready.contact).expect(200);
    await post(`/applications/${id}/start-review`, reviewer).expect(200);
    return { id, fileId };
  }

  beforeAll(async () => {
    app = await bootApi();
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
  }, 60_000);

  afterAll(async () => app?.close());

  it('takes evidence with only `file` as evidence for every judged criterion, and submits on it', async () => {
    const ready = await readySetting(app, admin, { today });
    const { id, fileId } = await drafted(ready);
    expect(await evidenceRows(id)).toEqual([{ criterion_id: null }]);

    // Reviewers and the setting see the one file beside each judged criterion, and beside no computed one.
    for (const as of [reviewer, ready.contact]) {
      const criteria = await criteriaOf(id, as);
      for (const c of criteria) expect(c.evidenceIds).toEqual(JUDGED.includes(c.id) ? [fileId] : []);
    }
    const submitted = await post(`/applications/${id}/submit`, ready.contact).expect(200);
    expect(submitted.body.state).toBe('submitted');
  });

  it('says in the 409 what each criterion still needs, counting untagged evidence for all', async () => {
    const ready = await readySetting(app, admin, { today });
    const id = (await post(`/settings/${ready.setting.id}/applications`, ready.contact).expect(201)).body.id as string;
    await http(app).put(`/applications/${id}/criteria/SA-RECORDS`).set(ready.contact.auth).send({ statement: 'Shared records go home weekly.' }).expect(200);
    const empty = await post(`/applications/${id}/submit`, ready.contact).expect(409);
    expect(empty.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.stringContaining('SA-PRINCIPLES needs a statement and evidence') });
    expect(empty.body.details).toContainEqual({ field: 'SA-RECORDS', problem: 'needs evidence' });

    await http(app).post(`/applications/${id}/evidence`).set(ready.contact.auth).attach('file', PDF, 'all.pdf').expect(201);
    const fewer = await post(`/applications/${id}/submit`, ready.contact).expect(409);
    expect(fewer.body.details).toEqual(['SA-PRINCIPLES', 'SA-ASSESSMENT', 'SA-REVIEWS'].map((field) => ({ field, problem: 'needs a statement' })));
    expect(fewer.body.message).toContain('counts for every judged criterion');
  });

  it('reads a criterionId sent after the file part, or before it, and tags the file with it', async () => {
    const ready = await readySetting(app, admin, { today });
    const id = (await post(`/settings/${ready.setting.id}/applications`, ready.contact).expect(201)).body.id as string;
    const after = await http(app)
      .post(`/applications/${id}/evidence`)
      .set(ready.contact.auth)
      .attach('file', PDF, 'records.pdf')
      .field('criterionId', 'SA-RECORDS')
      .expect(201);
    expect(after.body.criterionId).toBe('SA-RECORDS');
    const before = await http(app)
      .post(`/applications/${id}/evidence`)
      .set(ready.contact.auth)
      .field('criterionId', 'SA-REVIEWS')
      .attach('file', PDF, 'reviews.pdf')
      .expect(201);
    expect(before.body.criterionId).toBe('SA-REVIEWS');
    const criteria = await criteriaOf(id, reviewer);
    expect(criteria.find((c) => c.id === 'SA-RECORDS')!.evidenceIds).toEqual([after.body.id]);
    expect(criteria.find((c) => c.id === 'SA-REVIEWS')!.evidenceIds).toEqual([before.body.id]);
    expect(criteria.find((c) => c.id === 'SA-PRINCIPLES')!.evidenceIds).toEqual([]);
  });

  it.each([
    [
      'an unknown criterion, after the file',
      (r: ReturnType<typeof upload>) => r.attach('file', PDF, 'x.pdf').field('criterionId', 'SA-NOPE'),
      'is not a Stamp of Approval criterion',
    ],
    ['a computed criterion', (r: ReturnType<typeof upload>) => r.field('criterionId', 'SA-OFSTED').attach('file', PDF, 'x.pdf'), 'decided from the register'],
    [
      'a criterionId too long to read',
      (r: ReturnType<typeof upload>) => r.attach('file', PDF, 'x.pdf').field('criterionId', 'SA-'.repeat(100)),
      'could not be read',
    ],
    [
      'a criterionId sent as a file',
      (r: ReturnType<typeof upload>) => r.attach('file', PDF, 'x.pdf').attach('criterionId', Buffer.from('SA-RECORDS'), 'c.txt'),
      'must be text',
    ],
    [
      'two different criteria',
      (r: ReturnType<typeof upload>) => r.field('criterionId', 'SA-RECORDS').attach('file', PDF, 'x.pdf').field('criterionId', 'SA-REVIEWS'),
      'more than once',
    ],
    ['an empty criterionId', (r: ReturnType<typeof upload>) => r.attach('file', PDF, 'x.pdf').field('criterionId', ''), 'is empty'],
  ])('refuses %s with 400 naming criterionId, and stores nothing', async (_, build, words) => {
    const ready = await readySetting(app, admin, { today });
    const id = (await post(`/settings/${ready.setting.id}/applications`, ready.contact).expect(201)).body.id as string;
    const filesBefore = storedFiles();
    const refused = await build(upload(id, ready.contact)).expect(400);
    expect(refused.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.any(String),
      details: [{ field: 'criterionId', problem: expect.stringContaining(words) }],
    });
    expect(await evidenceRows(id)).toEqual([]);
    expect(storedFiles()).toBe(filesBefore);
    expect(readdirSync(join(process.env.STORAGE_DIR!, 'tmp'))).toEqual([]);
  });

  function upload(id: string, as: SignedIn) {
    return http(app).post(`/applications/${id}/evidence`).set(as.auth);
  }

  it('approves on a decision listing only the judged criteria, recording the computed ones with their explanation', async () => {
    const ready = await readySetting(app, admin, { today });
    const { id, fileId } = await underReview(ready);
    const decided = await post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: judgedOnly() }).expect(200);
    expect(decided.body).toMatchObject({ state: 'approved', awardId: expect.any(String) });
    const criteria = await criteriaOf(id, ready.contact);
    for (const id of ['SA-OFSTED', 'SA-TRAINED', 'SA-MEMBER']) {
      const c = criteria.find((x) => x.id === id)!;
      expect(c).toMatchObject({ outcome: 'pass', explanation: expect.any(String), reason: c.explanation });
      expect(c.explanation.length).toBeGreaterThan(10);
    }
    expect(criteria.find((c) => c.id === 'SA-RECORDS')).toMatchObject({ outcome: 'pass', evidenceIds: [fileId] });
    expect((await http(app).get(`/settings/${ready.setting.id}/award`).set(ready.contact.auth).expect(200)).body.state).toBe('active');
  });

  it('accepts the computed criteria when listed in agreement, and refuses one that disagrees with 409 naming it', async () => {
    const ready = await readySetting(app, admin, { today });
    const { id } = await underReview(ready);
    const wrong = [
      ...judgedOnly({ 'SA-RECORDS': { outcome: 'fail', reason: 'No shared record.' } }),
      { id: 'SA-OFSTED', outcome: 'fail', reason: 'Not Good.' },
    ];
    const disagrees = await post(`/applications/${id}/decision`, reviewer, { decision: 'rejected', criteria: wrong }).expect(409);
    expect(disagrees.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringContaining('SA-OFSTED'),
      details: [{ field: 'SA-OFSTED', problem: expect.stringContaining('which says it is met (the decision says not met)') }],
    });
    const agreeing = [...judgedOnly(), { id: 'SA-OFSTED', outcome: 'pass', reason: 'Rated Good.' }];
    await post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: agreeing }).expect(200);
    expect((await criteriaOf(id, reviewer)).find((c) => c.id === 'SA-OFSTED')).toMatchObject({ outcome: 'pass', reason: 'Rated Good.' });
  });

  it('refuses to approve while a computed criterion fails, naming it, and rejects with reasons', async () => {
    const ready = await readySetting(app, admin, { today });
    const { id } = await underReview(ready);
    // After submission the setting is inspected and rated Inadequate: SA-OFSTED now fails.
    await post(`/settings/${ready.setting.id}/inspections`, admin, { date: today, grade: 'inadequate' }).expect(201);
    const refused = await post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: judgedOnly() }).expect(409);
    expect(refused.body.details).toEqual([{ field: 'SA-OFSTED', problem: expect.stringContaining('cannot be approved') }]);
    expect(refused.body.message).toContain('SA-OFSTED');

    const reasons = judgedOnly({ 'SA-REVIEWS': { outcome: 'fail', reason: 'Reviews are held once a year, not three times.' } });
    await post(`/applications/${id}/decision`, reviewer, { decision: 'rejected', criteria: reasons }).expect(200);
    const criteria = await criteriaOf(id, ready.contact);
    expect(criteria.find((c) => c.id === 'SA-REVIEWS')).toMatchObject({ outcome: 'fail', reason: 'Reviews are held once a year, not three times.' });
    expect(criteria.find((c) => c.id === 'SA-OFSTED')).toMatchObject({ outcome: 'fail', explanation: expect.stringMatching(/inadequate/i) });
  });

  it('sees a staff member leaving after submission: SA-TRAINED fails and approval is 409', async () => {
    const ready = await readySetting(app, admin, { today });
    const { id } = await underReview(ready);
    await http(app)
      .patch(`/settings/${ready.setting.id}/staff/${ready.staff.Bob.staffId}`)
      .set(admin.auth)
      .send({ endDate: addDays(today, -1) })
      .expect(200);
    const refused = await post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: judgedOnly() }).expect(409);
    expect(refused.body.details).toEqual([{ field: 'SA-TRAINED', problem: expect.stringContaining('cannot be approved') }]);
  });

  it('sees a register change that commits while the decision is being taken', async () => {
    const ready = await readySetting(app, admin, { today });
    const { id } = await underReview(ready);
    const dataSource = app.get(DataSource);
    const change = dataSource.createQueryRunner();
    await change.connect();
    try {
      // A staff member leaves in a transaction that is committing: its register version is taken, not yet released.
      await change.startTransaction();
      await change.query('UPDATE setting_staff SET end_date = $2 WHERE id = $1', [ready.staff.Bob.staffId, addDays(today, -1)]);
      await change.query('SET CONSTRAINTS ALL IMMEDIATE');
      const decision = post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: judgedOnly() }).then((r) => r);
      await waitUntil(async () => {
        const [row] = await dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%register_versions%FOR SHARE%'`,
        );
        return row.n > 0;
      });
      await change.commitTransaction();
      const answer = await decision;
      expect(answer.status).toBe(409);
      expect(answer.body.details).toEqual([{ field: 'SA-TRAINED', problem: expect.stringContaining('cannot be approved') }]);
    } finally {
      if (change.isTransactionActive) await change.rollbackTransaction();
      await change.release();
    }
    const [row] = await dataSource.query<{ state: string }[]>('SELECT state FROM applications WHERE id = $1', [id]);
    expect(row.state).toBe('under_review');
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting for the decision to wait on the register');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
