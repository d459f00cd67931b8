import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the message data of an email started to go to the mail server: a claim without it was stopped
 * before the server could have the email, and is sent again; with it, the email's fate is unknown.
 * A claim left open before this column existed may have got that far, so it counts as having done so.
 */
export class AddMailDeliveryDataStage1795472000000 implements MigrationInterface {
  name = 'AddMailDeliveryDataStage1795472000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_deliveries" ADD "data_started_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "mail_deliveries" SET "data_started_at" = coalesce("claimed_at", now()) WHERE "state" = 'sending'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_deliveries" DROP COLUMN "data_started_at"`);
  }
}
