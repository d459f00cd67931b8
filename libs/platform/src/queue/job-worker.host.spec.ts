import { outageWaitMs, pairHandlers } from './job-worker.host';
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

describe('outageWaitMs', () => {
  it.each([
    [1, 0, 500],
    [2, 0, 1000],
    [3, 0, 2000],
    [4, 1, 2000],
    [7, 0, 30_000],
    [60, 2, 30_000],
  ])('started %i times, %i attempts spent: waits %i ms', (attemptsStarted, attemptsMade, wait) => {
    expect(outageWaitMs({ attemptsStarted, attemptsMade })).toBe(wait);
  });
});
