// The app under test in bench/http.ts: createApp, as main.ts builds it, in a process of its own started
// compiled on plain Node (`startServer(..., { compiled: true })`), as production runs dist/. Under
// ts-node the process also loaded Node's `domain` module (ts-node loads `repl`, which loads it), which
// patches every EventEmitter, and the app shared its process with the bench's own work.
import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/create-app';
import { Access, NPA_STAFF, ParseId, prepared, UsersService } from '@npa/platform';
import { serveServer } from './child';

/** The reviewer the bench signs in as, made before the server listens. */
export interface AppInput {
  email: string;
  password: string;
}

@Controller('bench-floor')
class FloorController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('services/:id')
  @Access(NPA_STAFF)
  async service(@Param('id', ParseId) id: string) {
    // Prepared, as the app's own hottest reads are: the floor is the cheapest read this stack can make.
    const [service] = await prepared(this.dataSource, 'bench.floor', 'SELECT id, name, region, registration_number FROM services WHERE id = $1', [id]);
    return service;
  }
}

/** A route on the app's own server, behind its own guard: the PK floor. It lives here, never in the app. */
@Module({ controllers: [FloorController] })
class FloorModule {}

async function app(input: AppInput) {
  const server = await createApp({ logger: false, modules: [FloorModule] });
  await server.get(UsersService).create({ email: input.email, name: 'Bench Reviewer', password: input.password, role: 'npa_reviewer' }, null);
  return {
    listen: async (options: { port: number; host: string }) => {
      await server.listen(options.port, options.host);
      return `http://${options.host}:${(server.getHttpServer().address() as AddressInfo).port}`;
    },
    close: () => server.close(),
  };
}

serveServer({ app });
