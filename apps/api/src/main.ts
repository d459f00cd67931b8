import 'reflect-metadata';
import { closeConnectionsAfterGrace, loadConfig } from '@npa/platform';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp();
  await app.listen({ port: config.PORT, host: config.HOST });
  closeConnectionsAfterGrace(app.getHttpServer(), config.SHUTDOWN_GRACE_SECONDS);
  console.log(`NPA API listening on http://localhost:${config.PORT} (OpenAPI at /api/docs)`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
