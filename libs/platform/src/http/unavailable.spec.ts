import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isUnavailable } from './unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe(isUnavailable.name, () => {
  it.each<[string, unknown]>([
    ['a refused connection to PostgreSQL or Redis', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a connection reset mid-query', withCode('ECONNRESET')],
    ['PostgreSQL shutting down (admin_shutdown)', withCode('57P01', 'terminating connection due to administrator command')],
    ['PostgreSQL starting up (cannot_connect_now)', withCode('57P03', 'the database system is starting up')],
    ['PostgreSQL out of connections', withCode('53300', 'sorry, too many clients already')],
    ['a lost connection, said in words by pg', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    [
      'TypeORM wrapping a lost connection',
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
    ],
    ['a transaction whose connection TypeORM released when it broke', new QueryRunnerAlreadyReleasedError()],
    [
      'ioredis giving up on a command',
      new Error('Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.'),
    ],
    ['ioredis with its offline queue off', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['an error whose cause is a refused connection', new Error('failed', { cause: withCode('ECONNREFUSED') })],
    ['several addresses all refused', Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), { code: undefined })],
    ['a plain object shaped like a socket error (another realm)', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }],
  ])('is true for %s', (_, error) => expect(isUnavailable(error)).toBe(true));

  it.each<[string, unknown]>([
    ['a unique violation', new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }))],
    ['a syntax error', withCode('42601', 'syntax error at or near "SELEC"')],
    ['a bug of ours', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('is false for %s', (_, error) => expect(isUnavailable(error)).toBe(false));
});
