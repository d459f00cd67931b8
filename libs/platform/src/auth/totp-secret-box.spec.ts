import type { AppConfig } from '../config/app-config';
import { deriveKey } from './keys';
import { openSecret, sealSecret, TotpSecretBox, totpKeyFrom } from './totp-secret-box';

describe('sealSecret / openSecret', () => {
  const key = totpKeyFrom('a-long-test-key-a-long-test-key-0123456789');
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const user = '7b0e6a4c-1d8f-4c5e-9a51-0f6f7c1e2a3b';

  it('opens what it sealed, and never stores the secret in the clear', () => {
    const stored = sealSecret(key, secret, user);
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain(secret);
    expect(openSecret(key, stored, user)).toBe(secret);
  });

  it('seals the same secret differently each time (a fresh nonce)', () => {
    expect(sealSecret(key, secret, user)).not.toBe(sealSecret(key, secret, user));
  });

  it.each([
    ['another key', (s: string) => openSecret(totpKeyFrom('another-key-another-key-another-key-00'), s, user)],
    ['another account', (s: string) => openSecret(key, s, '00000000-0000-4000-8000-000000000000')],
    ['a changed byte', (s: string) => openSecret(key, s.slice(0, -2) + (s.endsWith('A') ? 'BB' : 'AA'), user)],
    ['a text that is not sealed', () => openSecret(key, secret, user)],
  ])('refuses to open with %s', (_name, open) => {
    const stored = sealSecret(key, secret, user);
    expect(() => open(stored)).toThrow();
  });
});

describe(TotpSecretBox.name, () => {
  const user = '7b0e6a4c-1d8f-4c5e-9a51-0f6f7c1e2a3b';
  const JWT_SECRET = 'the-jwt-secret-the-jwt-secret-0123456789';

  it('seals with a key of TOTP_KEY when it is set, whatever the JWT secret', () => {
    const box = new TotpSecretBox({ TOTP_KEY: 'an-explicit-totp-key-an-explicit-totp-key', JWT_SECRET } as AppConfig);
    const stored = box.seal('JBSWY3DPEHPK3PXP', user);
    expect(openSecret(deriveKey('an-explicit-totp-key-an-explicit-totp-key', 'totp'), stored, user)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(deriveKey(JWT_SECRET, 'totp'), stored, user)).toThrow();
  });

  it('else with the TOTP derivation of the JWT secret, never the token or cookie key', () => {
    const stored = new TotpSecretBox({ JWT_SECRET } as AppConfig).seal('JBSWY3DPEHPK3PXP', user);
    expect(openSecret(deriveKey(JWT_SECRET, 'totp'), stored, user)).toBe('JBSWY3DPEHPK3PXP');
    for (const use of ['token', 'cookie'] as const) expect(() => openSecret(deriveKey(JWT_SECRET, use), stored, user)).toThrow();
  });
});
