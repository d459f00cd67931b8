/**
 * SQLSTATEs that say the database cannot serve right now (shutting down, starting up, crashed, out of
 * connections, the connection lost), as opposed to a request it refused.
 */
const DATABASE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);

/** Socket errors: the server is not there, or went away mid-conversation. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** What pg, pg-pool and ioredis say, in words only, when a connection is lost or cannot be had. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /is not queryable/i,
  /Connection is closed/i,
  /enableOfflineQueue options is false/i,
  /Reached the max retries per request limit/i,
];

/**
 * TypeORM releases a transaction's query runner when its connection reports an error (the server went
 * away); the transaction's next query then fails with this instead of the socket error. Nothing was
 * committed on that connection.
 */
const LOST_CONNECTION_NAMES = new Set(['QueryRunnerAlreadyReleasedError']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * True when an error means PostgreSQL or Redis is unreachable: the request was fine and may succeed if
 * sent again shortly (503), rather than a fault of ours (500). Read by shape, not `instanceof`, since
 * socket errors are made by Node's own Error class and wrapped by TypeORM (`driverError`) or ioredis.
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { name, code, message, driverError, cause, errors } = error as ErrorLike;
  if (typeof name === 'string' && LOST_CONNECTION_NAMES.has(name)) return true;
  if (typeof code === 'string' && (DATABASE_CODES.has(code) || NETWORK_CODES.has(code))) return true;
  if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
  const inner = [driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  return inner.some((e) => isUnavailable(e, depth + 1));
}
