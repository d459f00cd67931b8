import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A compliance snapshot keeps each rule's outcome and explanation, not the facts behind them (KeptResult
 * in libs/compliance/src/rules/result.ts), and beside them the ids of the people those facts named, by
 * which subject access and retention find it. Snapshots stored before keep their facts, which name the
 * people themselves, and no list (README, Benchmarks).
 */
export class KeepSnapshotPeople1795480000000 implements MigrationInterface {
  name = 'KeepSnapshotPeople1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "compliance_snapshots" ADD "people" json`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "compliance_snapshots" DROP COLUMN "people"`);
  }
}
