import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';

/** After the connections are closed, how long the rest of the shutdown may take before the process exits anyway. */
const THEN_EXIT_WITHIN_MS = 5000;

/**
 * Once the process is told to stop (SIGTERM, SIGINT), the requests in flight get `seconds` to finish;
 * then every connection still open is closed, and if the rest of the shutdown still has not ended a few
 * seconds later, the process exits. Nest's shutdown waits for the HTTP server to close, and Node's
 * server waits for each connection's request to end: without a deadline a client that stalls while
 * sending, or a flood of connections under overload, kept the API from stopping for minutes.
 */
export function closeConnectionsAfterGrace(server: Server, seconds: number, logger = new Logger('Shutdown')): void {
  const onSignal = (signal: NodeJS.Signals) => {
    setTimeout(() => {
      server.getConnections((_error, count) => {
        logger.warn(`Requests still open after the ${seconds} s grace period; closing ${count} connection${count === 1 ? '' : 's'} (${signal})`);
        server.closeAllConnections();
        setTimeout(() => {
          logger.error(`Still stopping ${THEN_EXIT_WITHIN_MS / 1000} s after closing the connections; exiting now`);
          process.exit(1);
        }, THEN_EXIT_WITHIN_MS).unref();
      });
    }, seconds * 1000).unref();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
