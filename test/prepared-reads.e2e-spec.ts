import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { preparedRead } from '@npa/platform';
import { bootApi } from './support/boot';

describe('A read shared by callers in and out of transactions (preparedRead)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await bootApi();
  });

  afterAll(async () => {
    await app?.close();
  });

  // What the caller's transaction has set is visible only on the caller's own connection.
  const read = (db: Parameters<typeof preparedRead>[0]) =>
    preparedRead<{ seen: string | null }>(db, 'test.prepared-read', `SELECT current_setting('npa.prepared_read_test', true) AS seen`, []);

  it('runs in the caller’s transaction, where it sees what that transaction did', async () => {
    const seen = await app.get(DataSource).transaction(async (manager) => {
      await manager.query(`SELECT set_config('npa.prepared_read_test', 'inside', true)`);
      return (await read(manager))[0].seen;
    });
    expect(seen).toBe('inside');
  });

  it('runs on the pool for the data source or its manager outside any transaction', async () => {
    const dataSource = app.get(DataSource);
    for (const db of [dataSource, dataSource.manager]) expect((await read(db))[0].seen ?? '').toBe('');
  });
});
