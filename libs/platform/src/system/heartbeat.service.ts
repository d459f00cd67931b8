import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { notFound } from '../http/domain-error';
import { JobQueue } from '../queue/job-queue';
import { jobId, JobPayloads } from '../queue/jobs';
import { OnJob } from '../queue/on-job.decorator';
import { Heartbeat } from './heartbeat.entity';

@Injectable()
export class HeartbeatService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  /** The row is committed before the job is queued, so the worker always finds it. */
  async request(holdMs?: number): Promise<Heartbeat> {
    const heartbeat = await this.dataSource.getRepository(Heartbeat).save({});
    await this.jobs.enqueue('system.heartbeat', { heartbeatId: heartbeat.id, holdMs }, { jobId: jobId('heartbeat', heartbeat.id) });
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
