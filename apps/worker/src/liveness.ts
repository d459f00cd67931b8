import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, JobWorkerHost } from '@npa/platform';
/** How often the file is touched, and how old it may be before the worker counts as stuck. */
export const LIVENESS_EVERY_MS = 10_000;
export const LIVENESS_STALE_MS = 60_000;

export function livenessFile(config: Pick<AppConfig, 'VAR_DIR'>): string {
  return join(config.VAR_DIR, 'worker-alive');
}

/**
 * The worker has no HTTP server for a container's health check to call, so it writes the time to a
 * file while its job workers run; healthcheck.ts reads it. A blocked event loop or stopped workers
 * leave the file to go stale.
 */
@Injectable()
export class WorkerLiveness implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly host: JobWorkerHost,
  ) {}

  onApplicationBootstrap(): void {
    mkdirSync(this.config.VAR_DIR, { recursive: true });
    const touch = () => {
      if (this.host.running()) writeFileSync(livenessFile(this.config), String(Date.now()));
    };
    touch();
    this.timer = setInterval(touch, LIVENESS_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    rmSync(livenessFile(this.config), { force: true });
  }
}
