import { randomInt } from 'node:crypto';

// The codes printed on certificates and letters, which anyone can check without signing in.
// No 0/O or 1/I: the code is read off paper and typed in by hand.
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_SHAPE = /^NPA-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/;

/** 10 characters of 32 (50 bits): short enough to type, far too many to guess. */
export function newVerificationCode(pick: (max: number) => number = randomInt): string {
  const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[pick(CODE_ALPHABET.length)]).join('');
  return `NPA-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What a person typed, as it would be stored; null when it cannot be a code at all. */
export function normaliseVerificationCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return CODE_SHAPE.test(code) ? code : null;
}
