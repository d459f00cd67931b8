import { FACTS_READ_MODEL_TABLES, SERVICE_QUERIES, SETTING_QUERIES } from './facts.read-model';

const tablesRead = (sql: string) => new Set([...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/g)].map((m) => m[1]));

describe('the compliance facts read model', () => {
  it('reads exactly the tables it declares, and none of its own slice', () => {
    const sql = [SERVICE_QUERIES.one, ...Object.values(SERVICE_QUERIES.all), SETTING_QUERIES.one, ...Object.values(SETTING_QUERIES.all)].join(' ');
    const declared: string[] = Object.values(FACTS_READ_MODEL_TABLES).flat();
    expect([...tablesRead(sql)].sort()).toEqual([...declared].sort());
  });

  it('keeps one statement for one subject (made one on purpose: README, Benchmarks)', () => {
    expect(SERVICE_QUERIES.one.trim().startsWith('SELECT')).toBe(true);
    expect(SERVICE_QUERIES.one).not.toContain(';');
    expect(Object.keys(SERVICE_QUERIES.all).every((name) => SERVICE_QUERIES.one.includes(`AS "${name}"`))).toBe(true);
    expect(Object.keys(SETTING_QUERIES.all).every((name) => SETTING_QUERIES.one.includes(`AS "${name}"`))).toBe(true);
  });
});
