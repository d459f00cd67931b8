import { createHmac, hkdfSync } from 'node:crypto';
import { deriveKey, KeyUse } from './keys';
import { openSecret, sealSecret } from './totp-secret-box';

const SECRET = 'a-long-configured-secret-a-long-configured-secret';
const USES: KeyUse[] = ['token', 'cookie', 'totp'];

describe(deriveKey.name, () => {
  it('gives each use its own 256-bit key, none of them the configured secret', () => {
    const keys = USES.map((use) => deriveKey(SECRET, use).toString('hex'));
    expect(new Set(keys).size).toBe(USES.length);
    for (const key of keys) {
      expect(key).toHaveLength(64);
      expect(key).not.toBe(Buffer.from(SECRET).toString('hex'));
    }
  });

  it.each(USES)('derives the %s key the same way every time, and differently from another secret', (use) => {
    expect(deriveKey(SECRET, use).equals(deriveKey(SECRET, use))).toBe(true);
    expect(deriveKey(SECRET, use).equals(deriveKey(`${SECRET}x`, use))).toBe(false);
  });

  it('signs nothing the raw secret signs: a token made with JWT_SECRET itself does not verify', () => {
    const data = 'header.payload';
    expect(createHmac('sha256', deriveKey(SECRET, 'token')).update(data).digest('hex')).not.toBe(createHmac('sha256', SECRET).update(data).digest('hex'));
  });

  it('keeps the TOTP derivation every sealed secret was made with, so they still open', () => {
    // The derivation as it was before keys.ts existed (totp-secret-box.ts, totpKeyFrom).
    const before = Buffer.from(hkdfSync('sha256', SECRET, 'npa-totp-secret', 'AES-256-GCM key for TOTP secrets', 32));
    const user = '7b0e6a4c-1d8f-4c5e-9a51-0f6f7c1e2a3b';
    const stored = sealSecret(before, 'JBSWY3DPEHPK3PXP', user);
    expect(openSecret(deriveKey(SECRET, 'totp'), stored, user)).toBe('JBSWY3DPEHPK3PXP');
  });
});
