import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDER_TABLES } from './finders.read-model';

describe("the reminder finders' read model", () => {
  it('reads exactly the tables it declares', () => {
    const sql = ['finders.read-model.ts', 'shared.ts'].map((file) => readFileSync(join(__dirname, file), 'utf8')).join('\n');
    // A name followed by "(" is a set-returning function (unnest), not a table.
    const read = new Set([...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)\b(?!\s*\()/g)].map((m) => m[1]));
    // The supervision finder's own WITH names.
    for (const own of ['practitioners', 'last_sessions']) read.delete(own);
    const declared: string[] = Object.values(FINDER_TABLES).flat();
    expect([...read].sort()).toEqual([...declared].sort());
  });
});
