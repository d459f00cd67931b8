import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review queue's page (state submitted or under review, oldest submission first) read in order from
 * an index of only those applications, instead of sorting every one of them for each page.
 */
export class AddReviewQueueIndex1795475000000 implements MigrationInterface {
  name = 'AddReviewQueueIndex1795475000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "applications_review_queue_idx" ON "applications" ("submitted_at", "id") WHERE state IN ('submitted', 'under_review')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."applications_review_queue_idx"`);
  }
}
