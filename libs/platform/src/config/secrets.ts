/**
 * In production the token-signing key and the key that seals one-time code secrets must be set, long
 * and not a value anyone could read in a repository, a README or an example file: a public key lets
 * anyone sign a token as any user. Development and tests keep their conveniences (jwt-secret.ts).
 */
export const SECRET_MIN_LENGTH = 32;

/** How to make one, printed with every refusal. */
export const MAKE_A_SECRET = 'make one with: openssl rand -base64 48';

/** Words that only ever appear in a value someone has yet to replace. */
const PLACEHOLDER_WORDS = /change[-_ ]?me|changeit|placeholder|example|replace|your[-_ ]|secret[-_ ]?key|characters[-_ ]of[-_ ]randomness|^x+$|^(.)\1+$/i;

/** A random value of 32+ characters has far more distinct characters than this; a repeated word has fewer. */
const MIN_DISTINCT_CHARACTERS = 12;

/** What is wrong with a production secret, or null when it will do. */
export function secretProblem(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return 'must be set in production';
  if (value.length < SECRET_MIN_LENGTH) return `must be at least ${SECRET_MIN_LENGTH} characters`;
  if (PLACEHOLDER_WORDS.test(value)) return 'is a placeholder, not a secret';
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS) return 'is too repetitive to be a secret';
  return null;
}

/** The first problem with the production secrets, as one line naming the variable, or null. */
export function productionSecretsProblem(env: { JWT_SECRET?: string; TOTP_KEY?: string }): string | null {
  for (const name of ['JWT_SECRET', 'TOTP_KEY'] as const) {
    const problem = secretProblem(env[name]);
    if (problem) return `${name} ${problem} (${MAKE_A_SECRET})`;
  }
  if (env.JWT_SECRET === env.TOTP_KEY) return `TOTP_KEY must differ from JWT_SECRET (${MAKE_A_SECRET})`;
  return null;
}
