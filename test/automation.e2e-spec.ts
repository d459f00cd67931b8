import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { pdfWords } from '../libs/letters/src/testing/pdf-text';
import { LettersService } from '../libs/letters/src/letters.service';
import { addDays, addMonths } from '../libs/platform/src/dates';
import { Clock } from '../libs/platform/src/time/clock';
import { approveThrough, readySetting, travel } from './support/approval';
import { bootApi, bootWorker, eventually } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';
import { startSmtp, TestSmtp, withSubject } from './support/smtp';

describe('Workflow automation: sweep, reminders, letters and email, each exactly once', () => {
  let smtp: TestSmtp;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;
  let clock: ReturnType<typeof travel>;

  const sweep = (asOf: string) => http(app).post('/sweeps').set(admin.auth).send({ asOf }).expect(200);
  const reminders = async (settingId: string, as: SignedIn = admin) => (await http(app).get(`/settings/${settingId}/reminders`).set(as.auth).expect(200)).body as { kind: string; dueOn: string; state: string; sentAt: string | null; recipients: string[]; reason: string | null }[];
  const bootWorkerHere = () => bootWorker({ SMTP_URL: smtp.url });
  /** A setting approved today, whose award runs a year; with its contact. */
  const approvedSetting = async () => {
    const ready = await readySetting(app, admin, { today });
    await approveThrough(app, ready, reviewer);
    return { ...ready, expiresOn: addDays(addMonths(today, 12), -1) };
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await bootApi({ SMTP_URL: smtp.url });
    worker = await bootWorkerHere();
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    clock = travel(app, worker);
  }, 60_000);

  afterAll(async () => {
    clock?.restore();
    await worker?.close();
    await app?.close();
    await smtp?.close();
  });

  it('sends a renewal reminder 30 days out once, with a PDF letter naming the setting', async () => {
    const ready = await approvedSetting();
    const dueOn = addDays(ready.expiresOn, -30);
    clock.to(dueOn);
    const summary = await sweep(dueOn);
    expect(summary.body).toMatchObject({ asOf: dueOn, remindersNew: expect.any(Number) });
    expect(summary.body.newByKind['award-renewal-30']).toBeGreaterThanOrEqual(1);

    const [mail] = await eventually(async () => {
      const found = withSubject(smtp, ready.setting.name).filter((m) => m.subject?.startsWith('Reminder'));
      return found.length ? found : null;
    }, 30_000);
    expect(mail.to).toMatchObject({ value: [{ address: ready.contact.email }] });
    expect(mail.text).toContain('Your Stamp of Approval expires in 30 days');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    expect(pdfWords(mail.attachments[0].content)).toContain(ready.setting.name);

    const listed = await eventually(async () => (await reminders(ready.setting.id, ready.contact)).find((r) => r.state === 'sent'));
    expect(listed).toMatchObject({ kind: 'award-renewal-30', dueOn, recipients: [ready.contact.email], sentAt: expect.any(String) });
    clock.to(today);
  }, 60_000);
});
