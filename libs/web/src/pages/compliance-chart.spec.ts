import { statusChart } from './compliance-chart';

describe(statusChart.name, () => {
  it('draws nothing without history', () => {
    expect(statusChart([], '2026-01-31')).toBeNull();
  });

  it('steps from compliant down to not compliant on the day it changed, and runs on to today', () => {
    const chart = statusChart(
      [
        { asOf: '2026-01-01', status: 'compliant' },
        { asOf: '2026-01-11', status: 'non_compliant' },
        { asOf: '2026-01-21', status: 'non_compliant' },
      ],
      '2026-01-31',
    )!;
    expect(chart.points).toBe('110,20 270,20 270,90 430,90 430,90 590,90');
    expect(chart.changes.map((c) => c.asOf)).toEqual(['2026-01-01', '2026-01-11']);
  });
});
