import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LIBS = join(__dirname, '..', '..');
const sources = () => globSync('*/src/**/*.ts', { cwd: LIBS }).filter((file) => !file.endsWith('.spec.ts') && !file.includes('/testing/'));
const libOf = (file: string) => file.split('/')[0];

/** Each table's slice: the lib whose *.entity.ts declares it. */
function owners(): Map<string, string> {
  const owner = new Map<string, string>();
  for (const file of globSync('*/src/**/*.entity.ts', { cwd: LIBS }))
    for (const [, table] of readFileSync(join(LIBS, file), 'utf8').matchAll(/^@Entity\('([a-z_]+)'\)/gm)) owner.set(table, libOf(file));
  return owner;
}

/**
 * Reads of another slice's tables that remain, each with why. A file under `src/read-model/` is a read
 * model, named as one, and says in its own comment which tables it reads and why it may.
 */
const ALLOWED: Record<string, string> = {
  'reminders/src/finders/recipients.ts': 'who a reminder goes to: users of the organisation, read with the finders',
  'reminders/src/reminders.service.ts': "a reminder's delivery, read beside it from letters' mail_deliveries",
};

/** `lib/src/file.ts: table (owner)` for each table a file's SQL names that another lib owns. */
function crossSliceReads(): string[] {
  const owner = owners();
  const found: string[] = [];
  for (const file of sources()) {
    if (file.includes('/src/read-model/')) continue;
    // A table named in the SQL text; one chosen at run time (`FROM ${table}`) is not seen.
    const tables = new Set([...readFileSync(join(LIBS, file), 'utf8').matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+"?([a-z_]+)"?/g)].map((m) => m[1]));
    for (const table of [...tables].sort()) {
      const lib = owner.get(table);
      if (lib && lib !== libOf(file)) found.push(`${file}: ${table} (${lib})`);
    }
  }
  return found;
}

describe('each slice owns its data', () => {
  it("reads no other slice's tables with SQL of its own, outside a read model and the listed exceptions", () => {
    const found = crossSliceReads();
    expect(found.filter((read) => !(read.split(':')[0] in ALLOWED))).toEqual([]);
  });

  it('lists no exception that is gone', () => {
    const files = new Set(crossSliceReads().map((read) => read.split(':')[0]));
    expect(Object.keys(ALLOWED).filter((file) => !files.has(file))).toEqual([]);
  });
});
