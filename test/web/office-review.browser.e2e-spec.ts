import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { Clock } from '@npa/platform';
import { COMPUTED, completeJudged, JUDGED, readySetting } from '../support/approval';
import { officeInBrowser, expectAccessible, screenshot, signInAs } from '../support/browser';
import { http, SignedIn } from '../support/people';

describe('In a browser: a reviewer works an application', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let base: string;
  let admin: SignedIn;
  let reviewer: SignedIn;

  officeInBrowser((office) => ({ app, browser, base, admin, reviewer } = office));

  it('opens it from the queue, reviews, asks for information, and approves it after a refused decision', async () => {
    const ready = await readySetting(app, admin, { today: app.get(Clock).today() });
    const id = (await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201)).body.id as string;
    await completeJudged(app, id, ready.contact);
    await http(app).post(`/applications/${id}/submit`).set(ready.contact.auth).send({}).expect(200);

    const page = await signInAs(browser, base, reviewer.email);
    await page.goto('/office/review');
    await page.getByRole('link', { name: ready.setting.name }).click();
    await page.getByRole('heading', { name: ready.setting.name, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/office/applications/${id}`);
    await page.getByText('How we meet SA-PRINCIPLES.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'office-application');

    // The evidence downloads as an attachment, the file the setting uploaded.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'SA-PRINCIPLES.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('SA-PRINCIPLES.pdf');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await page.getByRole('button', { name: 'Start review' }).click();
    await page.getByText('The review has started: it is assigned to you').waitFor();
    expect(await page.locator('.govuk-summary-list__row', { hasText: 'Reviewer' }).first().textContent()).toContain('Test npa_reviewer');
    await page.getByText('Under review', { exact: true }).first().waitFor();

    await page.getByText('Record a recommendation on SA-PRINCIPLES').click();
    const recommend = page.locator('form', { has: page.getByRole('button', { name: 'Record recommendation on SA-PRINCIPLES' }) });
    await recommend.getByLabel('Met', { exact: true }).check();
    await recommend.getByLabel('Note (optional)').fill('The statement and the policy agree.');
    await recommend.getByRole('button', { name: 'Record recommendation on SA-PRINCIPLES' }).click();
    await page.getByText('Your recommendation on SA-PRINCIPLES is recorded').waitFor();
    await page.getByText('The statement and the policy agree.').first().waitFor();

    await page.getByLabel('What the setting needs to send').fill('Please send your latest review schedule.');
    await page.getByRole('button', { name: 'Request information' }).click();
    await page.getByText('Information has been requested from the setting').waitFor();
    await page.getByText('Information requested', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Start review' }).count()).toBe(0);

    // The setting answers through the API, and the application comes back to the queue.
    await http(app).post(`/applications/${id}/submit`).set(ready.contact.auth).send({ message: 'Attached: our review schedule.' }).expect(200);
    await page.reload();
    await page.getByText('Attached: our review schedule.').waitFor();
    await page.getByRole('button', { name: 'Start review' }).click();
    await page.getByText('The review has started: it is assigned to you').waitFor();

    // Approve with reasons left out and criteria unanswered: the service's refusal, field by field.
    await page.getByLabel('Approve').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'SA-ASSESSMENT needs an outcome and a reason' }).waitFor();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'SA-PRINCIPLES reason must say why' }).waitFor();
    expect(await page.getByLabel('Approve').isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'office-application-decision-errors');

    for (const criterion of [...JUDGED, ...COMPUTED]) {
      await page.getByLabel(`${criterion} met`, { exact: true }).check();
      await page.getByLabel(`Reason for ${criterion}`).fill(`Seen and met: ${criterion}.`);
    }
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('The decision is recorded').waitFor();
    await page.locator('.govuk-summary-list__row', { hasText: 'State' }).first().getByText('Approved').waitFor();
    expect(await page.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);
    const stored = await http(app).get(`/applications/${id}`).set(reviewer.auth).expect(200);
    expect(stored.body.state).toBe('approved');
  }, 120_000);
});
