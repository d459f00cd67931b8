import { EXPORT_QUERIES, EXPORT_TABLES } from './exports.read-model';

describe('the exports read model', () => {
  it('reads exactly the tables it declares', () => {
    const sql = Object.values(EXPORT_QUERIES).join(' ');
    const read = new Set([...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/g)].map((m) => m[1]));
    const declared: string[] = Object.values(EXPORT_TABLES).flat();
    expect([...read].sort()).toEqual([...declared].sort());
  });
});
