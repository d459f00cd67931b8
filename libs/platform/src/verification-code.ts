import { randomBytes } from 'node:crypto';

// The codes printed on certificates and letters, which anyone can check without signing in.
// No 0/O or 1/I: the code is read off paper and typed in by hand.
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_SHAPE = /^NPA-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/;

/**
 * 10 characters of 32 (50 bits): short enough to type, far too many to guess. Each is the low five bits
 * of a random byte, as uniform as the byte (32 divides 256): one call for random bytes per code, where a
 * call per character was a share of the sweep's letters (README, Benchmarks).
 */
export function newVerificationCode(random: (size: number) => Buffer = randomBytes): string {
  let chars = '';
  for (const byte of random(10)) chars += CODE_ALPHABET[byte & 31];
  return `NPA-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What a person typed, as it would be stored; null when it cannot be a code at all. */
export function normaliseVerificationCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return CODE_SHAPE.test(code) ? code : null;
}
