import { generateSecret } from '@otplib/core';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { generate, verify } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';
import { base32Plugin } from './base32';

/** RFC 6238 as every authenticator app reads it: SHA-1, 30-second steps, 6 digits. */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Steps either side of now still accepted, for a phone whose clock is a little off. */
const WINDOW_STEPS = 1;
const ISSUER = 'NPA back-office';
const plugins = { crypto: new NodeCryptoPlugin(), base32: base32Plugin };

export type CodeCheck = { ok: true; step: number } | { ok: false; replayed: boolean };

/** A new random secret, base32 as authenticator apps take it (160 bits, RFC 4226's recommendation). */
export const newTotpSecret = (): string => generateSecret({ ...plugins, length: 20 });

/** The otpauth:// address a QR code carries: the app shows "NPA back-office (email)". */
export const otpauthUri = (email: string, secret: string): string =>
  generateTOTP({ issuer: ISSUER, label: email, secret, period: TOTP_PERIOD_SECONDS, digits: DIGITS });

export const totpStep = (epochSeconds: number): number => Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);

/**
 * Whether `code` is the secret's code at `epochSeconds`, give or take one step; a code from a step at or
 * before `lastStep` (the last one accepted) is refused, so an overheard code cannot be used again.
 */
export async function checkTotpCode(secret: string, code: string, epochSeconds: number, lastStep: number | null): Promise<CodeCheck> {
  if (!/^\d{6}$/.test(code)) return { ok: false, replayed: false };
  const result = await verify({
    ...plugins,
    secret,
    token: code,
    epoch: epochSeconds,
    epochTolerance: TOTP_PERIOD_SECONDS * WINDOW_STEPS,
    period: TOTP_PERIOD_SECONDS,
    digits: DIGITS,
  });
  if (!result.valid) return { ok: false, replayed: false };
  const step = totpStep(epochSeconds) + result.delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, replayed: true };
  return { ok: true, step };
}

/** The code an app would show at `epochSeconds` (tests, and nothing else, need to make one). */
export const totpCodeAt = (secret: string, epochSeconds: number): Promise<string> =>
  generate({ ...plugins, secret, epoch: epochSeconds, period: TOTP_PERIOD_SECONDS, digits: DIGITS });
