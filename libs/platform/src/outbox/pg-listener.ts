import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 5000;

/**
 * LISTENs on one PostgreSQL channel on a connection of its own, reconnecting after a failure. It only
 * makes things faster: whoever uses it must still poll, since notifications sent while the connection
 * was down are lost.
 */
export function listen(databaseUrl: string, channel: string, onNotify: () => void, logger: Logger): { close: () => Promise<void> } {
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  let connecting: Promise<void> | undefined;

  const drop = (lost: Client, error?: Error) => {
    if (client === lost) client = undefined;
    lost.removeAllListeners('notification');
    lost.end().catch(() => undefined);
    if (error && !closed) logger.warn({ err: error.message }, `LISTEN ${channel} lost; polling until it is back`);
    if (!closed && !retry) {
      retry = setTimeout(() => {
        retry = undefined;
        connecting = connect();
      }, RECONNECT_MS);
    }
  };

  const connect = async () => {
    const next = new Client({ connectionString: databaseUrl, application_name: `npa-listen-${channel}` });
    next.on('notification', onNotify);
    next.on('error', (error) => drop(next, error));
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      next.on('end', () => drop(next));
      if (closed) await next.end();
      else client = next;
    } catch (error) {
      drop(next, error as Error);
    }
  };

  connecting = connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await connecting;
      await client?.end().catch(() => undefined);
    },
  };
}
