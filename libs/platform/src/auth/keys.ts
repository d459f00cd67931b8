import { hkdfSync } from 'node:crypto';

/** What a key is for: each use gets its own key, so one leaking or misused tells nothing of the others. */
export type KeyUse = 'token' | 'cookie' | 'totp';

/**
 * HKDF-SHA256 salt and info per use. The TOTP labels are the ones sealed secrets have used from the
 * start, kept as they are so that every secret already in the users table still opens (no migration).
 */
const LABELS: Record<KeyUse, { salt: string; info: string }> = {
  token: { salt: 'npa-back-office', info: 'HS256 key for API bearer tokens' },
  cookie: { salt: 'npa-back-office', info: 'HMAC key for signed cookies' },
  totp: { salt: 'npa-totp-secret', info: 'AES-256-GCM key for TOTP secrets' },
};

/** A 256-bit key for one use, derived from the configured secret (JWT_SECRET, or TOTP_KEY for TOTP). */
export function deriveKey(secret: string, use: KeyUse): Buffer {
  const { salt, info } = LABELS[use];
  return Buffer.from(hkdfSync('sha256', secret, salt, info, 32));
}
