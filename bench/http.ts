// Reads under load against the real API (createApp, as main.ts builds it) over a register at a scale,
// from a second process (bench/load.ts): for each route, open-loop load with evenly spaced requests at a
// rate doubled until two steps in a row miss (p99 of 25 ms or more, an error, a non-2xx answer, or under
// 95% of the rate asked for), then bisected twice above the highest rate held. Beside it,
// the most each route serves with 8 connections back to back (autocannon). The floor is a route on the
// same server, behind the same guard and the same bearer token, that reads one service by primary key:
// it lives in a bench-only module passed to createApp, never in the app.
import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/create-app';
import { Access } from '../libs/platform/src/auth/access.decorator';
import { NPA_STAFF } from '../libs/platform/src/auth/roles';
import { ParseId } from '../libs/platform/src/http/validation';
import { UsersService } from '../libs/platform/src/users/users.service';
import type { LoadInput, LoadOutput } from './load';
import { benchDatabase, benchEnv, buildRegister, describeRegister, inChild, row, type Row } from './support';

@Controller('bench-floor')
class FloorController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('services/:id')
  @Access(NPA_STAFF)
  async service(@Param('id', ParseId) id: string) {
    const [service] = await this.dataSource.query<unknown[]>('SELECT id, name, region, registration_number FROM services WHERE id = $1', [id]);
    return service;
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

const P99_MS = 25;
const RATES = [10, 25, 50, 100, 200, 400, 800, 1600, 3200, 6400];
const SATURATING_CONNECTIONS = 8;

const held = (r: LoadOutput) => r.p99 < P99_MS && r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r.achieved >= 0.95 * r.rate;

/**
 * The highest rate held: stepping up by doubling until two steps in a row miss or the server falls
 * behind (a single slow request at a low rate, where p99 of a few dozen is their maximum, does not end
 * the search), then bisecting twice between the highest rate held and the next step up.
 */
async function highestHeld(name: string, base: Omit<LoadInput, 'rate' | 'mode'>): Promise<{ rate: number; at: LoadOutput | null }> {
  const step = async (rate: number) => {
    const r = await inChild<LoadInput, LoadOutput>(join(__dirname, 'load.ts'), 'load', { ...base, mode: 'paced', rate });
    console.log(
      `http: ${name} at ${rate}/s: ${r.achieved.toFixed(0)}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}, sender late by up to ${r.lag} ms: ${held(r) ? 'held' : 'missed'}`,
    );
    return r;
  };
  await step(RATES[0]); // warm-up: connections, JIT, PostgreSQL's cache
  let best: LoadOutput | null = null;
  let misses = 0;
  for (const rate of RATES) {
    const r = await step(rate);
    if (held(r)) {
      best = r;
      misses = 0;
    } else if (++misses === 2 || r.achieved < 0.9 * rate) break;
  }
  let missedAt = RATES.find((rate) => rate > (best?.rate ?? 0));
  for (let i = 0; i < 2 && missedAt !== undefined && best; i += 1) {
    const rate = Math.round((best.rate + missedAt) / 2);
    const r = await step(rate);
    if (held(r)) best = r;
    else missedAt = rate;
  }
  return { rate: best?.rate ?? 0, at: best };
}

/** The most a route serves with a few connections sending back to back, whatever the latency. */
async function saturated(name: string, base: Omit<LoadInput, 'rate' | 'mode'>): Promise<LoadOutput> {
  const r = await inChild<LoadInput, LoadOutput>(join(__dirname, 'load.ts'), 'load', { ...base, mode: 'saturate', rate: 0, connections: SATURATING_CONNECTIONS });
  console.log(`http: ${name} saturated by ${SATURATING_CONNECTIONS} connections: ${r.achieved.toFixed(0)}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}`);
  return r;
}

export async function httpPart(options: { scale: number; seconds: number }): Promise<Row[]> {
  benchEnv('http');
  process.env.LOGIN_RATE_LIMIT = '1000';
  const db = await benchDatabase('http');
  process.env.DATABASE_URL = db.url;
  try {
    const register = await buildRegister(db.url, { scale: options.scale });
    console.log(`http: ${describeRegister(register)}`);
    const app = await createApp({ logger: false, modules: [FloorModule] });
    try {
      await app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const email = `bench-reviewer-${process.pid}@bench.example.org`;
      await app.get(UsersService).create({ email, name: 'Bench Reviewer', password: 'bench-password-2025', role: 'npa_reviewer' }, null);
      const login = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password-2025' }) });
      if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const base = { url, token: accessToken, seconds: options.seconds, connections: SATURATING_CONNECTIONS };
      const services = register.serviceIds;

      const routes = {
        floor: services.map((id) => `/bench-floor/services/${id}`),
        compliance: services.map((id) => `/services/${id}/compliance`),
        queue: ['/review-queue'],
      };
      const floor = await highestHeld('PK floor', { ...base, paths: routes.floor });
      const compliance = await highestHeld('compliance', { ...base, paths: routes.compliance });
      const queue = await highestHeld('review queue', { ...base, paths: routes.queue });
      const most = {
        floor: await saturated('PK floor', { ...base, paths: routes.floor }),
        compliance: await saturated('compliance', { ...base, paths: routes.compliance }),
        queue: await saturated('review queue', { ...base, paths: routes.queue }),
      };
      const floorIs = 'one row by primary key, same server, same guard';
      const target = `>= 25% of floor, p99 < ${P99_MS} ms, no errors`;
      const fig = (what: string, r: { rate: number; at: LoadOutput | null }) =>
        `${what}: highest rate held, evenly spaced (req/s; p99 ${r.at ? `${r.at.p99} ms` : '-'})`;
      const sat = (what: string, r: LoadOutput) => `${what}: most served by ${SATURATING_CONNECTIONS} connections back to back (req/s; p99 ${r.p99} ms)`;
      return [
        row({ part: 'http', figure: fig('GET /services/{id}/compliance', compliance), unit: 'req/s', value: compliance.rate, floorIs, floor: floor.rate, target, met: compliance.rate > 0 && compliance.rate >= 0.25 * floor.rate }),
        row({ part: 'http', figure: fig('GET /review-queue', queue), unit: 'req/s', value: queue.rate, floorIs, floor: floor.rate, target, met: queue.rate > 0 && queue.rate >= 0.25 * floor.rate }),
        row({ part: 'http', figure: sat('GET /services/{id}/compliance', most.compliance), unit: 'req/s', value: most.compliance.achieved, floorIs, floor: most.floor.achieved, target: null, met: null }),
        row({ part: 'http', figure: sat('GET /review-queue', most.queue), unit: 'req/s', value: most.queue.achieved, floorIs, floor: most.floor.achieved, target: null, met: null }),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
  }
}
