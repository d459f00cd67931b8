import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { officeInBrowser, expectAccessible, screenshot, signInAs } from '../support/browser';
import { http, SignedIn } from '../support/people';
import { registerBuilder } from '../support/register';

describe('In a browser: registration compliance in the NPA office', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let base: string;
  let admin: SignedIn;
  let reviewer: SignedIn;

  officeInBrowser((office) => ({ app, browser, base, admin, reviewer } = office));

  it('filters the overview by a failing rule, downloads it as CSV, and sends a service its letter', async () => {
    // A one-practitioner team, untrained and not a member, fails essential rules; its own region keeps the list to it.
    const region = `Region ${randomUUID().slice(0, 6)}`;
    const build = registerBuilder(app, admin);
    const service = (await build.service({ name: `Portage Overview ${randomUUID().slice(0, 4)}`, region })) as { id: string; name: string };
    await build.member(service.id, (await build.person('Pat Practitioner')).id);
    const rules = (await http(app).get(`/services/${service.id}/compliance`).set(admin.auth).expect(200)).body.rules as { id: string; level: string; outcome: string }[];
    const failing = rules.find((r) => r.level === 'essential' && r.outcome === 'fail')!.id;
    await http(app).post('/compliance/snapshots').set(admin.auth).send({}).expect(201);

    const page = await signInAs(browser, base, reviewer.email);
    await page.getByRole('link', { name: 'Compliance' }).first().click();
    await page.getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
    await page.getByLabel('Failing rule').selectOption(failing);
    await page.getByLabel('Region').fill(region);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(new RegExp(`rule=${failing}`));
    await page.getByRole('link', { name: service.name }).waitFor();
    await page.getByRole('heading', { name: '1 service', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'office-compliance');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these services as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^compliance-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('service,registration_number,region,status,failing_rules');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(service.name);
    expect(lines[1]).toContain('non_compliant');

    await page.getByRole('link', { name: service.name }).click();
    await page.getByRole('heading', { name: service.name, level: 1 }).waitFor();
    await page.getByRole('cell', { name: new RegExp(`^${failing} `) }).first().waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.locator('table').last().textContent()).toContain('Not compliant');
    await expectAccessible(page);
    await screenshot(page, 'office-service-compliance');

    await page.getByRole('button', { name: 'Send a registration compliance letter' }).click();
    await page.getByText('A registration compliance letter as of').waitFor();
    const letters = await http(app).get(`/services/${service.id}/letters`).set(admin.auth).expect(200);
    expect(letters.body.some((l: { kind: string }) => l.kind === 'registration-compliance')).toBe(true);
  }, 120_000);
});
