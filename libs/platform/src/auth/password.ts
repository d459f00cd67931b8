import * as argon2 from 'argon2';

// OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

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
