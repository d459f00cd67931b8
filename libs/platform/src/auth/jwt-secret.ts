import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

/**
 * JWT_SECRET from the environment, else one made once and kept in var/ so that tokens survive a
 * restart and the API and worker agree. Shared by every process started from the same folder.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = join(config.VAR_DIR, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(config.VAR_DIR, { recursive: true });
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    new Logger('Config').warn(`JWT_SECRET is not set: made a random one in ${file}. Set JWT_SECRET in production.`);
  }
  return readFileSync(file, 'utf8').trim();
}
