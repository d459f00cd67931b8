import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { resolveJwtSecret } from './jwt-secret';
import { deriveKey } from './keys';

const VERSION = 'v1';

/** A 256-bit key from any long secret (HKDF-SHA256), named for this one use (keys.ts). */
export const totpKeyFrom = (secret: string): Buffer => deriveKey(secret, 'totp');

/**
 * Seals a TOTP secret for the users table with AES-256-GCM: a fresh 96-bit nonce each time, and the
 * user's id as associated data, so a sealed secret copied onto another account does not open.
 * Stored as `v1.<nonce>.<tag>.<ciphertext>` (base64url).
 */
export function sealSecret(key: Buffer, secret: string, userId: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(Buffer.from(userId));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The secret, or an error when the key, the account or the stored text is not the one it was sealed with. */
export function openSecret(key: Buffer, stored: string, userId: string): string {
  const [version, nonce, tag, sealed] = stored.split('.');
  if (version !== VERSION || !nonce || !tag || sealed === undefined) throw new Error('Unreadable TOTP secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url')).setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
}

/** The key from TOTP_KEY when set, else derived from the JWT secret for this use alone (README: set TOTP_KEY in production). */
@Injectable()
export class TotpSecretBox {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = totpKeyFrom(config.TOTP_KEY ?? resolveJwtSecret(config));
  }

  seal(secret: string, userId: string): string {
    return sealSecret(this.key, secret, userId);
  }

  open(stored: string, userId: string): string {
    return openSecret(this.key, stored, userId);
  }
}
