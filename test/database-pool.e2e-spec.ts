import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { dataSourceOptions } from '@npa/database';
import { prepared } from '@npa/platform';

/**
 * A server going down sends each connection 57P01 ("terminating connection due to administrator
 * command"), which pg raises as the client's 'error' event; an 'error' nobody listens for ends the
 * process. This drives the one moment no library listens: a client released by a prepared read, while pg
 * still reads its socket, goes straight to a query runner waiting for a connection, which TypeORM listens
 * on only a microtask later. Before the app's pool made every client listen from the start, the drill in
 * faults-postgres.e2e-spec.ts once failed this way.
 */
describe('the database pool, when a connection dies as it is handed to a waiting query runner', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    // One connection, so the prepared read's client is the one the query runner waits for.
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, { extra: { max: 1 } })).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('keeps the process up, and the pool serves again', async () => {
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    const read = prepared<{ one: number }>(dataSource, 'test.pool-handover', 'SELECT 1 AS one', []);
    // The pool gives the read its connection on the next tick.
    await new Promise((resolve) => pool.once('acquire', resolve));
    const farewell = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    // Raised after the hand-over's own code and before any promise continues, as the rest of a socket read is.
    let handedOver: PoolClient | undefined;
    pool.once('acquire', (client: PoolClient) => {
      handedOver = client;
      process.nextTick(() => client.emit('error', farewell));
    });
    const runner = dataSource.createQueryRunner();
    const taken = runner.connect();

    expect(await read).toEqual([{ one: 1 }]);
    await taken;
    expect(handedOver).toBeDefined();
    await runner.release();

    expect(await dataSource.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
  });
});
