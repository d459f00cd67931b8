import type { EntityManager } from 'typeorm';
import { Organisations } from './organisations';

const manager = {} as EntityManager;

describe('Organisations', () => {
  it.each([
    ['a registered kind', 'service', true],
    ['another id of it', 'service', false],
  ] as const)('asks the lib that registered the kind: %s', async (_case, kind, expected) => {
    const organisations = new Organisations();
    organisations.register('service', async (_m, id) => id === 'known');
    expect(await organisations.exists(manager, kind, expected ? 'known' : 'other')).toBe(expected);
  });

  it('refuses a kind nobody registered, and a kind registered twice', async () => {
    const organisations = new Organisations();
    await expect(organisations.exists(manager, 'setting', 'x')).rejects.toThrow('no module registered the settings');
    organisations.register('setting', async () => true);
    expect(() => organisations.register('setting', async () => true)).toThrow('registered twice');
  });
});
