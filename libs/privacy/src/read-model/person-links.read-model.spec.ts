import { PERSON_LINK_TABLES, RETENTION_DUE } from './person-links.read-model';

describe('the person links read model', () => {
  it('reads exactly the tables it declares', () => {
    const read = new Set([...RETENTION_DUE.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/g)].map((m) => m[1]));
    read.delete('links'); // the statement's own WITH
    const declared: string[] = Object.values(PERSON_LINK_TABLES).flat();
    expect([...read].sort()).toEqual([...declared].sort());
  });
});
