import type { Heartbeat } from './heartbeat.entity';

export class HeartbeatResponse implements Heartbeat {
  id: string;
  requestedAt: Date;
  startedAt: Date | null;
  /** Set when the worker has processed it. */
  processedAt: Date | null;
  /** The worker process that processed it. */
  processedBy: string | null;
  attempts: number;
}

export class HealthResponse {
  /** `ok` when both answer, `error` (with 503) when either does not. */
  status: 'ok' | 'error';
  database: 'up' | 'down';
  redis: 'up' | 'down';
}
