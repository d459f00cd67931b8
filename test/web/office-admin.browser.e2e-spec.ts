import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Storage } from '@npa/platform';
import { officeInBrowser, expectAccessible, screenshot, signInAs } from '../support/browser';
import { signedIn, SignedIn, uniqueEmail } from '../support/people';

/** A composed reminder letter and its email in the given state, written as the letter jobs leave them. */
async function reminderLetter(app: NestFastifyApplication, state: 'failed' | 'sent', reason: string | null) {
  const db = app.get(DataSource);
  const storage = app.get(Storage);
  const pdfKey = await storage.put('letters', Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
  const htmlKey = await storage.put('letters', Buffer.from('<!DOCTYPE html><title>Reminder</title><p>A reminder</p>'));
  const name = `Acorn Setting ${randomUUID().slice(0, 6)}`;
  const email = uniqueEmail('contact');
  const [letter] = await db.query<{ id: string }[]>(
    `INSERT INTO letters (kind, subject_kind, subject_id, subject_name, dedupe_key, verification_code, template_version, data, recipients, html_key, pdf_key, rendered_at)
     VALUES ('reminder', 'setting', $1, $2, $3, $4, 1, '{}', $5, $6, $7, now()) RETURNING id`,
    [randomUUID(), name, `test:${randomUUID()}`, `T${randomUUID().slice(0, 8)}`, JSON.stringify([{ email, name: 'Ann' }]), htmlKey, pdfKey],
  );
  await db.query(`INSERT INTO mail_deliveries (letter_id, state, recipients, subject, attempts, reason, sent_at) VALUES ($1, $2, $3, $4, 3, $5, $6)`, [
    letter.id,
    state,
    JSON.stringify([{ email, name: 'Ann' }]),
    `Reminder: ${name}`,
    reason,
    state === 'sent' ? new Date() : null,
  ]);
  await db.query(
    `INSERT INTO reminders (kind, subject_kind, subject_id, due_on, recipients, facts, letter_id) VALUES ('award-renewal-30', 'setting', $1, CURRENT_DATE, $2, '{}', $3)`,
    [randomUUID(), JSON.stringify([{ email, name: 'Ann' }]), letter.id],
  );
  return { id: letter.id, name };
}

describe('In a browser: the NPA office at work (letters, templates, users, audit, imports)', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let base: string;
  let admin: SignedIn;
  let reviewer: SignedIn;

  officeInBrowser((office) => ({ app, browser, base, admin, reviewer } = office));

  it('shows a reviewer the emails that failed first, with why, the letter with its PDF, and reminders by state', async () => {
    const failed = await reminderLetter(app, 'failed', 'The mail server refused the address: 550 no such user');
    await reminderLetter(app, 'sent', null);
    const page = await signInAs(browser, base, reviewer.email);
    await page.getByRole('link', { name: 'Letters' }).first().click();
    await page.getByRole('heading', { name: 'Letters and emails' }).waitFor();
    await page.getByText('550 no such user').first().waitFor();
    expect(await page.locator('svg[role="img"] title').first().textContent()).toBe('Reminders sent each week, last 12 weeks');
    await expectAccessible(page);
    await screenshot(page, 'office-letters');

    await page
      .getByRole('link', { name: `Reminder: ${failed.name}` })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Reminder' }).waitFor();
    expect(await page.locator('iframe[title="The letter as a PDF"]').getAttribute('src')).toBe(`/office/letters/${failed.id}.pdf`);
    const pdf = await page.request.get(`/office/letters/${failed.id}.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page);

    await page.goto('/office/reminders?state=failed');
    await page.getByText('550 no such user').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'office-reminders');
  }, 90_000);

  it('lets an admin preview a template change, publish it as a new version, and refuses triple braces', async () => {
    const page = await signInAs(browser, base, admin.email);
    await page.getByRole('link', { name: 'Templates' }).first().click();
    await page.getByRole('link', { name: 'Portage Workshop certificate' }).click();
    const html = page.getByLabel('The letter body');
    const current = await html.inputValue();
    expect(current.startsWith('{{#> layout')).toBe(true);
    const versions = await page.locator('tbody tr').count();
    const changed = current.replace('{{/layout}}', '<p>Keep this certificate safe & sound.</p>\n{{/layout}}');
    await html.fill(changed);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'Preview with sample data' }).waitFor();
    const preview = page.frameLocator('iframe[title="Preview of the letter with sample data"]');
    await preview.getByText('Keep this certificate safe & sound.').waitFor();
    expect(await page.getByLabel('The letter body').inputValue()).toBe(changed);
    await expectAccessible(page, { skipFrames: ['iframe[srcdoc]'] });
    await screenshot(page, 'office-templates');

    await page.getByLabel('What changed').fill('A line about keeping it safe');
    await page.getByRole('button', { name: 'Publish as a new version' }).click();
    await page.getByText(/Version \d+ published/).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(versions + 1);
    await page.getByRole('cell', { name: 'A line about keeping it safe' }).waitFor();

    await page.getByLabel('The letter body').fill(changed.replace('{{/layout}}', '<p>{{{letter.recipient.name}}}</p>{{/layout}}'));
    await page.getByRole('button', { name: 'Publish as a new version' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: /The letter body must not use \{\{\{ \}\}\}/ }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(versions + 1);
    await expectAccessible(page);
    await screenshot(page, 'office-templates-error');
  }, 90_000);

  it('lets an admin add a user (a taken email is shown in the error summary), and sends a reviewer away with 403', async () => {
    const page = await signInAs(browser, base, admin.email);
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.getByLabel('Name').fill('Rita Reviewer');
    await page.getByLabel('Email address').fill(reviewer.email);
    await page.getByLabel('Password').fill('long-enough-password');
    await page.getByLabel('NPA reviewer').check();
    await page.getByRole('button', { name: 'Add the user' }).click();
    await page.getByRole('link', { name: 'A user with this email address already exists' }).waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe('Rita Reviewer');
    await expectAccessible(page);

    const email = uniqueEmail('rita');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('Tr0ub4d&r');
    await page.getByRole('button', { name: 'Add the user' }).click();
    await page.getByRole('link', { name: /^Password must be longer/ }).waitFor();
    await page.getByLabel('Password').fill('password123');
    await page.getByRole('button', { name: 'Add the user' }).click();
    await page.getByRole('link', { name: 'Password is one of the most common passwords' }).waitFor();
    await page.getByLabel('Password').fill('long-enough-password');
    await page.getByRole('button', { name: 'Add the user' }).click();
    await page.getByText('Rita Reviewer can now sign in as NPA reviewer.').waitFor();
    await page.getByRole('cell', { name: email }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'office-users');

    // Other suites share the database and may have a Rita Reviewer of their own: the row with her email.
    await page.getByRole('row').filter({ hasText: email }).getByRole('link', { name: 'Rita Reviewer' }).click();
    await page.getByRole('button', { name: 'Disable the account' }).click();
    await page.getByText('Rita Reviewer can no longer sign in.').waitFor();
    await page.getByRole('link', { name: 'See the audit trail of this user' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByRole('cell', { name: 'user.created' }).waitFor();
    await page.getByRole('cell', { name: 'user.updated' }).waitFor();
    expect(await page.getByRole('cell', { name: 'user.updated' }).locator('xpath=following-sibling::td').textContent()).toContain('disabled');
    await expectAccessible(page);
    await screenshot(page, 'office-audit');

    const office = await signInAs(browser, base, reviewer.email);
    expect(await office.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect((await office.goto('/office/users'))?.status()).toBe(403);
    expect((await office.goto('/office/templates'))?.status()).toBe(403);
    expect((await office.goto('/office/audit?entity=user'))?.status()).toBe(403);
  }, 90_000);

  it('checks a CSV file and shows a bad row by row and column, then imports a good one', async () => {
    const page = await signInAs(browser, base, admin.email);
    await page.getByRole('link', { name: 'Imports' }).first().click();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('link', { name: 'Choose what the file holds' }).waitFor();
    await page.getByRole('link', { name: 'Choose a CSV file' }).waitFor();

    const good = uniqueEmail('imported');
    await page.getByLabel('People').check();
    await page
      .getByLabel('The CSV file')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,email\nAnn Example,${good}\nBob Example,not-an-email\n`) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Check of people.csv' }).waitFor();
    const row = page
      .locator('tbody tr')
      .filter({ hasText: 'not-an-email' })
      .or(page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: 'email', exact: true }) }));
    expect(await row.first().locator('td').first().textContent()).toBe('3');
    expect(await row.first().locator('td').nth(1).textContent()).toBe('email');
    await expectAccessible(page);
    await screenshot(page, 'office-imports');

    await page.getByLabel('People').check();
    await page.getByLabel('The CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,email\nAnn Example,${good}\n`) });
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported people.csv: 1 rows, 1 records created.').waitFor();
    const [person] = await app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM people WHERE email = $1', [good]);
    expect(person.n).toBe(1);

    // A large file runs in the background: its page follows the progress, then shows the report to its owner only.
    const rows = Array.from({ length: 30_000 }, (_, i) => `Person ${i},big-${i}-${good}`).join('\n');
    await page.getByLabel('People').check();
    await page.getByLabel('The CSV file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,email\n${rows}\n`) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForURL(/\/office\/imports\/runs\/[0-9a-f-]{36}$/);
    const runUrl = page.url();
    await page.getByRole('heading', { name: 'Check of big.csv' }).waitFor({ timeout: 60_000 });
    await page.getByText('importing it would create 30000 records').waitFor();
    const other = await signInAs(browser, base, (await signedIn(app, 'npa_reviewer')).email);
    expect((await other.goto(runUrl))?.status()).toBe(404);
  }, 120_000);

  it('refuses a forged POST on every office form', async () => {
    const page = await signInAs(browser, base, admin.email);
    const forged = [
      await page.request.post('/office/templates/reminder', { form: { html: 'x', text: 'y' } }),
      await page.request.post('/office/users', {
        form: { name: 'Mallory', email: uniqueEmail('mallory'), password: 'long-enough-password', role: 'npa_admin' },
      }),
      await page.request.post('/office/imports', {
        multipart: { kind: 'people', action: 'import', file: { name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email\nM,m@example.org\n') } },
      }),
    ];
    expect(forged.map((r) => r.status())).toEqual([403, 403, 403]);
    expect(await forged[0].text()).toContain('This form has expired or did not come from this site');
  }, 60_000);
});
