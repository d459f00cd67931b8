import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { notFound } from '../http/domain-error';
import { JobQueue } from '../queue/job-queue';
import { jobId, JobPayloads } from '../queue/jobs';
import { OnJob } from '../queue/on-job.decorator';
import { RedisResets } from '../redis/redis-resets';
import { Heartbeat } from './heartbeat.entity';

@Injectable()
export class HeartbeatService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly resets: RedisResets,
  ) {}

  onModuleInit(): void {
    // Only those not yet started: one in flight when Redis lost its data is still being done.
    this.resets.register('heartbeats', async () => {
      const waiting = await this.dataSource.query<{ id: string }[]>('SELECT id FROM system_heartbeats WHERE started_at IS NULL AND processed_at IS NULL');
      for (const { id } of waiting) await this.jobs.enqueue('system.heartbeat', { heartbeatId: id }, { jobId: jobId('heartbeat', id) });
      return waiting.length;
    });
  }

  /** The row is committed before the job is queued, so the worker always finds it; no job, no row. */
  async request(holdMs?: number): Promise<Heartbeat> {
    const repo = this.dataSource.getRepository(Heartbeat);
    const heartbeat = await repo.save({});
    try {
      await this.jobs.enqueue('system.heartbeat', { heartbeatId: heartbeat.id, holdMs }, { jobId: jobId('heartbeat', heartbeat.id) });
    } catch (error) {
      await repo.delete({ id: heartbeat.id }).catch(() => undefined);
      throw error;
    }
    return heartbeat;
  }

  async get(id: string): Promise<Heartbeat> {
    const heartbeat = await this.dataSource.getRepository(Heartbeat).findOneBy({ id });
    if (!heartbeat) throw notFound('The heartbeat');
    return heartbeat;
  }

  @OnJob('system.heartbeat')
  async process(payload: JobPayloads['system.heartbeat']): Promise<void> {
    const repo = this.dataSource.getRepository(Heartbeat);
    await repo.update({ id: payload.heartbeatId }, { startedAt: new Date(), attempts: () => 'attempts + 1' });
    // holdMs lets a test hold a job in flight while it stops the worker.
    if (payload.holdMs) await sleep(Math.min(payload.holdMs, 60_000));
    await repo.update({ id: payload.heartbeatId }, { processedAt: new Date(), processedBy: `${hostname()}:${process.pid}` });
  }
}
