// The true floors of the request path: bare Fastify with no app code, each in a process of its own
// (started by bench/http.ts with `startServer`), so the app's figures can be read against what the same
// tools do without it. (a) `api`: the same bearer check as the app (the same HS256 verify with the same
// derived key, then the caller's row by a prepared statement) and the service by a second prepared read,
// answered with the same JSON as GET /services/{id}; (b) `notFound`: an unknown path answered with the
// app's 404 body. Neither writes a log line.
import { createSecretKey } from 'node:crypto';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { deriveKey } from '@npa/platform';
import { serveServer } from './support';

export interface FloorInput {
  databaseUrl: string;
  jwtSecret: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unauthorised = { statusCode: 401, error: 'Unauthorized', message: 'Sign in to do this.' };
const notFound = { statusCode: 404, error: 'Not Found', message: 'Not found.' };

async function api(input: FloorInput) {
  const key = createSecretKey(deriveKey(input.jwtSecret, 'token'));
  // As many connections as the app's pool (libs/database/src/data-source.ts).
  const pool = new Pool({ connectionString: input.databaseUrl, max: 20 });
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/services/:id', async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
    let claims: { sub: string; ver: number };
    try {
      claims = jwt.verify(token, key, { algorithms: ['HS256'] }) as typeof claims;
    } catch {
      return reply.status(401).send(unauthorised);
    }
    if (!UUID.test(claims.sub)) return reply.status(401).send(unauthorised);
    const {
      rows: [user],
    } = await pool.query<{ token_version: number; role: string }>({
      name: 'auth.caller',
      text: 'SELECT id, email, name, role, organisation_id, token_version, totp_enabled_at IS NOT NULL AS totp_enabled FROM users WHERE id = $1 AND disabled_at IS NULL',
      values: [claims.sub],
    });
    if (!user || user.token_version !== claims.ver) return reply.status(401).send(unauthorised);
    if (!UUID.test(request.params.id)) return reply.status(404).send(notFound);
    const {
      rows: [s],
    } = await pool.query<Record<string, string & Date>>({
      name: 'service.by.id',
      text: 'SELECT id, name, local_authority, region, age_range, registration_number, registered_on::text, created_at, updated_at FROM services WHERE id = $1',
      values: [request.params.id],
    });
    if (!s) return reply.status(404).send(notFound);
    return {
      id: s.id,
      name: s.name,
      localAuthority: s.local_authority,
      region: s.region,
      ageRange: s.age_range,
      registrationNumber: s.registration_number,
      registeredOn: s.registered_on,
      createdAt: s.created_at.toISOString(),
      updatedAt: s.updated_at.toISOString(),
    };
  });
  app.addHook('onClose', () => pool.end());
  return app;
}

async function unknownPath() {
  const app = Fastify({ logger: false });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(notFound));
  return app;
}

serveServer({ api, notFound: unknownPath });
