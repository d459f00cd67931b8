import { setImmediate as turn } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { CopyWriter } from '@npa/database';
import type { IsoDate } from '@npa/platform';
import { ComplianceSnapshot } from './compliance-snapshot.entity';
import { diffResults } from './rules/diff';
import { serviceStatus } from './rules/evaluate';
import { keptResult, peopleIn, type KeptResult, type RuleResult } from './rules/result';
import type { Evaluation } from './compliance.service';

/** A service whose status moved: it is sent a letter saying where it stands now. */
export type StatusChange = Evaluation & { serviceId: string };

/** Snapshots encoded and handed to PostgreSQL at a time. */
const CHUNK = 250;
/** The longest the sweep evaluates before letting the event loop read what PostgreSQL has answered. */
const TURN_MS = 5;

/**
 * The sweep's snapshots, stored in its transaction as they are evaluated: each subject's results are
 * compared with its latest snapshot and stored only when they differ, through one COPY fed a chunk at a
 * time (an INSERT unpacking a JSON array of rows cost PostgreSQL twice the CPU). Storing is PostgreSQL's
 * work and evaluating ours, so the two overlap; and evaluating gives the event loop a turn every few
 * milliseconds, so whatever else runs beside the sweep (finding and recording the reminders) is not kept
 * waiting for its answers (README, Benchmarks). A failed COPY fails the sweep; so does a failure while
 * evaluating, once the COPY is abandoned.
 */
export class SnapshotWriter {
  private rows: Partial<ComplianceSnapshot>[] = [];
  private readonly copy: CopyWriter<ComplianceSnapshot>;
  private turnAt = performance.now() + TURN_MS;
  readonly statusChanges: StatusChange[] = [];
  changed = 0;
  nonCompliant = 0;

  constructor(
    manager: EntityManager,
    private readonly asOf: IsoDate,
    private readonly parameterVersion: number,
    /** Each subject's latest results, by `kind:id`. */
    private readonly previous: Map<string, KeptResult[]>,
  ) {
    this.copy = new CopyWriter(manager, ComplianceSnapshot);
  }

  async add(kind: 'service' | 'setting', id: string, rules: RuleResult[]): Promise<void> {
    const status = serviceStatus(rules);
    if (kind === 'service' && status === 'non_compliant') this.nonCompliant += 1;
    const before = this.previous.get(`${kind}:${id}`);
    if (diffResults(before ?? null, rules).changed) {
      this.rows.push({
        subjectKind: kind,
        subjectId: id,
        asOf: this.asOf,
        status,
        results: rules.map(keptResult),
        people: peopleIn(rules),
        parameterVersion: this.parameterVersion,
      });
      // A service whose status moved (not one seen for the first time) is told, in this same transaction.
      if (kind === 'service' && before !== undefined && serviceStatus(before) !== status)
        this.statusChanges.push({ serviceId: id, asOf: this.asOf, status, parameterVersion: this.parameterVersion, rules });
      if (this.rows.length >= CHUNK) await this.send();
    }
    if (performance.now() >= this.turnAt) {
      await turn();
      this.turnAt = performance.now() + TURN_MS;
    }
  }

  /** Sends what is left and waits for every row to be stored. */
  async done(): Promise<void> {
    await this.send();
    this.changed = await this.copy.end();
  }

  /** Stops storing after a failure: the COPY is dropped and the transaction left only fit to roll back. */
  abandon(): Promise<void> {
    return this.copy.abandon();
  }

  private async send(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    await this.copy.write(rows);
  }
}

/** A promise awaited later: marked handled now, so a failure while others are still being made is not taken for an unhandled one. */
export function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
