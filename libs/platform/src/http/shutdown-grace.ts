import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** After the connections are closed, how long the rest of the shutdown may take before the process exits anyway. */
const THEN_EXIT_WITHIN_MS = 5000;

/**
 * Once the process is told to stop (SIGTERM, SIGINT), the requests in flight get `seconds` to finish;
 * then every connection still open is closed, and if the rest of the shutdown still has not ended a few
 * seconds later, the process exits. Nest's shutdown waits for the HTTP server to close, and Node's
 * server waits for each connection's request to end: without a deadline a client that stalls while
 * sending, or a flood of connections under overload, kept the API from stopping for minutes.
 * The timers do not keep the process alive: a shutdown that ends sooner ends it.
 */
export function closeConnectionsAfterGrace(server: Server, seconds: number, logger = new Logger('Shutdown')): void {
  let started = false;
  const deadline = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    await sleep(seconds * 1000, undefined, { ref: false });
    const open = await new Promise<number>((resolve) => server.getConnections((_error, count) => resolve(count)));
    logger.warn(`Requests still open after the ${seconds} s grace period; closing ${open} connection${open === 1 ? '' : 's'} (${signal})`);
    server.closeAllConnections();
    await sleep(THEN_EXIT_WITHIN_MS, undefined, { ref: false });
    logger.error(`Still stopping ${THEN_EXIT_WITHIN_MS / 1000} s after closing the connections; exiting now`);
    process.exit(1);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void deadline(s));
}
