import { DataSource } from 'typeorm';
import { prepared } from '../database/prepared';

/** The reads whose rows `kept_versions` watches (migration AddKeptVersions names the tables of each). */
export type KeptRead = 'review_queue';

/**
 * The number `kept_versions` holds for a kept read: read it before the rows a value is made of, and keep
 * the value under it (KeptUnderVersion).
 */
export async function keptVersion(dataSource: DataSource, read: KeptRead): Promise<string> {
  const [{ version }] = await prepared<{ version: string }>(dataSource, 'kept.version', 'SELECT version FROM kept_versions WHERE name = $1', [read]);
  return version;
}
