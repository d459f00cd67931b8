import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, Page } from 'playwright-core';
import { browse, expectAccessible, officeInBrowser, screenshot, signInAs } from '../support/browser';
import { bootApi } from '../support/boot';
import { PASSWORD, signedIn, SignedIn } from '../support/people';
import { codeAt } from '../support/totp';

/** The password step of sign-in, as the person types it; what follows depends on the account. */
async function givePassword(browser: Browser, base: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('networkidle');
  return page;
}

/** The set-up page shows the key under the QR code; the person's app would read the same. */
async function setUpCodes(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Set up one-time codes' }).click();
  await page.getByRole('img', { name: 'QR code for the NPA back-office in your authenticator app' }).waitFor();
  return (await page.locator('#totp-key').textContent())!.trim();
}

describe('In a browser: your account, your password, and one-time codes for NPA staff', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let base: string;
  let admin: SignedIn;

  officeInBrowser((office) => ({ app, browser, base, admin } = office));

  it('lets a reviewer set up one-time codes, then asks for a code at sign-in: a wrong one is shown, the right one signs in', async () => {
    const reviewer = await signedIn(app, 'npa_reviewer');
    const page = await signInAs(browser, base, reviewer.email);
    await page.getByRole('link', { name: /your account/ }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'account');
    await page.getByRole('link', { name: 'Set up one-time codes' }).click();
    await page.getByRole('heading', { name: 'One-time codes' }).waitFor();
    await expectAccessible(page);
    const secret = await setUpCodes(page);
    await expectAccessible(page);
    await screenshot(page, 'account-two-factor-setup');

    await page.getByLabel('Code from the app').fill(await codeAt(secret, 5));
    await page.getByRole('button', { name: 'Turn on one-time codes' }).click();
    await page.getByText('The code is not right: enter the code the app shows now').first().waitFor();
    await expectAccessible(page);
    await page.getByLabel('Code from the app').fill(await codeAt(secret));
    await page.getByRole('button', { name: 'Turn on one-time codes' }).click();
    await page.getByText('One-time codes are on').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the NPA back-office' }).waitFor();

    const next = await givePassword(browser, base, reviewer.email);
    await next.getByRole('heading', { name: 'Enter the code from your authenticator app' }).waitFor();
    await expectAccessible(next);
    await screenshot(next, 'sign-in-code');
    await next.getByLabel('Enter the code from your authenticator app').fill(await codeAt(secret, 3));
    await next.getByRole('button', { name: 'Continue' }).click();
    await next.getByText('The code is not right, or it has been used already').first().waitFor();
    await expectAccessible(next);
    await screenshot(next, 'sign-in-code-wrong');
    // Typed as the app shows it, with a space in the middle.
    const code = await codeAt(secret, 1);
    await next.getByLabel('Enter the code from your authenticator app').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await next.getByRole('button', { name: 'Continue' }).click();
    await next.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(new URL(next.url()).pathname).toBe('/office');
  }, 90_000);

  it('does not let the code page be reached without the password first', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/sign-in/code');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  }, 90_000);

  it('lets an admin turn off the codes of someone who lost their phone', async () => {
    const reviewer = await signedIn(app, 'npa_reviewer');
    const theirs = await signInAs(browser, base, reviewer.email);
    await theirs.goto('/account/two-factor');
    const secret = await setUpCodes(theirs);
    await theirs.getByLabel('Code from the app').fill(await codeAt(secret));
    await theirs.getByRole('button', { name: 'Turn on one-time codes' }).click();
    await theirs.getByText('One-time codes are on').waitFor();

    const page = await signInAs(browser, base, admin.email);
    await page.goto(`/office/users/${reviewer.id}`);
    await page.getByRole('heading', { name: 'One-time codes' }).waitFor();
    await page.getByRole('button', { name: 'Turn off one-time codes' }).click();
    await page.getByText('One-time codes are off for').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'office-user-codes-off');
    // The password alone signs them in again.
    const again = await givePassword(browser, base, reviewer.email);
    expect(new URL(again.url()).pathname).toBe('/office');
  }, 90_000);

  it('changes a password: a short or common one is refused with its reason, then the new one works and other sign-ins end', async () => {
    const trainer = await signedIn(app, 'trainer');
    const elsewhere = await signInAs(browser, base, trainer.email);
    const page = await signInAs(browser, base, trainer.email);
    await page.goto('/account/password');
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('Tr0ub4d&r');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('New password must be longer than or equal to 10 characters').first().waitFor();
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('New password is one of the most common passwords').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'account-password-common');

    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('the blue kettle in the office');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed').waitFor();
    // This browser stays signed in; the other one is sent to sign in.
    await page.goto('/trainer');
    expect(new URL(page.url()).pathname).toBe('/trainer');
    await elsewhere.goto('/trainer');
    expect(new URL(elsewhere.url()).pathname).toBe('/sign-in');
  }, 90_000);

  describe('with STAFF_TOTP_REQUIRED=true', () => {
    let strict: NestFastifyApplication;
    let strictBase: string;
    let closeStrict: () => Promise<void>;

    beforeAll(async () => {
      strict = await bootApi({ STAFF_TOTP_REQUIRED: 'true' });
      const opened = await browse(strict);
      strictBase = opened.base;
      closeStrict = opened.close;
    }, 60_000);

    afterAll(async () => {
      await closeStrict?.();
      await strict?.close();
    });

    it('takes a staff member without codes to set them up before anything else', async () => {
      const reviewer = await signedIn(strict, 'npa_reviewer');
      const page = await signInAs(browser, strictBase, reviewer.email);
      expect(new URL(page.url()).pathname).toBe('/account/two-factor');
      await page.getByText('NPA staff must use one-time codes').waitFor();
      await page.goto('/office/review');
      expect(new URL(page.url()).pathname).toBe('/account/two-factor');
      const secret = await setUpCodes(page);
      await page.getByLabel('Code from the app').fill(await codeAt(secret));
      await page.getByRole('button', { name: 'Turn on one-time codes' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.goto('/office/review');
      expect(new URL(page.url()).pathname).toBe('/office/review');
    }, 90_000);
  });
});
