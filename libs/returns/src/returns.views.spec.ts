import { returnState } from './returns.views';

const year = { opensOn: '2025-04-01', dueOn: '2025-06-30', closed: false };

describe('returnState', () => {
  it.each([
    [null, year, '2025-03-31', 'not_open'],
    [null, year, '2025-04-01', 'due'],
    [null, year, '2025-06-30', 'due'],
    [null, year, '2025-07-01', 'overdue'],
    [null, { ...year, closed: true }, '2025-09-01', 'missing'],
    ['2025-06-30', year, '2025-09-01', 'filed'],
    ['2025-07-01', year, '2025-09-01', 'filed_late'],
    ['2025-05-01', { ...year, closed: true }, '2026-01-01', 'filed'],
  ] as const)('filed on %s, %j, today %s: %s', (filedOn, settings, today, state) => {
    expect(returnState(filedOn, settings, today)).toBe(state);
  });
});
