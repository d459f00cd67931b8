import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { formatDate } from '@npa/letters';
import { pdfWords } from '@npa/letters/testing';
import { addDays } from '@npa/platform';
import { approveThrough, travel } from './support/approval';
import { AutomationWorld } from './support/automation-world';
import { eventually } from './support/boot';
import { http, SignedIn } from './support/people';
import { TestSmtp, withSubject } from './support/smtp';

interface ListedLetter {
  id: string;
  kind: string;
  verificationCode: string;
  format: string;
  sentAt: string | null;
}

// The day after an award ends with no approved renewal, the daily sweep finds it and the NPA sends one
// signed lapse notice (not a reminder email as well), through the real worker and a real SMTP server.
describe('The lapse notice: once, signed, copied to reviewers, verifiable, held back by a renewal', () => {
  let world: AutomationWorld;
  let smtp: TestSmtp;
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;
  let clock: AutomationWorld['clock'];

  const sweep = (asOf: string) => world.sweep(asOf);
  const approvedSetting = () => world.approvedSetting();
  const reminders = (settingId: string) => world.reminders(settingId);
  const lettersOf = async (settingId: string, as: SignedIn = admin) =>
    (await http(app).get(`/settings/${settingId}/letters`).set(as.auth).expect(200)).body as ListedLetter[];
  const notices = (settingName: string) => withSubject(smtp, `Stamp of Approval lapse notice: ${settingName}`);

  beforeAll(async () => {
    world = await AutomationWorld.start();
    ({ smtp, app, admin, reviewer, today, clock } = world);
  }, 60_000);

  afterAll(() => world?.close());

  it('sends one lapse notice the day after the award ends, whatever the sweeps and workers, and no reminder email beside it', async () => {
    const ready = await approvedSetting();
    clock.to(ready.lapsedOn);
    // A second worker takes jobs from the same queues: the notice still goes once.
    const second = await world.bootWorker();
    const secondClock = travel(second);
    secondClock.to(ready.lapsedOn);
    try {
      const [first, again] = await Promise.all([sweep(ready.lapsedOn), sweep(ready.lapsedOn)]);
      expect((first.body.newByKind['award-expired'] ?? 0) + (again.body.newByKind['award-expired'] ?? 0)).toBeGreaterThanOrEqual(1);
      await eventually(async () => notices(ready.setting.name).length > 0, 60_000);
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      secondClock.restore();
      await second.close();
    }

    const [mail] = await eventually(async () => (notices(ready.setting.name).length ? notices(ready.setting.name) : null), 60_000);
    expect(mail.to).toMatchObject({ value: [{ address: ready.contact.email }] });
    const copied = (Array.isArray(mail.cc) ? mail.cc : mail.cc ? [mail.cc] : []).flatMap((c) => c.value.map((v) => v.address));
    expect(copied).toContain(reviewer.email);
    expect(copied).not.toContain(ready.contact.email);
    expect(mail.text).toContain(`it lapsed on ${formatDate(ready.lapsedOn)}`);
    expect(mail.attachments).toHaveLength(1);
    const printed = pdfWords(mail.attachments[0].content);
    expect(printed).toContain('Your Stamp of Approval has lapsed');
    expect(printed).toContain(`Ofsted URN ${ready.setting.ofstedUrn}`);
    expect(printed).toContain(`expired on ${formatDate(ready.expiresOn)} and we have no approved renewal: it lapsed on ${formatDate(ready.lapsedOn)}`);

    const third = await sweep(ready.lapsedOn);
    expect(third.body.newByKind['award-expired'] ?? 0).toBe(0);
    await sweep(addDays(ready.lapsedOn, 3)); // a later day within the catch-up window finds the same one
    await new Promise((r) => setTimeout(r, 2000));
    expect(notices(ready.setting.name)).toHaveLength(1);
    expect(withSubject(smtp, ready.setting.name).filter((m) => m.subject?.startsWith('Reminder'))).toEqual([]);

    const listed = (await lettersOf(ready.setting.id, ready.contact)).filter((l) => l.kind === 'lapse-notice');
    expect(listed).toEqual([expect.objectContaining({ format: 'pdf', sentAt: expect.any(String) })]);
    expect((await lettersOf(ready.setting.id)).filter((l) => l.kind === 'reminder')).toEqual([]);
    expect((await reminders(ready.setting.id)).filter((r) => r.kind === 'award-expired')).toEqual([expect.objectContaining({ state: 'sent' })]);

    const verified = await http(app).get(`/letters/verify/${listed[0].verificationCode}`).expect(200);
    expect(verified.body).toMatchObject({ kind: 'lapse-notice', title: 'Stamp of Approval lapse notice', issuedTo: ready.setting.name, stands: true });
    expect(verified.body.why).toBe(`The Stamp of Approval of ${ready.setting.name} lapsed on ${ready.lapsedOn}.`);
    const rows = await app.get(DataSource).query<unknown[]>(`SELECT 1 FROM letters WHERE kind = 'lapse-notice' AND subject_id = $1`, [ready.setting.id]);
    expect(rows).toHaveLength(1);
    clock.to(today);
  }, 240_000);

  it('holds the lapse notice back, with the reason, when a renewal is approved before it goes', async () => {
    const ready = await approvedSetting();
    clock.to(ready.lapsedOn);
    await world.withoutWorker(async () => {
      await sweep(ready.lapsedOn);
      expect((await reminders(ready.setting.id)).find((r) => r.kind === 'award-expired')).toMatchObject({ state: 'pending' });
      await approveThrough(app, ready, reviewer);
    });
    const held = await eventually(async () => (await reminders(ready.setting.id)).find((r) => r.kind === 'award-expired' && r.state === 'suppressed'), 60_000);
    expect(held.reason).toContain(`A Stamp of Approval awarded on ${ready.lapsedOn} covers ${ready.lapsedOn}`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(notices(ready.setting.name)).toEqual([]);
    expect((await lettersOf(ready.setting.id)).filter((l) => l.kind === 'lapse-notice')).toEqual([]);
    clock.to(today);
  }, 240_000);

  it('holds back a lapse notice already printed when a renewal is approved before its email goes, and its verification says so', async () => {
    const ready = await approvedSetting();
    clock.to(ready.lapsedOn);
    // The mail server asks the worker to try again later, while the setting's renewal is approved.
    smtp.refuse(451, `lapse notice: ${ready.setting.name}`, 3);
    await sweep(ready.lapsedOn);
    await eventually(async () => smtp.attempts.some((a) => a.subject.includes(ready.setting.name) && a.answer === 451), 60_000);
    await approveThrough(app, ready, reviewer);
    const held = await eventually(async () => (await reminders(ready.setting.id)).find((r) => r.kind === 'award-expired' && r.state === 'suppressed'), 60_000);
    expect(held.reason).toContain(`covers ${ready.lapsedOn}`);
    const [kept] = (await lettersOf(ready.setting.id)).filter((l) => l.kind === 'lapse-notice');
    // The email itself is held back at its next attempt, after the mail server's 451: its check before sending.
    const verified = await eventually(async () => {
      const answer = await http(app).get(`/letters/verify/${kept.verificationCode}`).expect(200);
      return (answer.body as { stands: boolean }).stands ? null : answer;
    }, 60_000);
    expect(verified.body).toMatchObject({ kind: 'lapse-notice', stands: false, why: expect.stringContaining('Not sent: A Stamp of Approval awarded on') });
    expect(notices(ready.setting.name)).toEqual([]);
    clock.to(today);
  }, 240_000);
});
