import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { bootApi, bootWorker } from '../support/boot';
import { Api, contractClient, ok } from './client/contract-client';
import { SchemaCheck } from './client/schema-check';

const run = promisify(execFile);

export const PASSWORD = 'a-long-enough-portage-password';
export const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.org`;
/**
 * Today as an NPA office in England counts it, as the API's `YYYY-MM-DD`: from late March to late
 * October, UTC's date is a day behind from 23:00 to midnight. The suite moves no clock, so journeys are
 * dated around it.
 */
export const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
/**
 * The days a call may have been on: its first and, when midnight passed while it ran, the next. What
 * the API dates "today" is checked against these, so a suite running across midnight still passes.
 */
export async function daysOf<T>(call: () => Promise<T>): Promise<{ value: T; days: string[] }> {
  const first = today();
  const value = await call();
  return { value, days: [...new Set([first, today()])] };
}
/** A fresh Ofsted URN of the EY form. */
export const urn = () => `EY${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
export const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface OutsideWorld {
  baseUrl: string;
  check: SchemaCheck;
  /** No sign-in: the login and the public routes. */
  anonymous: Api;
  admin: Api;
  signIn(email: string, password?: string): Promise<Api>;
  close(): Promise<void>;
}

/**
 * The API listening on a port and the worker beside it, as an integrator meets them; the first NPA
 * admin is made the way API.md says, with the command line. Nothing else is reached around the HTTP API.
 */
export async function outsideWorld(env: Record<string, string> = {}, withWorker = true): Promise<OutsideWorld> {
  const app: NestFastifyApplication = await bootApi(env);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const worker: INestApplicationContext | undefined = withWorker ? await bootWorker(env) : undefined;
  const check = new SchemaCheck();
  const anonymous = contractClient(baseUrl, check);
  const signIn = async (who: string, password = PASSWORD) => {
    const session = await ok(anonymous.POST('/auth/login', { body: { email: who, password } }), 200);
    return contractClient(baseUrl, check, session.accessToken);
  };
  const close = async () => {
    if (check.gaps.size) console.warn(`The OpenAPI document does not type:\n${[...check.gaps].join('\n')}`);
    await worker?.close();
    await app.close();
  };
  const adminEmail = email('first-admin');
  try {
    await run(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/cli/src/main.ts',
        'create-admin',
        '--email',
        adminEmail,
        '--password',
        PASSWORD,
      ],
      { env: { ...process.env, ...env } },
    );
    return { baseUrl, check, anonymous, admin: await signIn(adminEmail), signIn, close };
  } catch (failure) {
    // A failed start (the schema check refusing the first sign-in, say) must not leave the app listening.
    await close();
    throw failure;
  }
}
