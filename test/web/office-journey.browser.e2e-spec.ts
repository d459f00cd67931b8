import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser } from 'playwright-core';
import { Clock } from '@npa/platform';
import { completeJudged, readySetting } from '../support/approval';
import { officeInBrowser, expectAccessible, screenshot, signInAs } from '../support/browser';
import { http, SignedIn } from '../support/people';
import { registerBuilder } from '../support/register';

describe('In a browser: the NPA office', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let base: string;
  let admin: SignedIn;
  let reviewer: SignedIn;

  officeInBrowser((office) => ({ app, browser, base, admin, reviewer } = office));

  it('signs a reviewer in to the dashboard, which shows what waits for review', async () => {
    const ready = await readySetting(app, admin, { today: app.get(Clock).today() });
    const id = (await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201)).body.id as string;
    await completeJudged(app, id, ready.contact);
    await http(app).post(`/applications/${id}/submit`).set(ready.contact.auth).send({}).expect(200);

    // A service with one practitioner and no NPA member fails SR-MEMBERSHIP.
    const build = registerBuilder(app, admin);
    const service = await build.service();
    await build.member(service.id, (await build.person('Solo Practitioner')).id);

    const page = await signInAs(browser, base, reviewer.email);
    expect(new URL(page.url()).pathname).toBe('/office');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const membership = page.getByRole('row').filter({ hasText: 'SR-MEMBERSHIP' });
    expect(await membership.locator('td').nth(1).textContent()).toMatch(/^[1-9]\d*$/);
    expect(await page.content()).not.toMatch(/NaN|undefined/);
    await expectAccessible(page);
    await screenshot(page, 'office-dashboard');

    await page.getByRole('link', { name: 'Review queue' }).first().click();
    await page.getByRole('link', { name: ready.setting.name }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'office-review-queue');
  }, 60_000);

  it('shows a failed sign-in in the error summary, and sign-out ends the session', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: 'Enter your email address' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'sign-in-errors');

    const signed = await signInAs(browser, base, reviewer.email);
    await signed.getByRole('button', { name: 'Sign out' }).click();
    await signed.waitForURL(/\/sign-in$/);
    await signed.goto('/office');
    expect(new URL(signed.url()).pathname).toBe('/sign-in');
  }, 60_000);
});
