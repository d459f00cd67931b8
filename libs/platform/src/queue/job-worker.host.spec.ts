import { pairHandlers } from './job-worker.host';
import { JOB_NAMES } from './jobs';

const handler = async () => undefined;

describe('pairHandlers', () => {
  it('pairs every registered job with its one handler', () => {
    const map = pairHandlers(JOB_NAMES.map((name) => ({ name, owner: 'X', handler })));
    expect([...map.keys()].sort()).toEqual([...JOB_NAMES].sort());
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => pairHandlers([])).toThrow(/"system.heartbeat" has no handler/);
  });

  it('refuses to start when a job has two handlers', () => {
    const twice = [...JOB_NAMES, 'system.heartbeat' as const].map((name) => ({ name, owner: 'X', handler }));
    expect(() => pairHandlers(twice)).toThrow(/two handlers/);
  });
});
