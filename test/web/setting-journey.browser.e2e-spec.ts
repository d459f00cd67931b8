import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { LettersService } from '@npa/letters';
import { Clock } from '@npa/platform';
import { approveThrough, completeJudged, JUDGED, PDF, readySetting } from '../support/approval';
import { bootApi, bootWorker, eventually } from '../support/boot';
import { browse, expectAccessible, screenshot, signInAs } from '../support/browser';
import { http, signedIn, SignedIn, uniqueEmail } from '../support/people';

const token = (page: Page) => page.locator('input[name="_csrf"]').first().inputValue();

describe('In a browser: a setting contact and the public checks', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;

  beforeAll(async () => {
    app = await bootApi();
    worker = await bootWorker();
    ({ base, browser, close } = await browse(app));
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    today = app.get(Clock).today();
  }, 60_000);

  afterAll(async () => {
    await close?.();
    await worker?.close();
    await app?.close();
  });

  it('keeps the staff list: adds a new person and an existing one, refuses a form it cannot act on, records a leaver', async () => {
    const ready = await readySetting(app, admin, { today });
    const page = await signInAs(browser, base, ready.contact.email);
    expect(new URL(page.url()).pathname).toBe('/setting');
    await page.getByRole('heading', { name: ready.setting.name }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'setting-home');

    // Someone new to the register, with no name: the form says what it needs and keeps what was typed.
    const email = uniqueEmail('newstaff');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Start date').fill(today);
    await page.getByRole('button', { name: 'Add to staff' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: 'Full name is needed to add the person' }).count()).toBe(1);
    expect(await page.getByLabel('Email address').inputValue()).toBe(email);
    await expectAccessible(page);
    await screenshot(page, 'setting-home-errors');

    await page.getByLabel('Full name').fill('Eve Newcomer');
    await page.getByRole('button', { name: 'Add to staff' }).click();
    await page.getByText(`Eve Newcomer is on your staff from ${today}`).waitFor();
    await page.getByRole('rowheader', { name: 'Eve Newcomer' }).waitFor();

    // Someone already on the register (Dan trained but was never on this staff): their email and their name.
    const dan = (await http(app).get(`/people/${ready.staff.Dan.personId}`).set(admin.auth).expect(200)).body as { email: string };
    await page.getByLabel('Email address').fill(dan.email);
    await page.getByLabel('Full name').fill('dan staff');
    await page.getByLabel('Start date').fill(today);
    await page.getByRole('button', { name: 'Add to staff' }).click();
    await page.getByText(`dan staff is on your staff from ${today}`).waitFor();

    await page.getByLabel('Last day of Bob Staff').fill(today);
    await page.getByRole('button', { name: 'Record that Bob Staff left' }).click();
    await page.getByText(`Bob Staff left on ${today}`).waitFor();
    const staff = await http(app).get(`/settings/${ready.setting.id}/staff`).set(admin.auth).expect(200);
    expect(staff.body.items).toContainEqual(expect.objectContaining({ name: 'Bob Staff', endDate: today }));
    expect(staff.body.items).toContainEqual(expect.objectContaining({ name: 'Eve Newcomer', email, startDate: today }));
  }, 90_000);

  it('applies: statements and PDFs through the page, a refused submit with every reason, then submitted; answers the reviewer and resubmits', async () => {
    const ready = await readySetting(app, admin, { today });
    const page = await signInAs(browser, base, ready.contact.email);
    await page.getByRole('link', { name: 'Your application' }).click();
    await page.getByRole('button', { name: 'Start an application' }).click();
    await page.getByText('Your application is open').waitFor();

    const [last, ...others] = [...JUDGED].reverse();
    for (const id of others) {
      await page.getByLabel(`Your statement for ${id}`).fill(`How we meet ${id}: weekly home visits and shared plans.`);
      await page.getByRole('button', { name: `Save statement for ${id}` }).click();
      await page.getByText(`Statement for ${id} saved`).waitFor();
      await page.getByLabel(`Evidence for ${id}`).setInputFiles({ name: `${id}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: `Upload evidence for ${id}` }).click();
      await page.getByText(`${id}.pdf added to ${id}`).waitFor();
    }

    // An empty statement, and a submit with one criterion missing, each in the error summary.
    await page.getByRole('button', { name: `Save statement for ${last}` }).click();
    await page.getByRole('link', { name: `${last}: write how your setting meets this criterion` }).waitFor();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.getByRole('link', { name: `${last}: needs a statement and evidence` }).waitFor();
    expect(await page.locator('.govuk-error-summary li').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'setting-application-errors');

    // A file that is not what it says is refused by its content.
    await page.getByLabel(`Evidence for ${last}`).setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text') });
    await page.getByRole('button', { name: `Upload evidence for ${last}` }).click();
    await page.getByRole('link', { name: /The file: must be a/ }).waitFor();

    await page.getByLabel(`Your statement for ${last}`).fill(`How we meet ${last}.`);
    await page.getByRole('button', { name: `Save statement for ${last}` }).click();
    await page.getByText(`Statement for ${last} saved`).waitFor();
    await page.getByLabel(`Evidence for ${last}`).setInputFiles({ name: `${last}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: `Upload evidence for ${last}` }).click();
    await page.getByText(`${last}.pdf added to ${last}`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'setting-application');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.getByText('Your application is submitted').waitFor();

    const id = (await http(app).get(`/settings/${ready.setting.id}/applications`).set(admin.auth).expect(200)).body[0].id as string;
    await http(app).post(`/applications/${id}/start-review`).set(reviewer.auth).expect(200);
    await http(app)
      .post(`/applications/${id}/request-information`)
      .set(reviewer.auth)
      .send({ message: 'Please send an example of a shared record.' })
      .expect(200);

    await page.goto('/setting/application');
    await page.getByText('Please send an example of a shared record.').first().waitFor();
    await page.getByRole('link', { name: 'answer and resubmit' }).click();
    await page.getByLabel('Your answer to the reviewer').fill('An example is now attached to SA-RECORDS.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Resubmit application' }).click();
    await page.getByText('Your application is submitted').waitFor();
    const resubmitted = await http(app).get(`/applications/${id}`).set(admin.auth).expect(200);
    expect(resubmitted.body.state).toBe('submitted');
    expect(resubmitted.body.history.at(-1)).toMatchObject({ action: 'submit', message: 'An example is now attached to SA-RECORDS.' });
  }, 120_000);

  it('shows an active award and the decided application with its reasons, and refuses a renewal before its window', async () => {
    const ready = await readySetting(app, admin, { today });
    await approveThrough(app, ready, reviewer);
    const page = await signInAs(browser, base, ready.contact.email);
    await page.getByText(`Awarded on`).waitFor();
    expect(await page.locator('#award ~ p .govuk-tag').first().textContent()).toBe('Active');
    await page.getByRole('link', { name: 'Your application' }).click();
    await page.getByRole('heading', { name: 'Past applications' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Seen and met.' }).count()).toBe(7);
    await page.getByRole('button', { name: 'Start an application' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page
      .locator('.govuk-error-summary')
      .getByText(/a renewal can be opened from \d{4}-\d{2}-\d{2}/)
      .waitFor();
    await expectAccessible(page);
  }, 90_000);

  it("serves a setting's letter to its own contact only, refuses another setting's forms and a forged POST", async () => {
    const ready = await readySetting(app, admin, { today });
    const other = await readySetting(app, admin, { today });
    const id = (await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201)).body.id as string;
    await completeJudged(app, id, ready.contact);
    await http(app).post(`/applications/${id}/submit`).set(ready.contact.auth).send({}).expect(200);
    await http(app).post(`/applications/${id}/start-review`).set(reviewer.auth).expect(200);
    await http(app).post(`/applications/${id}/request-information`).set(reviewer.auth).send({ message: 'More please.' }).expect(200);
    const letter = await eventually(async () => (await app.get(LettersService).listFor('setting', ready.setting.id)).find((l) => l.ready), 45_000);

    const owner = await signInAs(browser, base, ready.contact.email);
    await owner.goto('/setting');
    await owner.getByRole('link', { name: `${letter.title} (PDF)` }).waitFor();
    const pdf = await owner.request.get(`/setting/letters/${letter.id}.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const stranger = await signInAs(browser, base, other.contact.email);
    expect((await stranger.request.get(`/setting/letters/${letter.id}.pdf`)).status()).toBe(404);
    // Another setting's application, even with a good form token, is not there.
    await stranger.goto('/setting/application');
    const form = { _csrf: await token(stranger), message: 'mine now' };
    expect((await stranger.request.post(`/setting/application/${id}/withdraw`, { form })).status()).toBe(404);
    expect(
      (
        await stranger.request.get(`/setting/application/${id}/evidence/${(await http(app).get(`/applications/${id}/evidence`).set(admin.auth)).body[0].id}`)
      ).status(),
    ).toBe(404);
    // A form without its token is refused before anything changes; a reviewer is not a setting contact.
    const forged = await stranger.request.post('/setting/staff', { form: { email: uniqueEmail('forged'), name: 'Forged', startDate: today } });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('This form has expired or did not come from this site');
    const staffRoom = await signInAs(browser, base, reviewer.email);
    expect((await staffRoom.request.get('/setting')).status()).toBe(403);
    expect((await app.get(DataSource).query('SELECT state FROM applications WHERE id = $1', [id]))[0].state).toBe('information_requested');
  }, 120_000);

  it('checks a certificate, a letter and a setting without signing in, and says clearly when a code is wrong', async () => {
    const ready = await readySetting(app, admin, { today });
    const [{ certificate_code: certificate }] = await app
      .get(DataSource)
      .query<{ certificate_code: string }[]>('SELECT certificate_code FROM workshop_outcomes WHERE person_id = $1', [ready.staff.Ann.personId]);
    const id = (await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201)).body.id as string;
    await completeJudged(app, id, ready.contact);
    await http(app).post(`/applications/${id}/submit`).set(ready.contact.auth).send({}).expect(200);
    await http(app).post(`/applications/${id}/start-review`).set(reviewer.auth).expect(200);
    await http(app).post(`/applications/${id}/request-information`).set(reviewer.auth).send({ message: 'More please.' }).expect(200);
    const [letter] = await app.get(LettersService).listFor('setting', ready.setting.id);

    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/verify');
    await page.getByLabel('Certificate code').fill(certificate.toLowerCase());
    await page.getByRole('button', { name: 'Check the certificate' }).click();
    await page.getByText('This certificate is genuine.').waitFor();
    await page.getByText('Ann Staff').waitFor();

    await page.getByLabel('Letter code').fill(letter.verificationCode);
    await page.getByRole('button', { name: 'Check the letter' }).click();
    await page.getByText(ready.setting.name).first().waitFor();
    await page.getByText(letter.title).waitFor();

    await page.getByLabel('Ofsted URN').fill(ready.setting.ofstedUrn);
    await page.getByRole('button', { name: 'Check the setting' }).click();
    // Not approved: described no more than a URN nobody holds, since a childminder's setting is often named for them.
    await page.getByRole('link', { name: 'No setting holds the NPA Stamp of Approval under that Ofsted URN today' }).waitFor();
    expect(await page.getByText(ready.setting.name).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'verify');

    await page.getByLabel('Certificate code').fill('NPA-AAAAA-BBBBB');
    await page.getByRole('button', { name: 'Check the certificate' }).click();
    await page.getByRole('link', { name: 'No certificate has that code: check it against the paper' }).waitFor();
    await page.getByLabel('Letter code').fill('not a code');
    await page.getByRole('button', { name: 'Check the letter' }).click();
    await page.getByRole('link', { name: 'No letter has that code: check it against the paper' }).waitFor();
    await page.getByLabel('Ofsted URN').fill('EY000000');
    await page.getByRole('button', { name: 'Check the setting' }).click();
    await page.getByRole('link', { name: 'No setting holds the NPA Stamp of Approval under that Ofsted URN today' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'verify-errors');
  }, 90_000);
});
