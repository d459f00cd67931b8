// Annual returns and the national snapshot in a browser, as a service manager and NPA staff use them.
// The fixture lives in 1999/00 and 2000/01 (services registered back then), before test/returns.e2e-spec.ts's
// 2001/02 and 2002/03, so neither suite's figures see the other's; after the suite its services are moved
// to today's register, like every other suite's. 1999/00 cannot be written in a path (the register's years
// start at 2000/01), so last year's returns are filed through ReturnsService, the service the API calls.
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import type { Actor } from '@npa/platform';
import { Clock } from '@npa/platform';
import { ReturnsService } from '@npa/returns';
import type { FileReturnDto } from '@npa/returns';
import { bootApi, bootWorker, eventually } from '../support/boot';
import { browse, expectAccessible, screenshot, signInAs } from '../support/browser';
import { http, SignedIn, signedIn } from '../support/people';

type Key = 'A' | 'B' | 'C' | 'D' | 'E';
const figures = (
  referralsAccepted: number,
  childrenSupported: number,
  waitingList: number,
  ageRange: string,
  fundingSource: string,
  budgetCut: boolean,
  teamFte: number,
  annualCost: number,
) => ({ referralsAccepted, childrenSupported, waitingList, ageRange, fundingSource, budgetCut, teamFte, annualCost }) as FileReturnDto;

describe('In a browser: annual returns and the national snapshot', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;
  let admin: SignedIn;
  let reviewer: SignedIn;
  const services = {} as Record<Key, { id: string; name: string; manager: SignedIn }>;
  const tag = Date.now().toString(36);

  /** The figure card of the snapshot page: its big number, and last year with the change. */
  const figure = async (page: Page, key: string) => {
    const card = page.locator(`[data-figure="${key}"]`);
    return {
      value: (await card.locator('.npa-figure__value').textContent())?.trim(),
      previous: (await card.locator('.npa-figure__previous').textContent())?.trim(),
    };
  };

  beforeAll(async () => {
    app = await bootApi();
    worker = await bootWorker();
    ({ browser, base, close } = await browse(app));
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    const make = async (key: Key, localAuthority: string, region: string, registeredOn: string) => {
      const name = `Returns ${key} ${tag}`;
      const body = (await http(app).post('/services').set(admin.auth).send({ name, localAuthority, region, ageRange: '0-5', registeredOn }).expect(201)).body;
      services[key] = { id: body.id, name, manager: await signedIn(app, 'service_manager', body.id) };
    };
    await make('A', 'Leeds City Council', 'Yorkshire and The Humber', '1999-06-01');
    await make('B', 'Kent County Council', 'South East', '1999-06-01');
    await make('C', 'London Borough of Camden', 'London', '1999-06-01');
    await make('D', 'Leeds City Council', 'Yorkshire and The Humber', '2000-06-01');
    await make('E', 'Nowhere District Council', 'South West', '2000-06-01');

    const actor: Actor = { id: admin.id, email: admin.email, name: 'Test npa_admin', role: 'npa_admin', organisationId: null };
    await app.get(ReturnsService).file(services.A.id, 1999, figures(80, 75, 8, '0-5', 'local_authority', false, 4.0, 220_000), actor);
    await app.get(ReturnsService).file(services.B.id, 1999, figures(50, 45, 3, '0-3', 'charity', false, 2.5, 100_000), actor);
    // This year's through the API, except A's (filed in the browser below) and D's (never filed).
    const put = (key: Key, body: FileReturnDto) =>
      http(app).put(`/services/${services[key].id}/returns/2000-01`).set(services[key].manager.auth).send(body).expect(200);
    await put('B', figures(50, 40, 0, '0-3', 'charity', true, 2.5, 100_000));
    await put('C', figures(200, 190, 35, '0-5', 'local_authority', false, 6.2, 500_000));
    await put('E', figures(30, 30, 5, '0-4', 'independent', false, 1.0, 60_000));
  }, 90_000);

  afterAll(async () => {
    if (app) {
      const today = app.get(Clock).today();
      for (const s of Object.values(services)) await http(app).patch(`/services/${s.id}`).set(admin.auth).send({ registeredOn: today }).expect(200);
    }
    await close?.();
    await worker?.close();
    await app?.close();
  });

  it('lets a manager file the return: blank boxes and a slip come back in the error summary as typed, then it files and corrects, last year beside', async () => {
    const page = await signInAs(browser, base, services.A.manager.email);
    await page.getByRole('link', { name: 'Annual returns', exact: true }).click();
    await page.getByRole('heading', { name: 'Annual returns' }).waitFor();
    // The list shows the last ten years and any year filed: 1999/00 is there, 2000/01 once filed.
    expect(await page.getByRole('row').filter({ hasText: '1999/00' }).locator('.govuk-tag').textContent()).toContain('Filed late');
    await expectAccessible(page);
    await screenshot(page, 'service-returns');

    await page.goto('/service/returns/2000-01');
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Overdue');
    await page.getByRole('heading', { name: '2000/01 annual return' }).waitFor();
    expect(await page.locator('#referralsAccepted-hint').textContent()).toContain('Last year (1999/00): 80');
    expect(await page.locator('#annualCost-hint').textContent()).toContain('Last year (1999/00): £220,000');
    expect(await page.getByLabel('Referrals accepted').getAttribute('inputmode')).toBe('numeric');

    await page.getByRole('button', { name: 'File the return' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: 'Enter the number of referrals accepted, or 0' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Select the main funding source' }).count()).toBe(1);
    expect(await page.content()).not.toMatch(/NaN|undefined/);

    await page.getByLabel('Referrals accepted').fill('100');
    await page.getByLabel('Children supported').fill('120');
    await page.getByLabel('Children on the waiting list at the year end').fill('-1');
    await page.getByLabel('0 to 5 years').check();
    await page.getByLabel('Local authority').check();
    await page.getByRole('group', { name: 'Budget cut in the last 12 months' }).getByLabel('No').check();
    await page.getByLabel('Team size (full-time equivalent)').fill('4');
    await page.getByLabel('Annual cost').fill('240,000');
    await page.getByRole('button', { name: 'File the return' }).click();
    const slip = 'Children on the waiting list at the year end cannot be below 0: enter 0 if no child is waiting';
    await page.getByRole('link', { name: slip }).waitFor();
    expect(await page.locator('#waitingList-error').textContent()).toContain(slip);
    expect(await page.getByLabel('Annual cost').inputValue()).toBe('240,000');
    expect(await page.getByLabel('0 to 5 years').isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'return-errors');

    await page.getByLabel('Children on the waiting list at the year end').fill('9');
    await page.getByRole('button', { name: 'File the return' }).click();
    await page.getByText('Your 2000/01 return is filed. Thank you.').waitFor();
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Filed late');

    await page.getByLabel('Children on the waiting list at the year end').fill('10');
    await page.getByRole('button', { name: 'Send the corrected return' }).click();
    await page.getByText('Your 2000/01 return is corrected (revision 2).').waitFor();
    const history = page.getByRole('table').filter({ hasText: 'Filed by' });
    expect(await history.getByRole('row').count()).toBe(3);
    expect(await history.getByRole('row').nth(1).textContent()).toContain('Test service_manager');
    await expectAccessible(page);
    await screenshot(page, 'return-form');
  }, 60_000);

  it("never shows a manager another service's return: their own page is their own, the office's is refused", async () => {
    const page = await signInAs(browser, base, services.B.manager.email);
    await page.goto('/service/returns/2000-01');
    expect(await page.locator('#referralsAccepted').inputValue()).toBe('50');
    const refused = await page.goto(`/office/returns/2000-01/services/${services.A.id}`);
    expect(refused?.status()).toBe(403);
    expect(await page.content()).not.toContain('240,000');
  }, 30_000);

  it('shows NPA staff who has not filed, and each return beside last year', async () => {
    const page = await signInAs(browser, base, reviewer.email);
    await page.getByRole('link', { name: 'Returns', exact: true }).click();
    const year = page.getByRole('row').filter({ has: page.getByRole('link', { name: '2000/01', exact: true }) });
    expect((await year.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['30 June 2001', 'Open', '5', '4', '4', expect.stringMatching(/^1/)]);
    await expectAccessible(page);
    await screenshot(page, 'office-returns');

    await year.getByRole('link', { name: '2000/01', exact: true }).click();
    await page.getByLabel('Show').selectOption('not_filed');
    await page.getByRole('button', { name: 'Filter' }).click();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(services.D.name);
    expect(await rows.first().locator('.govuk-tag').textContent()).toContain('Overdue');
    await expectAccessible(page);
    await screenshot(page, 'office-return-year');

    await page.goto(`/office/returns/2000-01/services/${services.A.id}`);
    const cost = page.getByRole('row').filter({ hasText: 'Annual cost' });
    expect((await cost.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['£220,000', '£240,000']);
    await expectAccessible(page);
  }, 60_000);

  it('opens the snapshot with the hand-computed headline figures, the regions, what to chase and what to fix', async () => {
    const page = await signInAs(browser, base, reviewer.email);
    await page.getByRole('link', { name: 'Snapshot', exact: true }).click();
    await page.getByLabel('Reporting year').selectOption('2000-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { name: 'National snapshot 2000/01' }).waitFor();
    expect(await page.locator('.govuk-warning-text').textContent()).toContain('Provisional: 2000/01 is still open');

    // A, B, C, E filed; D did not (missing, not zero). 380 referrals; £900,000 over 380 children; 3 of 4 keep a waiting list.
    expect(await figure(page, 'registeredServices')).toEqual({ value: '5', previous: '1999/00: 3, change +2 (+67%)' });
    expect(await figure(page, 'referralsAccepted')).toEqual({ value: '380', previous: '1999/00: 130, change +250 (+192%)' });
    expect(await figure(page, 'childrenSupported')).toEqual({ value: '380', previous: '1999/00: 120, change +260 (+217%)' });
    expect(await figure(page, 'costPerChild')).toEqual({ value: '£2,368', previous: '1999/00: £2,667, change −£299 (−11%)' });
    expect(await figure(page, 'withWaitingList')).toEqual({ value: '75%', previous: '1999/00: 100%, change −25 points' });
    expect(await figure(page, 'averageTeamFte')).toEqual({ value: '3.4 FTE', previous: '1999/00: 3.3 FTE, change +0.1 (+3%)' });
    expect((await figure(page, 'authoritiesCovered')).value).toBe('1%');
    expect(await page.getByText('Annual returns filed: 4 of 5').count()).toBe(1);

    expect(await page.locator('.govuk-inset-text').textContent()).toContain('East Midlands, East of England, North East, North West, West Midlands');
    const yorkshire = page.getByRole('row').filter({ hasText: 'Yorkshire and The Humber' });
    expect((await yorkshire.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['15', '1', '7%', '2']);
    expect(await page.getByRole('link', { name: services.D.name }).getAttribute('href')).toBe(`/office/returns/2000-01/services/${services.D.id}`);
    expect(await page.getByRole('row').filter({ hasText: services.E.name }).textContent()).toContain('Nowhere District Council');
    expect(await page.locator('#chart-funding-desc').textContent()).toBe(
      'Funded mainly by local authority: 2; Funded mainly by charity: 1; Funded mainly by independent: 1.',
    );
    expect(await page.content()).not.toMatch(/NaN|undefined/);
    await expectAccessible(page);
    await screenshot(page, 'snapshot');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe('npa-snapshot-2000-01.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toBe('section,figure,2000/01 (provisional),count,of,percent,1999/00,change');
    expect(csv).toContain(`return not filed,${services.D.name}`);
  }, 60_000);

  it('produces the PDF report, whose link appears once the worker has printed it', async () => {
    const page = await signInAs(browser, base, reviewer.email);
    await page.goto('/office/snapshot?year=2000-01');
    await page.getByRole('button', { name: 'Produce PDF report' }).click();
    await page.getByText('The provisional PDF report of 2000/01 is being produced').waitFor();
    const link = await eventually(
      async () => {
        await page.reload();
        const open = page.getByRole('link', { name: /Open the PDF/ });
        return (await open.count()) > 0 ? open.first().getAttribute('href') : null;
      },
      60_000,
      500,
    );
    expect(link).toMatch(/^\/office\/letters\/[0-9a-f-]{36}\.pdf$/);
    const pdf = await page.request.get(link);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page);
  }, 90_000);

  it("lets an admin close the year after a confirmation, and the manager's return is then read-only with why", async () => {
    const page = await signInAs(browser, base, admin.email);
    await page.goto('/office/returns/2000-01');
    await page.getByRole('button', { name: 'Close 2000/01' }).click();
    await page.getByRole('heading', { name: 'Close 2000/01?' }).waitFor();
    expect(await page.locator('.govuk-warning-text').textContent()).toContain('1 service has not filed');
    await expectAccessible(page);
    await screenshot(page, 'return-year-close');
    await page.getByRole('button', { name: 'Yes, close 2000/01' }).click();
    await page.getByText('2000/01 is closed').waitFor();
    expect(await page.getByRole('row').filter({ hasText: services.D.name }).locator('.govuk-tag').textContent()).toContain('Missing');

    const manager = await signInAs(browser, base, services.A.manager.email);
    await manager.goto('/service/returns/2000-01');
    expect(await manager.locator('.govuk-inset-text').textContent()).toContain('The NPA has closed 2000/01');
    expect(await manager.getByRole('button', { name: /return/ }).count()).toBe(0);
    const waiting = manager.getByRole('row').filter({ hasText: 'waiting list' });
    expect((await waiting.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['8', '10']);
    await expectAccessible(manager);
    await screenshot(manager, 'return-closed');

    await page.goto('/office/snapshot?year=2000-01');
    expect(await page.locator('.govuk-warning-text').count()).toBe(0);
  }, 60_000);

  it('keeps the local authorities table: filter by region, an empty name refused, one added and given its last day', async () => {
    const page = await signInAs(browser, base, admin.email);
    await page.goto('/office/local-authorities');
    await page.getByLabel('Region', { exact: true }).first().selectOption('North East');
    await page.getByRole('button', { name: 'Filter' }).click();
    expect(await page.locator('tbody tr').count()).toBe(12);
    await expectAccessible(page);

    const code = `E069${String(Date.now()).slice(-5)}`;
    const name = `Testshire ${tag}`;
    await page.getByLabel('ONS code').fill(code);
    await page.locator('#region').selectOption('South West');
    await page.getByLabel('Kind').selectOption('unitary');
    await page.getByRole('button', { name: 'Add to the table' }).click();
    await page.getByRole('link', { name: 'Enter the name' }).waitFor();
    expect(await page.getByLabel('ONS code').inputValue()).toBe(code);
    await expectAccessible(page);
    await screenshot(page, 'local-authorities-errors');

    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Add to the table' }).click();
    await page.getByText(`${name} (${code}) is in the table.`).waitFor();

    // Ended before 1999/00 did, so no year any suite computes counts it.
    await page.getByRole('link', { name }).click();
    await page.getByLabel('Last day it existed').fill('2000-01-01');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`${name} (${code}) is saved.`).waitFor();
    expect(await page.getByRole('row').filter({ hasText: code }).textContent()).toContain('Ended 1 January 2000');
    await expectAccessible(page);
    await screenshot(page, 'local-authorities');
  }, 60_000);

  it("shows the office dashboard's line for the latest year's returns", async () => {
    const page = await signInAs(browser, base, reviewer.email);
    const line = page.getByRole('link', { name: /^Annual returns \d{4}\/\d{2}: \d+ of \d+ filed$/ });
    expect(await line.getAttribute('href')).toMatch(/^\/office\/returns\/\d{4}-\d{2}$/);
    await expectAccessible(page);
  }, 30_000);
});
