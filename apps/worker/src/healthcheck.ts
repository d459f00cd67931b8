import { readFileSync } from 'node:fs';
import { loadConfig } from '@npa/platform';
import { LIVENESS_STALE_MS, livenessFile } from './liveness';

/** The container's health check (docker-compose.yml): exit 0 while the worker's liveness file is fresh. */
function main(): number {
  const file = livenessFile(loadConfig());
  let touched: number;
  try {
    touched = Number(readFileSync(file, 'utf8'));
  } catch {
    console.error(`unhealthy: ${file} is missing (the worker has not started its job workers)`);
    return 1;
  }
  const age = Date.now() - touched;
  if (!(age <= LIVENESS_STALE_MS)) {
    console.error(`unhealthy: the worker last said it was alive ${Math.round(age / 1000)} s ago`);
    return 1;
  }
  console.log(`healthy: alive ${Math.round(age / 1000)} s ago`);
  return 0;
}

process.exit(main());
