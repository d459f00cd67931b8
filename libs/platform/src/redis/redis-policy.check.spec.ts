import { evictionProblem } from './redis-policy.check';

const info = (policy: string) =>
  `# Memory\r\nused_memory:1001272\r\nmaxmemory:0\r\nmaxmemory_human:0B\r\nmaxmemory_policy:${policy}\r\nallocator_frag_ratio:1.01\r\n`;

describe(evictionProblem.name, () => {
  it.each(['allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl'])(
    'refuses %s, naming it and the fix',
    (policy) => {
      expect(evictionProblem(info(policy))).toMatch(new RegExp(`"${policy}".*Set maxmemory-policy to noeviction`));
    },
  );

  it('accepts noeviction', () => expect(evictionProblem(info('noeviction'))).toBeNull());

  it('accepts a server that does not say (nothing to judge by)', () => expect(evictionProblem('# Memory\r\nused_memory:1\r\n')).toBeNull());
});
