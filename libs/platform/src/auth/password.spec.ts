import { COMMON_PASSWORD_PROBLEM, hashNewPassword, isCommonPassword, verifyPassword } from './password';

describe('isCommonPassword', () => {
  it.each([
    ['password123', true],
    ['Password123', true],
    ['QWERTYUIOP', true],
    ['1234567890', true],
    ['iloveyou12', true],
    ['correct-horse-battery', false],
    ['demo-password-2025', false],
    ['Portage visits on Tuesdays', false],
  ])('%s: %s', (password, common) => {
    expect(isCommonPassword(password)).toBe(common);
  });
});

describe('hashNewPassword', () => {
  it('refuses a short password with the same words as the DTOs', async () => {
    await expect(hashNewPassword('Tr0ub4d&r')).rejects.toMatchObject({
      status: 400,
      details: [{ field: 'password', problem: 'must be longer than or equal to 10 characters' }],
    });
  });

  it('refuses a common password with the field and problem the API shows', async () => {
    await expect(hashNewPassword('password123', 'newPassword')).rejects.toMatchObject({
      status: 400,
      details: [{ field: 'newPassword', problem: COMMON_PASSWORD_PROBLEM }],
    });
  });

  it('hashes anything else with argon2id at OWASP minimum cost', async () => {
    const hash = await hashNewPassword('correct-horse-battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(hash, 'correct-horse-battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct-horse-batterY')).toBe(false);
  });
});
