import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addDays, Clock } from '@npa/platform';
import { completeJudged, passAll, readySetting, travel } from './support/approval';
import { bootApi } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';

interface QueueItem {
  id: string;
  settingName: string;
  state: string;
  daysWaiting: number;
  reviewer: { id: string; name: string | null } | null;
}

/**
 * The review queue keeps its pages between changes (ReviewQueueService). Two API instances over one
 * database, as two processes would run: `reader` keeps the pages, `writer` changes what they show, so
 * nothing in the reader's memory can have been told of the change; only the database can.
 */
describe('the review queue, kept until what it shows changes', () => {
  let reader: NestFastifyApplication;
  let writer: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let ready: Awaited<ReturnType<typeof readySetting>>;
  let applicationId: string;
  let today: string;

  /** The whole queue as the reader serves it, page by page (other suites may have applications waiting too). */
  const queue = async () => {
    const items: QueueItem[] = [];
    for (let page = 1; ; page += 1) {
      const body = (await http(reader).get(`/review-queue?page=${page}&pageSize=100`).set(reviewer.auth).expect(200)).body;
      items.push(...body.items);
      if (page * 100 >= body.total) return { items, total: body.total as number };
    }
  };
  const ours = async () => (await queue()).items.find((item) => item.id === applicationId);
  const version = async () =>
    (await writer.get(DataSource).query<{ version: string }[]>(`SELECT version FROM kept_versions WHERE name = 'review_queue'`))[0].version;

  beforeAll(async () => {
    reader = await bootApi();
    writer = await bootApi();
    today = writer.get(Clock).today();
    admin = await signedIn(writer, 'npa_admin');
    reviewer = await signedIn(writer, 'npa_reviewer');
    ready = await readySetting(writer, admin, { today });
    const opened = await http(writer).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201);
    applicationId = opened.body.id;
    await completeJudged(writer, applicationId, ready.contact);
  }, 60_000);

  afterAll(async () => {
    await reader?.close();
    await writer?.close();
  });

  it('shows an application submitted through the other instance on its next read', async () => {
    const before = await queue();
    expect(before.items.map((item) => item.id)).not.toContain(applicationId);
    await http(writer).post(`/applications/${applicationId}/submit`).set(ready.contact.auth).send({}).expect(200);
    const after = await queue();
    expect(after.total).toBe(before.total + 1);
    expect(after.items.find((item) => item.id === applicationId)).toMatchObject({
      settingName: ready.setting.name,
      state: 'submitted',
      daysWaiting: 0,
      reviewer: null,
    });
  });

  it('shows the reviewer who takes it, and the reviewer’s new name', async () => {
    await ours(); // kept as it is
    await http(writer).post(`/applications/${applicationId}/start-review`).set(reviewer.auth).expect(200);
    expect(await ours()).toMatchObject({ state: 'under_review', reviewer: { id: reviewer.id, name: expect.any(String) } });
    await http(writer).patch(`/users/${reviewer.id}`).set(admin.auth).send({ name: 'Rosa Renamed' }).expect(200);
    expect((await ours())?.reviewer).toEqual({ id: reviewer.id, name: 'Rosa Renamed' });
  });

  it('shows the setting’s new name', async () => {
    await http(writer).patch(`/settings/${ready.setting.id}`).set(admin.auth).send({ name: 'Oak Tree Nursery' }).expect(200);
    expect((await ours())?.settingName).toBe('Oak Tree Nursery');
  });

  it('counts days waiting from today when the day changes, with nothing else changed', async () => {
    const clock = travel(reader);
    try {
      clock.to(addDays(today, 3));
      expect((await ours())?.daysWaiting).toBe(3);
    } finally {
      clock.restore();
    }
    expect((await ours())?.daysWaiting).toBe(0);
  });

  it('is not read afresh when a user changes in what the queue does not show (a staff sign-in with a code writes users each time)', async () => {
    const other = await signedIn(writer, 'npa_reviewer');
    const kept = await version();
    await http(writer).patch(`/users/${other.id}`).set(admin.auth).send({ role: 'npa_admin' }).expect(200);
    expect(await version()).toBe(kept);
    await http(writer).patch(`/users/${other.id}`).set(admin.auth).send({ name: 'Another Name' }).expect(200);
    expect(BigInt(await version())).toBe(BigInt(kept) + 1n);
  });

  it('drops the application once decided', async () => {
    const before = await queue();
    await http(writer).post(`/applications/${applicationId}/decision`).set(reviewer.auth).send({ decision: 'approved', criteria: passAll() }).expect(200);
    const after = await queue();
    expect(after.items.map((item) => item.id)).not.toContain(applicationId);
    expect(after.total).toBe(before.total - 1);
  });
});
