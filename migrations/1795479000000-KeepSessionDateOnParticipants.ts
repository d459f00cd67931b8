import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each participant keeps its session's date, so a practitioner's latest session (the supervision
 * finder, and the check made again just before a reminder goes) is one probe of an index on
 * (practitioner, date) instead of a read of every session they were in. The copy cannot drift: the
 * foreign key is on (session, date) and follows a change of the session's date (README, Benchmarks).
 */
export class KeepSessionDateOnParticipants1795479000000 implements MigrationInterface {
  name = 'KeepSessionDateOnParticipants1795479000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supervision_participants" DROP CONSTRAINT "FK_1c74ea217461d5838b233186545"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_participants_practitioner_idx"`);
    await queryRunner.query(`ALTER TABLE "supervision_participants" ADD "session_date" date`);
    await queryRunner.query(`UPDATE "supervision_participants" sp SET "session_date" = s."date" FROM "supervision_sessions" s WHERE s."id" = sp."session_id"`);
    await queryRunner.query(`ALTER TABLE "supervision_participants" ALTER COLUMN "session_date" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "supervision_participants_practitioner_date_idx" ON "supervision_participants" ("practitioner_id", "session_date", "session_id")`,
    );
    await queryRunner.query(`ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_id_date_key" UNIQUE ("id", "date")`);
    await queryRunner.query(
      `ALTER TABLE "supervision_participants" ADD CONSTRAINT "FK_57222448784014b84d0713ba0dd" FOREIGN KEY ("session_id", "session_date") REFERENCES "supervision_sessions"("id","date") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supervision_participants" DROP CONSTRAINT "FK_57222448784014b84d0713ba0dd"`);
    await queryRunner.query(`ALTER TABLE "supervision_sessions" DROP CONSTRAINT "supervision_sessions_id_date_key"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_participants_practitioner_date_idx"`);
    await queryRunner.query(`ALTER TABLE "supervision_participants" DROP COLUMN "session_date"`);
    await queryRunner.query(`CREATE INDEX "supervision_participants_practitioner_idx" ON "supervision_participants" ("practitioner_id")`);
    await queryRunner.query(
      `ALTER TABLE "supervision_participants" ADD CONSTRAINT "FK_1c74ea217461d5838b233186545" FOREIGN KEY ("session_id") REFERENCES "supervision_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
