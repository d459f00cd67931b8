import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { HeartbeatService } from '@npa/platform/system/heartbeat.service';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // SIGTERM and SIGINT close the app: workers stop taking jobs and finish the ones in flight.
  app.enableShutdownHooks();
  await app.init();
  const heartbeat = await app.get(HeartbeatService).request();
  console.log(`NPA worker started; heartbeat ${heartbeat.id} queued`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
