import { dictionary } from '@zxcvbn-ts/language-common';
import * as argon2 from 'argon2';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { invalid } from '../http/domain-error';

// OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * NIST SP 800-63B asks for length and a check against common passwords instead of composition rules
 * (no "one capital and a digit") or forced changes. Its floor is 8 characters; revision 4 asks for 15
 * where a password is the only factor. 10 keeps us above the floor, and the accounts that see everything
 * (NPA staff) can add a one-time code; raising it is a policy decision, not a code change.
 */
export const MIN_PASSWORD_LENGTH = 10;

export const COMMON_PASSWORD_PROBLEM = 'is one of the most common passwords';

let common: Set<string> | undefined;

/**
 * True for a password on zxcvbn-ts's list of the ~49,000 most common passwords (from public breach
 * corpora; MIT licence), compared without case: "Password123" is as guessable as "password123".
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

/** For DTOs: 400 with `password: "is one of the most common passwords"`. */
export const IsNotCommonPassword = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isNotCommonPassword',
      validator: { validate: (value) => typeof value !== 'string' || !isCommonPassword(value), defaultMessage: () => COMMON_PASSWORD_PROBLEM },
    },
    options,
  );

/** The policy for a new password, whatever route it came by (the DTOs apply the same rules first). */
export function assertNewPassword(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw invalid('Choose a longer password.', [{ field, problem: `must be longer than or equal to ${MIN_PASSWORD_LENGTH} characters` }]);
  if (isCommonPassword(password)) throw invalid('Choose a less common password.', [{ field, problem: COMMON_PASSWORD_PROBLEM }]);
}

/** A new password's hash, once it meets the policy. */
export async function hashNewPassword(password: string, field = 'password'): Promise<string> {
  assertNewPassword(password, field);
  return hashPassword(password);
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against the stored hash, or against a throw-away one when there is no user, so that a wrong
 * email and a wrong password take about the same time and cannot be told apart.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  dummyHash ??= argon2.hash('not-a-real-password-0000', OPTIONS);
  const against = hash ?? (await dummyHash);
  const ok = await argon2.verify(against, password).catch(() => false);
  return ok && hash !== null;
}
