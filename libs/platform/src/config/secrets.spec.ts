import { productionSecretsProblem, secretProblem } from './secrets';

const random = 'k3Jq9vXb2LmN8pQr5sTu7wYz1aBcDeFgHiJk';
const another = 'Zx8Cv7Bn6Mq5Wt4Er3Ty2Ui1Op0As9Df8Gh';

describe('secretProblem', () => {
  it.each([
    ['unset', undefined, 'must be set in production'],
    ['empty', '', 'must be set in production'],
    ['blank', '   ', 'must be set in production'],
    ['short', 'k3Jq9vXb2LmN8pQr', 'must be at least 32 characters'],
    ['the old compose default', 'change-me-change-me-change-me-change-me', 'is a placeholder, not a secret'],
    ['.env.example JWT_SECRET', 'at-least-32-characters-of-randomness', 'is a placeholder, not a secret'],
    ['.env.example TOTP_KEY', 'another-32-characters-of-randomness', 'is a placeholder, not a secret'],
    ['changeme spelled together', 'CHANGEME0123456789abcdefghijklmnopq', 'is a placeholder, not a secret'],
    ['a repeated character', 'a'.repeat(40), 'is a placeholder, not a secret'],
    ['a repeated short word', 'abcd'.repeat(10), 'is too repetitive to be a secret'],
    ['random base64', random, null],
    ['openssl rand -base64 48', 'q1Y4b0m2kV8n9JxW7uTzR3sPaLcDfGhE5iKoN6yB+M/eXgHtQwZvUjCr1lSdFpAo', null],
  ])('%s', (_case, value, expected) => {
    expect(secretProblem(value)).toBe(expected);
  });
});

describe('productionSecretsProblem', () => {
  it.each([
    ['both good and different', { JWT_SECRET: random, TOTP_KEY: another }, null],
    ['JWT_SECRET unset', { TOTP_KEY: another }, /^JWT_SECRET must be set in production \(make one with/],
    ['TOTP_KEY unset', { JWT_SECRET: random }, /^TOTP_KEY must be set in production/],
    ['TOTP_KEY a placeholder', { JWT_SECRET: random, TOTP_KEY: 'change-me-change-me-change-me-change-me' }, /^TOTP_KEY is a placeholder/],
    ['the same key twice', { JWT_SECRET: random, TOTP_KEY: random }, /^TOTP_KEY must differ from JWT_SECRET/],
  ])('%s', (_case, env, expected) => {
    const problem = productionSecretsProblem(env);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
