import { checkTotpCode, newTotpSecret, otpauthUri, totpCodeAt, totpStep } from './totp';
import { needsTotpSetup } from './totp-policy';

describe('checkTotpCode', () => {
  const secret = newTotpSecret();
  // The middle of a step, so "one step either side" is never a matter of a second.
  const now = 1_800_000_015;
  const step = totpStep(now);
  const codeAt = (steps: number) => totpCodeAt(secret, now + steps * 30);

  it.each([
    ['the current step', 0, null, { ok: true, step }],
    ['one step behind (a slow phone clock)', -1, null, { ok: true, step: step - 1 }],
    ['one step ahead (a fast phone clock)', 1, null, { ok: true, step: step + 1 }],
    ['two steps behind', -2, null, { ok: false, replayed: false }],
    ['two steps ahead', 2, null, { ok: false, replayed: false }],
    ['the step already used', 0, step, { ok: false, replayed: true }],
    ['a step before the one already used', -1, step, { ok: false, replayed: true }],
    ['the step after the one used last time', 1, step, { ok: true, step: step + 1 }],
  ])('for a code from %s', async (_name, offset, lastStep, expected) => {
    expect(await checkTotpCode(secret, await codeAt(offset), now, lastStep)).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ['12345', 'five digits'],
    ['1234567', 'seven digits'],
    ['12 345', 'with a space'],
    ['abcdef', 'letters'],
  ])('refuses %j (%s) without checking it', async (code) => {
    expect(await checkTotpCode(secret, code, now, null)).toEqual({ ok: false, replayed: false });
  });

  it("refuses another secret's code", async () => {
    expect(await checkTotpCode(newTotpSecret(), await codeAt(0), now, null)).toEqual({ ok: false, replayed: false });
  });

  // RFC 6238 appendix B (SHA-1, the secret "12345678901234567890"), the last six of its eight digits.
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])("gives the RFC's code at %i seconds", async (epoch, code) => {
    expect(await totpCodeAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', epoch)).toBe(code);
  });

  it('makes 160-bit base32 secrets and an otpauth address an app can read', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri('ann@example.org', secret));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/NPA back-office:ann@example.org');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret, issuer: 'NPA back-office' });
  });
});

describe('needsTotpSetup', () => {
  it.each([
    [true, 'npa_admin', false, true],
    [true, 'npa_reviewer', false, true],
    [true, 'npa_admin', true, false],
    [true, 'service_manager', false, false],
    [true, 'setting_contact', false, false],
    [true, 'trainer', false, false],
    [false, 'npa_admin', false, false],
  ] as const)('STAFF_TOTP_REQUIRED=%s, %s with codes on=%s: %s', (required, role, enabled, expected) => {
    expect(needsTotpSetup(required, role, enabled)).toBe(expected);
  });
});
