import 'reflect-metadata';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

const LIBS = join(__dirname, '..', '..');

/** Every `@Entity(` in the libs' sources, by file: what the schema must hold. */
function declaredEntities(): { file: string; count: number }[] {
  return globSync('*/src/**/*.ts', { cwd: LIBS })
    .filter((file) => !file.endsWith('.spec.ts'))
    .map((file) => ({ file, count: (readFileSync(join(LIBS, file), 'utf8').match(/^@Entity\(/gm) ?? []).length }))
    .filter(({ count }) => count > 0);
}

describe('dataSourceOptions', () => {
  it('declares every entity in a file named *.entity.ts, the name the database lib finds them by', () => {
    const misnamed = declaredEntities().filter(({ file }) => !file.endsWith('.entity.ts'));
    expect(misnamed).toEqual([]);
  });

  it("assembles every lib's entities without importing any lib", async () => {
    const dataSource = new DataSource(dataSourceOptions('postgres://nobody@127.0.0.1:1/none'));
    // Metadata only: no connection is made.
    await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
    const tables = dataSource.entityMetadatas.map((metadata) => metadata.tableName);
    expect(tables).toHaveLength(declaredEntities().reduce((sum, { count }) => sum + count, 0));
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'people', 'workshops', 'supervision_sessions', 'awards', 'letters', 'reminders', 'annual_returns']),
    );
  });
});
