import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addDays, addMonths, Clock } from '@npa/platform';
import { AwardsService } from '@npa/approval';
import { approveThrough, readySetting } from './support/approval';
import { bootApi } from './support/boot';
import { signedIn } from './support/people';

// The office dashboard's "awards expiring without a renewal" asks approval, which judges renewal by its
// own rule (renewalOf): a renewal counts from the day it is granted, not before.
describe('AwardsService.expiringUnrenewed', () => {
  let app: NestFastifyApplication;
  let awards: AwardsService;
  let settingId: string;
  let expiresOn: string;

  const listed = async (asOf: string) =>
    (await awards.expiringUnrenewed(asOf, 90)).filter((e) => e.settingId === settingId).map((e) => e.expiresOn);

  beforeAll(async () => {
    app = await bootApi();
    awards = app.get(AwardsService);
    const today = app.get(Clock).today();
    const ready = await readySetting(app, await signedIn(app, 'npa_admin'), { today });
    await approveThrough(app, ready, await signedIn(app, 'npa_reviewer'));
    settingId = ready.setting.id;
    expiresOn = addDays(addMonths(today, 12), -1);
    // A renewal granted ten days before the award ends, starting the day after it.
    const dataSource = app.get(DataSource);
    const [application] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO applications (setting_id, kind, state, version) VALUES ($1, 'renewal', 'approved', 1) RETURNING id`,
      [settingId],
    );
    await dataSource.query(`INSERT INTO awards (setting_id, application_id, awarded_on, starts_on, expires_on) VALUES ($1, $2, $3, $4, $5)`, [
      settingId,
      application.id,
      addDays(expiresOn, -10),
      addDays(expiresOn, 1),
      addMonths(expiresOn, 12),
    ]);
  }, 120_000);

  afterAll(async () => app?.close());

  it.each([
    ['more than 90 days before it ends: not yet listed', 100, []],
    ['within 90 days, before the renewal is granted: listed', 30, ['expiresOn']],
    ['once the renewal is granted: no longer listed', 5, []],
  ])('%s', async (_, daysBefore, expected) => {
    expect(await listed(addDays(expiresOn, -daysBefore))).toEqual(expected.map(() => expiresOn));
  });
});
