import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { deepFreeze, keepJson, KeptUnderVersion, prepared } from '@npa/platform';

/**
 * A service's answer holds ~18 kB of the heap once sent (its JSON ~9.5 kB of it), a setting's ~5 kB, at a
 * register ten times today's (README, Benchmarks, session 41): at most ~220 MB, were every answer a service's.
 */
const MAX_ENTRIES = 12_000;

/**
 * Compliance answers kept in this process while the register stays as it was. `register_versions`
 * moves in the same commit as any change to a table the rules read (migration AddRegisterVersion), and
 * it is read before the facts are, so an answer is never kept under a version newer than its facts:
 * after any change, the next read computes afresh. Reading a service's compliance then costs what
 * reading one row costs, until somebody changes the register (bench/http.ts, README).
 *
 * Answers are frozen: every caller gets the same object and must not change it; a reply sends the
 * JSON made at its first reply.
 */
@Injectable()
export class EvaluationCache {
  private readonly answers = new KeptUnderVersion<object>(MAX_ENTRIES);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `compute` is given the register version the answer will be kept under, to read what that version covers. */
  async through<T extends object>(key: string, compute: (registerVersion: string) => Promise<T>): Promise<T> {
    const [{ version }] = await prepared<{ version: string }>(this.dataSource, 'register.version', 'SELECT version FROM register_versions WHERE id = 1', []);
    const kept = this.answers.get(key, version);
    if (kept) return kept as T;
    // Its JSON is made at its first reply and reused (keepJson): a kept answer is read far more often than computed.
    const value = keepJson(deepFreeze(await compute(version)));
    this.answers.set(key, version, value);
    return value;
  }
}
