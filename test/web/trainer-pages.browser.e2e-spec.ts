import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser } from 'playwright-core';
import { bootApi } from '../support/boot';
import { browse, expectAccessible, screenshot, signInAs } from '../support/browser';
import { http, signedIn, SignedIn, uniqueEmail } from '../support/people';
import { makeTrainer, makeWorkshop, TestTrainer } from '../support/training';

describe('In a browser: the trainer', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;
  let admin: SignedIn;
  let trainer: TestTrainer;

  beforeAll(async () => {
    app = await bootApi();
    ({ base, browser, close } = await browse(app));
    admin = await signedIn(app, 'npa_admin');
    trainer = await makeTrainer(app, admin);
    await trainer.signIn();
  }, 60_000);

  afterAll(async () => {
    await close?.();
    await app?.close();
  });

  it('adds an attendee and records the outcomes of a whole past workshop in one form, with certificate codes', async () => {
    const workshopId = await makeWorkshop(app, admin, trainer.id, -10, -8);
    await http(app).post(`/workshops/${workshopId}/attendees`).set(admin.auth).send({ name: 'Ada Attendee', email: uniqueEmail('ada') }).expect(201);

    const page = await signInAs(browser, base, trainer.person.email);
    expect(new URL(page.url()).pathname).toBe('/trainer');
    await page.getByRole('link', { name: 'Taunton Library' }).first().click();
    await page.getByRole('heading', { name: 'Add an attendee' }).waitFor();
    await page.getByLabel('Name').fill('Bo Attendee');
    await page.getByLabel('Email address').fill(uniqueEmail('bo'));
    await page.getByRole('button', { name: 'Add the attendee' }).click();
    await page.getByText('Bo Attendee added').waitFor();

    await page.getByRole('group', { name: 'Outcome for Ada Attendee' }).getByLabel('Completed', { exact: true }).check();
    await page.getByRole('group', { name: 'Outcome for Bo Attendee' }).getByLabel('Not completed').check();
    await page.getByRole('button', { name: 'Record outcomes' }).click();
    await page.getByText('2 outcomes recorded').waitFor();
    const ada = await page.getByRole('row').filter({ hasText: 'Ada Attendee' }).textContent();
    expect(ada).toMatch(/[A-Z0-9]{4,}-?[A-Z0-9]{2,}/);
    expect(await page.getByRole('row').filter({ hasText: 'Bo Attendee' }).textContent()).toContain('None');
    await expectAccessible(page);
    await screenshot(page, 'trainer-workshop');
  }, 60_000);

  it('shows a refusal for a workshop whose last day has not come in the error summary', async () => {
    const workshopId = await makeWorkshop(app, admin, trainer.id, 5, 6);
    await http(app).post(`/workshops/${workshopId}/attendees`).set(admin.auth).send({ name: 'Cy Early', email: uniqueEmail('cy') }).expect(201);
    const page = await signInAs(browser, base, trainer.person.email);
    await page.goto(`/trainer/workshops/${workshopId}`);
    await page.getByLabel('Completed', { exact: true }).check();
    await page.getByRole('button', { name: 'Record outcomes' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: /Cy Early: Outcomes can be recorded from the workshop's last day/ }).count()).toBe(1);
    await expectAccessible(page);
  }, 60_000);

  it("answers 404 for another trainer's workshop, and refuses a forged form", async () => {
    const other = await makeTrainer(app, admin);
    const theirs = await makeWorkshop(app, admin, other.id, -3, -2);
    const page = await signInAs(browser, base, trainer.person.email);
    expect((await page.goto(`/trainer/workshops/${theirs}`))?.status()).toBe(404);
    const mine = await makeWorkshop(app, admin, trainer.id, -3, -2);
    const forged = await page.request.post(`/trainer/workshops/${mine}/attendees`, { form: { name: 'Forged', email: uniqueEmail('forged') }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect((await page.goto('/service'))?.status()).toBe(403);
  }, 60_000);
});
