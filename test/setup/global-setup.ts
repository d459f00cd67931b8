import 'reflect-metadata';
import { migrate } from '../../libs/database/src/data-source';
import { assertTestDatabase, makeTestEnv } from './test-env';

export default async function globalSetup(): Promise<void> {
  const env = makeTestEnv();
  assertTestDatabase(env.DATABASE_URL);
  // Jest's workers inherit this environment: every suite of the run shares the database and prefix.
  Object.assign(process.env, env);
  await migrate(env.DATABASE_URL);
}
