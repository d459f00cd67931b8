import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A workshop a trainer schedules far in the past waits for NPA staff to confirm it before its completions
 * count. Existing workshops need nothing: they were all counted until now, and keep counting.
 */
export class AddWorkshopConfirmation1795465000000 implements MigrationInterface {
    name = 'AddWorkshopConfirmation1795465000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "workshops" ADD "awaiting_confirmation" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "workshops" ADD "confirmed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "workshops" ADD "confirmed_by" uuid`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "workshops" DROP COLUMN "confirmed_by"`);
        await queryRunner.query(`ALTER TABLE "workshops" DROP COLUMN "confirmed_at"`);
        await queryRunner.query(`ALTER TABLE "workshops" DROP COLUMN "awaiting_confirmation"`);
    }
}
