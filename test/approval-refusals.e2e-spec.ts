import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock, addDays } from '@npa/platform';
import { completeJudged, passAll, PDF, readySetting, travel } from './support/approval';
import { bootApi } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';

describe('Stamp of Approval: every refusal', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let secondReviewer: SignedIn;
  let today: string;
  let ours: Awaited<ReturnType<typeof readySetting>>;
  let theirs: Awaited<ReturnType<typeof readySetting>>;

  const post = (path: string, as: SignedIn, body: object = {}) => http(app).post(path).set(as.auth).send(body);
  const open = async (ready: typeof ours) => (await post(`/settings/${ready.setting.id}/applications`, ready.contact).expect(201)).body.id as string;
  const state = async (id: string) =>
    (await app.get(DataSource).query<{ state: string; version: number }[]>('SELECT state, version FROM applications WHERE id = $1', [id]))[0];
  const evidenceCount = async (id: string) =>
    Number((await app.get(DataSource).query<{ n: string }[]>('SELECT count(*) AS n FROM evidence WHERE application_id = $1', [id]))[0].n);
  const storedFiles = () => {
    const dir = join(process.env.STORAGE_DIR!, 'evidence');
    try {
      return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    } catch {
      return 0;
    }
  };

  /** An application submitted and under review by `reviewer`. */
  async function underReview(ready: typeof ours): Promise<string> {
    const id = await open(ready);
    await completeJudged(app, id, ready.contact);
    await post(`/applications/${id}/submit`, ready.contact).expect(200);
    await post(`/applications/${id}/start-review`, reviewer).expect(200);
    return id;
  }

  beforeAll(async () => {
    app = await bootApi();
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    secondReviewer = await signedIn(app, 'npa_reviewer');
    ours = await readySetting(app, admin, { today });
    theirs = await readySetting(app, admin, { today });
  }, 60_000);

  afterAll(async () => app?.close());

  it('refuses a second open application for the same setting with 409', async () => {
    const id = await open(ours);
    const second = await post(`/settings/${ours.setting.id}/applications`, ours.contact).expect(409);
    expect(second.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(second.body.message).toContain(id);
    await post(`/applications/${id}/withdraw`, ours.contact, { message: 'Opened by mistake' }).expect(200);
  });

  it('refuses the wrong role with 403, and audits it', async () => {
    const id = await open(ours);
    const trainer = await signedIn(app, 'trainer');
    await post(`/applications/${id}/submit`, reviewer).expect(403);
    await post(`/applications/${id}/start-review`, ours.contact).expect(403);
    await post(`/applications/${id}/decision`, ours.contact, { decision: 'approved', criteria: passAll() }).expect(403);
    await post(`/applications/${id}/request-information`, ours.contact, { message: 'hello' }).expect(403);
    await http(app).put(`/applications/${id}/criteria/SA-PRINCIPLES`).set(reviewer.auth).send({ statement: 'not mine' }).expect(403);
    await http(app).get(`/applications/${id}`).set(trainer.auth).expect(403);
    await http(app).get('/review-queue').set(ours.contact.auth).expect(403);
    expect(await state(id)).toMatchObject({ state: 'draft' });
    const refusals = await app
      .get(DataSource)
      .query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_log WHERE action = 'access.refused' AND actor_id = $1`, [ours.contact.id]);
    expect(Number(refusals[0].n)).toBeGreaterThanOrEqual(4);
    await post(`/applications/${id}/withdraw`, ours.contact).expect(200);
  });

  it('refuses a step from the wrong state with 409 naming the states it is allowed from', async () => {
    const id = await open(ours);
    const review = await post(`/applications/${id}/start-review`, reviewer).expect(409);
    expect(review.body).toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('only one that is submitted'),
      details: [{ field: 'state', problem: 'must be one of: submitted' }],
    });
    const ask = await post(`/applications/${id}/request-information`, reviewer, { message: 'Why?' }).expect(409);
    expect(ask.body.details).toEqual([{ field: 'state', problem: 'must be one of: under_review' }]);
    await post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: passAll() }).expect(409);
    expect(await state(id)).toMatchObject({ state: 'draft' });
    await post(`/applications/${id}/withdraw`, ours.contact).expect(200);
    await post(`/applications/${id}/withdraw`, ours.contact).expect(409);
  });

  it('refuses to submit with a judged criterion empty, with every reason', async () => {
    const id = await open(ours);
    await http(app)
      .put(`/applications/${id}/criteria/SA-PRINCIPLES`)
      .set(ours.contact.auth)
      .send({ statement: 'Portage principles run through our planning.' })
      .expect(200);
    const refused = await post(`/applications/${id}/submit`, ours.contact).expect(409);
    expect(refused.body.details).toEqual([
      { field: 'SA-PRINCIPLES', problem: 'needs evidence' },
      { field: 'SA-ASSESSMENT', problem: 'needs a statement and evidence' },
      { field: 'SA-REVIEWS', problem: 'needs a statement and evidence' },
      { field: 'SA-RECORDS', problem: 'needs a statement and evidence' },
    ]);
    expect(await state(id)).toMatchObject({ state: 'draft' });
    await post(`/applications/${id}/withdraw`, ours.contact).expect(200);
  });

  it('refuses to submit while a computed criterion fails, with the register’s explanation', async () => {
    const unrated = await readySetting(app, admin, { today, inspection: false });
    const id = await open(unrated);
    await completeJudged(app, id, unrated.contact);
    const refused = await post(`/applications/${id}/submit`, unrated.contact).expect(409);
    expect(refused.body.details).toEqual([{ field: 'SA-OFSTED', problem: expect.stringContaining('No Ofsted inspection') }]);
    expect(await state(id)).toMatchObject({ state: 'draft' });
  });

  it('answers 404 for another setting’s application, its evidence and its award, and changes nothing', async () => {
    const id = await open(theirs);
    await http(app).get(`/applications/${id}`).set(ours.contact.auth).expect(404);
    await http(app).put(`/applications/${id}/criteria/SA-PRINCIPLES`).set(ours.contact.auth).send({ statement: 'x' }).expect(404);
    await http(app).post(`/applications/${id}/evidence`).set(ours.contact.auth).attach('file', PDF, 'x.pdf').expect(404);
    await http(app).get(`/applications/${id}/evidence`).set(ours.contact.auth).expect(404);
    await post(`/applications/${id}/submit`, ours.contact).expect(404);
    await post(`/applications/${id}/withdraw`, ours.contact).expect(404);
    await http(app).get(`/settings/${theirs.setting.id}/award`).set(ours.contact.auth).expect(404);
    await post(`/settings/${theirs.setting.id}/applications`, ours.contact).expect(404);
    expect(await state(id)).toMatchObject({ state: 'draft', version: 1 });
    expect(await evidenceCount(id)).toBe(0);
    await post(`/applications/${id}/withdraw`, theirs.contact).expect(200);
  });

  it('answers 404 for another application’s evidence named under one’s own, even once one’s own is locked', async () => {
    const mine = await open(ours);
    const other = await open(theirs);
    const file = await http(app).post(`/applications/${other}/evidence`).set(theirs.contact.auth).attach('file', PDF, 'x.pdf').expect(201);
    await http(app).delete(`/applications/${mine}/evidence/${file.body.id}`).set(ours.contact.auth).expect(404);
    await post(`/applications/${mine}/withdraw`, ours.contact).expect(200);
    // A locked application says 409 to a change of its own files, but nothing about another's.
    await http(app).delete(`/applications/${mine}/evidence/${file.body.id}`).set(admin.auth).expect(404);
    expect(await evidenceCount(other)).toBe(1);
    await post(`/applications/${other}/withdraw`, theirs.contact).expect(200);
  });

  it('refuses an .exe named .pdf with 400 and an 11 MB file with 413, keeping nothing of either', async () => {
    const id = await open(ours);
    const before = storedFiles();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00'), Buffer.alloc(2000, 1)]);
    const refused = await http(app).post(`/applications/${id}/evidence`).set(ours.contact.auth).attach('file', exe, 'policy.pdf').expect(400);
    expect(refused.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining('not a PDF, PNG, JPEG or Word (.docx) file'),
    });
    const big = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const tooBig = await http(app).post(`/applications/${id}/evidence`).set(ours.contact.auth).attach('file', big, 'big.pdf').expect(413);
    expect(tooBig.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.stringContaining('10 MB') });
    await http(app).post(`/applications/${id}/evidence`).set(ours.contact.auth).send({ file: 'not multipart' }).expect(400);
    await http(app).post(`/applications/${id}/evidence`).set(ours.contact.auth).field('criterionId', 'SA-OFSTED').attach('file', PDF, 'x.pdf').expect(400);
    expect(await evidenceCount(id)).toBe(0);
    expect(storedFiles()).toBe(before);
    expect(readdirSync(join(process.env.STORAGE_DIR!, 'tmp'))).toEqual([]);

    // A hostile name is kept only as a label; the file lives under a generated key.
    const stored = await http(app).post(`/applications/${id}/evidence`).set(ours.contact.auth).attach('file', PDF, '../../x').expect(201);
    expect(stored.body.fileName).toBe('x');
    const [row] = await app.get(DataSource).query<{ storage_key: string }[]>('SELECT storage_key FROM evidence WHERE id = $1', [stored.body.id]);
    expect(row.storage_key).toMatch(/^evidence\/\d{4}-\d{2}\/[0-9a-f-]{36}$/);
    await post(`/applications/${id}/withdraw`, ours.contact).expect(200);
  });

  it('refuses a decision that contradicts itself with 400, and one the register does not support with 409', async () => {
    const id = await underReview(ours);
    const partial = await post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: passAll().slice(0, 3) }).expect(400);
    expect(partial.body.details).toContainEqual({ field: 'criteria', problem: 'SA-RECORDS needs an outcome and a reason' });
    const judgedFail = passAll().map((c) => (c.id === 'SA-REVIEWS' ? { ...c, outcome: 'fail' } : c));
    await post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: judgedFail }).expect(400);
    const wrong = passAll().map((c) => (c.id === 'SA-MEMBER' ? { ...c, outcome: 'fail' } : c));
    const disagrees = await post(`/applications/${id}/decision`, reviewer, { decision: 'rejected', criteria: wrong }).expect(409);
    expect(disagrees.body.details[0]).toMatchObject({ field: 'SA-MEMBER', problem: expect.stringContaining('decided from the register') });
    await post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: passAll(), decidedBy: reviewer.id }).expect(400);
    expect(await state(id)).toMatchObject({ state: 'under_review' });
    await post(`/applications/${id}/withdraw`, ours.contact).expect(200);
  });

  it('lets one of two reviewers deciding at once win; the other gets 409 and no second award is made', async () => {
    const id = await underReview(ours);
    const rejectAll = passAll().map((c) => (c.id === 'SA-ASSESSMENT' ? { ...c, outcome: 'fail', reason: 'Only one assessment tool is used.' } : c));
    const answers = await Promise.all([
      post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: passAll() }),
      post(`/applications/${id}/decision`, secondReviewer, { decision: 'rejected', criteria: rejectAll }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!;
    expect((await state(id)).state).toBe(winner.body.state);
    const awards = await app.get(DataSource).query<unknown[]>('SELECT 1 FROM awards WHERE application_id = $1', [id]);
    expect(awards).toHaveLength(winner.body.state === 'approved' ? 1 : 0);
    const decisions = await app
      .get(DataSource)
      .query<unknown[]>(`SELECT 1 FROM application_events WHERE application_id = $1 AND action IN ('approve', 'reject')`, [id]);
    expect(decisions).toHaveLength(1);

    // A decision is final: a second one, and any change to its evidence, is 409.
    const again = await post(`/applications/${id}/decision`, reviewer, { decision: 'approved', criteria: passAll() }).expect(409);
    expect(again.body.message).toMatch(/already been decided/);
    await http(app).post(`/applications/${id}/evidence`).set(ours.contact.auth).attach('file', PDF, 'late.pdf').expect(409);
    await http(app).put(`/applications/${id}/criteria/SA-RECORDS`).set(ours.contact.auth).send({ statement: 'late' }).expect(409);
    await post(`/applications/${id}/withdraw`, ours.contact).expect(409);
  });

  it('keeps a rejection’s reason per criterion and shows it to the setting', async () => {
    const id = await underReview(theirs);
    const criteria = passAll().map((c) => (c.id === 'SA-REVIEWS' ? { ...c, outcome: 'fail', reason: 'Reviews are held once a year, not three times.' } : c));
    await post(`/applications/${id}/decision`, reviewer, { decision: 'rejected', criteria }).expect(200);
    const seen = await http(app).get(`/applications/${id}`).set(theirs.contact.auth).expect(200);
    expect(seen.body.state).toBe('rejected');
    expect(seen.body.criteria.find((c: { id: string }) => c.id === 'SA-REVIEWS')).toMatchObject({
      outcome: 'fail',
      reason: 'Reviews are held once a year, not three times.',
    });
    expect((await http(app).get(`/settings/${theirs.setting.id}/award`).set(theirs.contact.auth).expect(200)).body.state).toBe('none');
    // Without an award the setting is described no more than a URN nobody holds: same status, same body.
    const publicCheck = await http(app).get(`/public/approved-settings/${theirs.setting.ofstedUrn}`).expect(404);
    const unknown = await http(app).get('/public/approved-settings/EY0000000').expect(404);
    expect(publicCheck.body).toEqual(unknown.body);
    expect(JSON.stringify(publicCheck.body)).not.toContain(theirs.setting.name);
  });

  it('orders the review queue oldest submission first, with the days each has waited', async () => {
    const clock = travel(app);
    try {
      const older = await readySetting(app, admin, { today });
      const newer = await readySetting(app, admin, { today });
      const submitOn = async (ready: typeof ours, date: string) => {
        clock.to(date);
        const id = await open(ready);
        await completeJudged(app, id, ready.contact);
        await post(`/applications/${id}/submit`, ready.contact).expect(200);
        return id;
      };
      const newerId = await submitOn(newer, addDays(today, -2));
      const olderId = await submitOn(older, addDays(today, -9));
      clock.to(today);
      const queue = await http(app).get('/review-queue?pageSize=500').set(reviewer.auth).expect(200);
      const ours2 = queue.body.items.filter((i: { id: string }) => [olderId, newerId].includes(i.id));
      expect(ours2.map((i: { id: string; daysWaiting: number }) => [i.id, i.daysWaiting])).toEqual([
        [olderId, 9],
        [newerId, 2],
      ]);
      const waits = queue.body.items.map((i: { submittedAt: string }) => i.submittedAt);
      expect([...waits].sort()).toEqual(waits);
    } finally {
      clock.restore();
    }
  });

  it('answers 404 for an unknown application, criterion or URN, and 401 without sign-in', async () => {
    const id = await open(theirs);
    await http(app).get('/applications/00000000-0000-0000-0000-000000000000').set(admin.auth).expect(404);
    await http(app).get('/applications/not-a-uuid').set(admin.auth).expect(404);
    await http(app).put(`/applications/${id}/criteria/SA-NOPE`).set(theirs.contact.auth).send({ statement: 'x' }).expect(404);
    await http(app).put(`/applications/${id}/criteria/SA-OFSTED`).set(theirs.contact.auth).send({ statement: 'x' }).expect(400);
    await http(app).get('/public/approved-settings/EY0000000').expect(404);
    await http(app).get(`/applications/${id}`).expect(401);
  });
});
