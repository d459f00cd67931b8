import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminder offsets and the periods letters give are rule parameters now, so each reminder and each letter
 * records the version it rests on. Rows from before stay null: which version they used was not kept.
 */
export class RecordParameterVersion1795474000000 implements MigrationInterface {
  name = 'RecordParameterVersion1795474000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" ADD "parameter_version" integer`);
    await queryRunner.query(`ALTER TABLE "letters" ADD "parameter_version" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "parameter_version"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "parameter_version"`);
  }
}
