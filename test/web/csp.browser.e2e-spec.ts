import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, Page } from 'playwright-core';
import { officeInBrowser, signInAs } from '../support/browser';
import { http, SignedIn, uniqueEmail } from '../support/people';

/** Every report the browser makes of a refused script, style or frame. */
function violations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

describe('In a browser: the pages’ inline scripts run under a CSP without unsafe-inline', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let base: string;
  let admin: SignedIn;

  officeInBrowser((office) => ({ app, browser, base, admin } = office));

  it('sends script-src with hashes, not unsafe-inline', async () => {
    const csp = (await http(app).get('/sign-in').expect(200)).headers['content-security-policy'];
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/]+=*'/);
  });

  it('runs the layout’s script, and the import page’s reload, with nothing refused', async () => {
    const page = await signInAs(browser, base, admin.email);
    const refused = violations(page);
    await page.goto('/office/imports');
    // The layout's inline script marks the page as having JavaScript; GOV.UK Frontend's components follow it.
    expect(await page.locator('body').getAttribute('class')).toContain('js-enabled');

    // A large file shows its progress page, which reloads itself (an inline script) until the report is ready.
    const email = uniqueEmail('csp');
    const rows = Array.from({ length: 20_000 }, (_, i) => `Person ${i},csp-${i}-${email}`).join('\n');
    await page.getByLabel('People').check();
    await page.getByLabel('The CSV file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,email\n${rows}\n`) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForURL(/\/office\/imports\/runs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Check of big.csv' }).waitFor({ timeout: 60_000 });
    expect(refused).toEqual([]);
  }, 90_000);
});
