import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A compliance snapshot's results are written once and read back whole (the daily sweep compares each
 * subject's latest with today's, the history lists them, retention finds a name in their text): nothing
 * asks PostgreSQL to look inside them. `json` keeps the text as sent, checked but not converted, so the
 * daily sweep's write, at ten times today's register 6,000 rows and 21 MB of JSON, is no longer spent
 * building jsonb from it, and reading them back no longer turns jsonb into text (README, Benchmarks).
 * The type change rewrites the table; lz4 is kept (migration CompressSnapshotResultsWithLz4).
 */
export class StoreSnapshotResultsAsJson1795478000000 implements MigrationInterface {
  name = 'StoreSnapshotResultsAsJson1795478000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "compliance_snapshots" ALTER COLUMN "results" TYPE json USING "results"::json, ALTER COLUMN "results" SET COMPRESSION lz4`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "compliance_snapshots" ALTER COLUMN "results" TYPE jsonb USING "results"::jsonb, ALTER COLUMN "results" SET COMPRESSION lz4`,
    );
  }
}
