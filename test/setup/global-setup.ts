import 'reflect-metadata';
// Jest's moduleNameMapper does not reach globalSetup: the @npa doors resolve through tsconfig's paths here.
import 'tsconfig-paths/register';
import { migrate } from '@npa/database';
import { assertTestDatabase, makeTestEnv } from './test-env';

export default async function globalSetup(): Promise<void> {
  const env = makeTestEnv();
  assertTestDatabase(env.DATABASE_URL);
  // Jest's workers inherit this environment: every suite of the run shares the database and prefix.
  Object.assign(process.env, env);
  await migrate(env.DATABASE_URL);
}
