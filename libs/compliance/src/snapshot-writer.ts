import { setImmediate as turn } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@npa/platform';
import { diffResults } from './rules/diff';
import { serviceStatus } from './rules/evaluate';
import type { RuleResult } from './rules/result';
import type { Evaluation } from './compliance.service';

/** A service whose status moved: it is sent a letter saying where it stands now. */
export type StatusChange = Evaluation & { serviceId: string };

/** Snapshots sent to PostgreSQL in one statement. */
const CHUNK = 250;
/** The longest the sweep evaluates before letting the event loop read what PostgreSQL has answered. */
const TURN_MS = 5;

const INSERT_SNAPSHOTS = `INSERT INTO compliance_snapshots (subject_kind, subject_id, as_of, status, results, parameter_version)
  SELECT x.subject_kind, x.subject_id, $2, x.status, x.results, $3
    FROM jsonb_to_recordset($1::jsonb) AS x(subject_kind text, subject_id uuid, status text, results jsonb)`;

/**
 * The sweep's snapshots, stored in its transaction as they are evaluated: each subject's results are
 * compared with its latest snapshot and stored only when they differ, in chunks, each sent once the one
 * before it has answered (pg deprecates a second query on a busy connection, an error from pg 9). Storing
 * is PostgreSQL's work and evaluating ours, so the two overlap; and evaluating gives the event loop a turn
 * every few milliseconds, so whatever else runs beside the sweep (finding and recording the reminders) is
 * not kept waiting for its answers (README, Benchmarks). The first failed insert fails the sweep.
 */
export class SnapshotWriter {
  private rows: { subject_kind: string; subject_id: string; status: string; results: RuleResult[] }[] = [];
  private written: Promise<unknown> = Promise.resolve();
  private turnAt = performance.now() + TURN_MS;
  readonly statusChanges: StatusChange[] = [];
  changed = 0;
  nonCompliant = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly asOf: IsoDate,
    private readonly parameterVersion: number,
    /** Each subject's latest results, by `kind:id`. */
    private readonly previous: Map<string, RuleResult[]>,
  ) {}

  async add(kind: 'service' | 'setting', id: string, rules: RuleResult[]): Promise<void> {
    const status = serviceStatus(rules);
    if (kind === 'service' && status === 'non_compliant') this.nonCompliant += 1;
    const before = this.previous.get(`${kind}:${id}`);
    if (diffResults(before ?? null, rules).changed) {
      this.rows.push({ subject_kind: kind, subject_id: id, status, results: rules });
      // A service whose status moved (not one seen for the first time) is told, in this same transaction.
      if (kind === 'service' && before !== undefined && serviceStatus(before) !== status)
        this.statusChanges.push({ serviceId: id, asOf: this.asOf, status, parameterVersion: this.parameterVersion, rules });
      if (this.rows.length >= CHUNK) this.send();
    }
    if (performance.now() >= this.turnAt) {
      await turn();
      this.turnAt = performance.now() + TURN_MS;
    }
  }

  /** Sends what is left and waits for every insert. */
  async done(): Promise<void> {
    this.send();
    await this.written;
  }

  private send(): void {
    if (this.rows.length === 0) return;
    const json = JSON.stringify(this.rows);
    this.changed += this.rows.length;
    this.rows = [];
    this.written = handled(this.written.then(() => this.manager.query(INSERT_SNAPSHOTS, [json, this.asOf, this.parameterVersion])));
  }
}

/** A promise awaited later: marked handled now, so a failure while others are still being made is not taken for an unhandled one. */
export function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
