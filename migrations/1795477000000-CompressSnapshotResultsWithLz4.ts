import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A compliance snapshot's results (each rule's outcome, explanation and the facts it decided on) are
 * about 10 kB of JSON for a service, over PostgreSQL's 2 kB TOAST threshold, so each one is compressed
 * as it is stored. The daily sweep stores one for every service and setting whose results changed: at
 * ten times today's register, 6,000 rows and 21 MB of JSON in one transaction, the sweep's longest write.
 * pglz, the default, spent about 270 ms of that insert compressing; lz4 (PostgreSQL 14 and later, built
 * in by Debian's and the official image's packages) about 95 ms, for about a tenth more on disk (4.0 kB
 * a service against 3.7; README, Benchmarks). Rows already stored keep pglz until rewritten; both read
 * back alike.
 */
export class CompressSnapshotResultsWithLz41795477000000 implements MigrationInterface {
  name = 'CompressSnapshotResultsWithLz41795477000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "compliance_snapshots" ALTER COLUMN "results" SET COMPRESSION lz4`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "compliance_snapshots" ALTER COLUMN "results" SET COMPRESSION default`);
  }
}
