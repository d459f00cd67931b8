import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser } from 'playwright-core';
import { addDays, Clock } from '@npa/platform';
import { bootApi } from '../support/boot';
import { browse, expectAccessible, screenshot, signInAs } from '../support/browser';
import { http, signedIn, SignedIn } from '../support/people';
import { registerBuilder } from '../support/register';

describe('In a browser: the service manager', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;
  let admin: SignedIn;
  let manager: SignedIn;
  let serviceId: string;
  let today: string;
  const names = { practitioner: `Pat Practitioner ${Date.now().toString(36)}`, supervisor: `Sam Supervisor ${Date.now().toString(36)}` };

  beforeAll(async () => {
    app = await bootApi();
    ({ base, browser, close } = await browse(app));
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    const register = registerBuilder(app, admin);
    serviceId = (await register.service()).id;
    const practitioner = await register.person(names.practitioner);
    const supervisor = await register.person(names.supervisor);
    await register.member(serviceId, practitioner.id);
    await register.member(serviceId, supervisor.id, { role: 'supervisor', caseload: 0 });
    await register.membership(practitioner.id, '2024-01-01', addDays(today, 200));
    manager = await signedIn(app, 'service_manager', serviceId);
  }, 60_000);

  afterAll(async () => {
    await close?.();
    await app?.close();
  });

  it('shows the status today with each rule explained, what to do next, and the status over time', async () => {
    await http(app).post('/compliance/snapshots').set(admin.auth).send({}).expect(201);
    const page = await signInAs(browser, base, manager.email);
    expect(new URL(page.url()).pathname).toBe('/service');
    await page.getByText('Registration status today').waitFor();
    expect(await page.getByRole('heading', { name: 'What to do next' }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: /SR-SUPERVISION/ }).count()).toBe(1);
    expect(await page.getByText('Not compliant').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /^Status from .*: Not compliant from/ }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'service-home');
  }, 60_000);

  it('refuses a future supervision date in the error summary, then records a session that appears in the log', async () => {
    const page = await signInAs(browser, base, manager.email);
    await page.getByRole('link', { name: 'Supervision' }).click();
    await page.getByRole('heading', { name: 'Record a session' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'service-supervision');

    await page.getByLabel('Date').fill(addDays(today, 3));
    await page.getByLabel('Supervisor').selectOption({ label: names.supervisor });
    await page.getByLabel(names.practitioner).check();
    await page.getByRole('button', { name: 'Record the session' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: 'Date must be today or earlier' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'service-supervision-errors');

    await page.getByLabel('Date').fill(addDays(today, -1));
    await page.getByRole('button', { name: 'Record the session' }).click();
    await page.getByText(/Supervision session on .* recorded/).waitFor();
    const row = page.getByRole('row').filter({ hasText: names.practitioner }).filter({ hasText: names.supervisor });
    expect(await row.count()).toBe(1);
  }, 60_000);

  it('adds a team member, new to the register, and shows them with their membership and training', async () => {
    const page = await signInAs(browser, base, manager.email);
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { name: 'Add a team member' }).waitFor();
    const newcomer = `Nia Newcomer ${Date.now().toString(36)}`;
    await page.getByLabel('Email address').fill(`nia-${Date.now().toString(36)}@example.org`);
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: /^FTE must/ }).count()).toBe(1);
    await page.getByLabel('FTE').fill('0.6');
    await page.getByLabel('Caseload').fill('8');
    await page.getByLabel('Start date').fill(addDays(today, -2));
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByRole('link', { name: /^Name is needed/ }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(newcomer);
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByText(`${newcomer} added to the team`).waitFor();
    const row = page.getByRole('row').filter({ hasText: newcomer });
    expect(await row.textContent()).toMatch(/Practitioner\s*0\.6\s*8/);
    expect(await page.getByRole('row').filter({ hasText: names.practitioner }).textContent()).toMatch(/Yes, until/);
    await expectAccessible(page);
    await screenshot(page, 'service-team');
  }, 60_000);

  it('runs a what-if and shows the rules that would change, saving nothing', async () => {
    const page = await signInAs(browser, base, manager.email);
    await page.getByRole('link', { name: 'What if' }).click();
    await page.getByLabel('Team member').selectOption({ label: `${names.supervisor} (Supervisor)` });
    await page.getByLabel('Last day', { exact: true }).fill(addDays(today, 1));
    await page.getByRole('button', { name: 'See what changes if they leave' }).click();
    await page.getByRole('heading', { name: 'If that happened' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'service-what-if');
    const team = await http(app).get(`/services/${serviceId}/team`).set(manager.auth).expect(200);
    expect(team.body.items.every((m: { endDate: string | null }) => m.endDate === null)).toBe(true);
  }, 60_000);

  it("gives another service's manager 404 for a letter of this one, and refuses a forged form", async () => {
    const letterId = (await http(app).post(`/services/${serviceId}/letters`).set(admin.auth).expect(201)).body.letterId as string;
    const otherService = (await registerBuilder(app, admin).service()).id;
    const other = await signedIn(app, 'service_manager', otherService);
    const page = await signInAs(browser, base, other.email);
    const response = await page.goto(`/service/letters/${letterId}.pdf`);
    expect(response?.status()).toBe(404);

    const forged = await page.request.post('/service/supervision', {
      form: { date: today, supervisorId: other.id, practitionerIds: other.id },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    const trainerPage = await page.goto('/trainer');
    expect(trainerPage?.status()).toBe(403);
  }, 60_000);
});
