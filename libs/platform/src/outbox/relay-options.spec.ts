import { DEFAULT_JOB_OPTIONS } from '../queue/jobs';
import { OutboxRow, relayOptions } from './relay-options';

const row = (over: Partial<OutboxRow> = {}): OutboxRow => ({
  id: '1',
  name: 'system.heartbeat',
  payload: { heartbeatId: 'h' },
  job_id: 'heartbeat.h',
  options: {},
  created_at: new Date('2026-03-01T10:00:00Z'),
  ...over,
});

describe(relayOptions.name, () => {
  const now = new Date('2026-03-01T10:00:30Z');

  it('adds the row to its queue with its job id, the registry options and the defaults', () => {
    const { queue, options } = relayOptions(row(), now);
    expect(queue).toBe('system');
    expect(options).toMatchObject({ ...DEFAULT_JOB_OPTIONS, attempts: 3, jobId: 'heartbeat.h' });
    expect(options.delay).toBeUndefined();
  });

  it.each([
    ['a delay not yet over keeps what is left of it', 60_000, 30_000],
    ['a delay already over runs at once', 10_000, undefined],
  ])('%s', (_case, delay, left) => {
    expect(relayOptions(row({ options: { delay } }), now).options.delay).toBe(left);
  });

  it("lets the row's own options override the registry's", () => {
    expect(relayOptions(row({ options: { attempts: 1, priority: 5 } }), now).options).toMatchObject({ attempts: 1, priority: 5 });
  });

  it('refuses a job name the registry no longer has', () => {
    expect(() => relayOptions(row({ name: 'gone.job' }), now)).toThrow(/not in the job registry/);
  });
});
