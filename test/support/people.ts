import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '@npa/platform';
import { UsersService } from '@npa/platform';

export const PASSWORD = 'correct-horse-battery';

export interface SignedIn {
  id: string;
  email: string;
  token: string;
  auth: { Authorization: string };
}

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@example.org`;

/** Makes a user straight through the service (as the CLI does) and signs them in through HTTP. */
export async function signedIn(app: NestFastifyApplication, role: Role, organisationId?: string, email = uniqueEmail(role)): Promise<SignedIn> {
  const user = await app.get(UsersService).create({ email, name: `Test ${role}`, password: PASSWORD, role, organisationId }, null);
  const token = await login(app, email, PASSWORD);
  return { id: user.id, email, token, auth: { Authorization: `Bearer ${token}` } };
}

export async function login(app: NestFastifyApplication, email: string, password: string): Promise<string> {
  const response = await request(app.getHttpServer()).post('/auth/login').send({ email, password }).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

export const http = (app: NestFastifyApplication) => request(app.getHttpServer());
