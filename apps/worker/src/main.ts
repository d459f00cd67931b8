import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig, AppLogger, HeartbeatService } from '@npa/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // A bad environment is refused here, in one line, before Nest logs the same error as a stack.
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(AppLogger));
  // SIGTERM and SIGINT close the app: workers stop taking jobs and finish the ones in flight. It then ends
  // with process.exit(0), not the signal re-raised: 'exit' is when pino writes the lines it still holds.
  app.enableShutdownHooks([], { useProcessExit: true });
  await app.init();
  const heartbeat = await app.get(HeartbeatService).request();
  console.log(`NPA worker started; heartbeat ${heartbeat.id} queued`);
}

main().catch((error: Error & { exitCode?: number }) => {
  // One line a person can act on; a refusal of the environment (RefusedToStart) exits 78, anything else 1.
  console.error(`NPA worker did not start: ${error.message}`);
  process.exit(error.exitCode ?? 1);
});
