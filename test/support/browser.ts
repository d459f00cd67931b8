import AxeBuilder from '@axe-core/playwright';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { bootApi } from './boot';
import { PASSWORD, SignedIn, signedIn } from './people';

// Debian's Chromium, as the letters use; .ci/run installs it. No browser is downloaded.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');

/** The real app listening on a loopback port, and a headless Chromium to click through it. */
export async function browse(app: NestFastifyApplication): Promise<{ base: string; browser: Browser; close: () => Promise<void> }> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return { base: `http://127.0.0.1:${port}`, browser, close: () => browser.close() };
}

/** A fresh browser context signed in through the sign-in page, as the person would. */
export async function signInAs(browser: Browser, base: string, email: string, password = PASSWORD): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('networkidle');
  return page;
}

/**
 * No serious or critical accessibility violation on the page, by axe-core. `skipFrames` names frames axe
 * cannot enter, left out of the check (a sandboxed srcdoc preview runs no script, so axe would wait for it forever).
 */
export async function expectAccessible(page: Page, options: { skipFrames?: string[] } = {}): Promise<void> {
  const builder = new AxeBuilder({ page });
  for (const selector of options.skipFrames ?? []) builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}

/** Saves a full-page screenshot under test/screenshots/ for review (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface OfficeInBrowser {
  app: NestFastifyApplication;
  browser: Browser;
  base: string;
  admin: SignedIn;
  reviewer: SignedIn;
}

/**
 * For a suite about the NPA office: boots the real app and a browser before its tests, with an admin
 * and a reviewer, hands them to `use`, and closes both after.
 */
export function officeInBrowser(use: (office: OfficeInBrowser) => void): void {
  let office: OfficeInBrowser | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const app = await bootApi();
    const opened = await browse(app);
    close = opened.close;
    office = { app, browser: opened.browser, base: opened.base, admin: await signedIn(app, 'npa_admin'), reviewer: await signedIn(app, 'npa_reviewer') };
    use(office);
  }, 60_000);
  afterAll(async () => {
    await close?.();
    await office?.app.close();
  });
}
