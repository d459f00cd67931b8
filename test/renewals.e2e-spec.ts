import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, Clock } from '@npa/platform';
import { approveThrough, JUDGED, passAll, PDF, readySetting, travel } from './support/approval';
import { bootApi } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';

interface CriterionView {
  id: string;
  statement: string | null;
  carriedOver: boolean;
  evidenceIds: string[];
  evidenceOnFileIds: string[];
  previous: { statement: string | null; outcome: string | null; reason: string | null } | null;
}

describe('Renewals start from last year', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;
  let ready: Awaited<ReturnType<typeof readySetting>>;
  let other: Awaited<ReturnType<typeof readySetting>>;
  let clock: ReturnType<typeof travel>;
  let lastYearId: string;
  let renewalId: string;

  const criterion = (body: { criteria: CriterionView[] }, id: string) => body.criteria.find((c) => c.id === id)!;
  const read = async (as: SignedIn) => (await http(app).get(`/applications/${renewalId}`).set(as.auth).expect(200)).body;

  beforeAll(async () => {
    app = await bootApi();
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    ready = await readySetting(app, admin, { today });
    other = await readySetting(app, admin, { today });
    lastYearId = (await approveThrough(app, ready, reviewer)).id;
    clock = travel(app);
    const award = await http(app).get(`/settings/${ready.setting.id}/award`).set(ready.contact.auth).expect(200);
    // Within the renewal window: 30 days before the award ends.
    clock.to(addDays(award.body.expiresOn as string, -30));
  }, 90_000);

  afterAll(async () => {
    clock?.restore();
    await app?.close();
  });

  it("opens a renewal with last year's statements carried over and last year's evidence on file", async () => {
    const opened = await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201);
    renewalId = opened.body.id;
    expect(opened.body).toMatchObject({ state: 'draft', kind: 'renewal', previousApplication: { id: lastYearId, kind: 'new', award: expect.any(Object) } });
    for (const id of JUDGED) {
      expect(criterion(opened.body, id)).toMatchObject({
        statement: `How we meet ${id}.`,
        carriedOver: true,
        evidenceIds: [],
        evidenceOnFileIds: [expect.any(String)],
        previous: { statement: `How we meet ${id}.`, outcome: 'pass', reason: 'Seen and met.' },
      });
    }
    // Referenced, not copied: the files are last year's own records.
    expect(opened.body.evidence).toEqual([]);
    expect(opened.body.evidenceOnFile).toHaveLength(JUDGED.length);
    expect(opened.body.evidenceOnFile.every((e: { applicationId: string }) => e.applicationId === lastYearId)).toBe(true);
    expect(opened.body.staffCountChanges).toBeNull();
  });

  it("lets the setting and NPA staff download last year's file through the renewal, and nobody through another application", async () => {
    const [file] = (await read(ready.contact)).evidenceOnFile as { id: string; fileName: string }[];
    const got = await http(app).get(`/applications/${renewalId}/evidence/${file.id}`).set(ready.contact.auth).expect(200);
    expect(Buffer.from(got.body as Buffer).equals(PDF)).toBe(true);
    await http(app).get(`/applications/${renewalId}/evidence/${file.id}`).set(reviewer.auth).expect(200);
    await http(app).get(`/applications/${renewalId}/evidence/${file.id}`).set(other.contact.auth).expect(404);
    const otherApp = await http(app).post(`/settings/${other.setting.id}/applications`).set(other.contact.auth).expect(201);
    await http(app).get(`/applications/${otherApp.body.id}/evidence/${file.id}`).set(other.contact.auth).expect(404);
  });

  it('refuses to submit until every carried-over statement is confirmed or edited, naming each; evidence on file counts', async () => {
    const refused = await http(app).post(`/applications/${renewalId}/submit`).set(ready.contact.auth).send({}).expect(409);
    expect(refused.body.details).toEqual(JUDGED.map((field) => ({ field, problem: "needs last year's statement confirmed or edited" })));
  });

  it("confirms a statement as it stands, once; another setting's contact and NPA staff cannot", async () => {
    const url = `/applications/${renewalId}/criteria/SA-PRINCIPLES/confirm`;
    await http(app).post(url).set(other.contact.auth).expect(404);
    await http(app).post(url).set(reviewer.auth).expect(403);
    await http(app).post(url).set(ready.contact.auth).send({ statement: 'sneaky' }).expect(400);
    const confirmed = await http(app).post(url).set(ready.contact.auth).expect(200);
    expect(criterion(confirmed.body, 'SA-PRINCIPLES')).toMatchObject({ statement: 'How we meet SA-PRINCIPLES.', carriedOver: false });
    const again = await http(app).post(url).set(ready.contact.auth).expect(409);
    expect(again.body.message).toContain('no statement carried over');
    await http(app).post(`/applications/${renewalId}/criteria/SA-OFSTED/confirm`).set(ready.contact.auth).expect(400);
    const history = (await read(ready.contact)).history as { action: string }[];
    expect(history.filter((h) => h.action === 'statement_confirmed')).toHaveLength(1);
  });

  it("takes an edited statement as confirmed, keeping last year's beside it", async () => {
    const saved = await http(app)
      .put(`/applications/${renewalId}/criteria/SA-REVIEWS`)
      .set(ready.contact.auth)
      .send({ statement: 'We now review plans with parents four times a year.' })
      .expect(200);
    expect(criterion(saved.body, 'SA-REVIEWS')).toMatchObject({
      statement: 'We now review plans with parents four times a year.',
      carriedOver: false,
      previous: { statement: 'How we meet SA-REVIEWS.' },
    });
    const refused = await http(app).post(`/applications/${renewalId}/submit`).set(ready.contact.auth).send({}).expect(409);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['SA-ASSESSMENT', 'SA-RECORDS']);
  });

  it("submits once every statement is confirmed, with last year's evidence as its evidence", async () => {
    for (const id of ['SA-ASSESSMENT', 'SA-RECORDS'])
      await http(app).post(`/applications/${renewalId}/criteria/${id}/confirm`).set(ready.contact.auth).expect(200);
    await http(app).post(`/applications/${renewalId}/submit`).set(ready.contact.auth).send({}).expect(200);
  });

  it('shows reviewers both years side by side and the declared staff count changes', async () => {
    await http(app).patch(`/settings/${ready.setting.id}`).set(ready.contact.auth).send({ staffCount: 3 }).expect(200);
    const seen = await read(reviewer);
    expect(criterion(seen, 'SA-REVIEWS')).toMatchObject({
      statement: 'We now review plans with parents four times a year.',
      previous: { statement: 'How we meet SA-REVIEWS.', outcome: 'pass' },
    });
    expect(seen.previousApplication).toMatchObject({ id: lastYearId, decidedAt: expect.any(String) });
    expect(seen.staffCountChanges).toEqual([
      expect.objectContaining({ fromCount: 8, toCount: 3, changedBy: { name: expect.any(String), role: 'setting_contact' } }),
    ]);
    await http(app).post(`/applications/${renewalId}/start-review`).set(reviewer.auth).expect(200);
    await http(app).post(`/applications/${renewalId}/decision`).set(reviewer.auth).send({ decision: 'approved', criteria: passAll() }).expect(200);
  });

  it('opens a first application empty', async () => {
    const fresh = await readySetting(app, admin, { today });
    const opened = await http(app).post(`/settings/${fresh.setting.id}/applications`).set(fresh.contact.auth).expect(201);
    expect(opened.body).toMatchObject({ kind: 'new', previousApplication: null, evidenceOnFile: [] });
    expect((opened.body.criteria as CriterionView[]).every((c) => c.statement === null && !c.carriedOver && c.previous === null)).toBe(true);
  });
});
