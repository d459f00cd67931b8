import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Retention (libs/privacy): people anonymised after the retention period are marked, and named
 * "Former member N" from a sequence of their own. The application role gets both through the default
 * privileges of AddApplicationRole, with no grant here.
 */
export class AddRetention1795462496660 implements MigrationInterface {
    name = 'AddRetention1795462496660'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "people" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`CREATE SEQUENCE "former_member_seq"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP SEQUENCE "former_member_seq"`);
        await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "anonymised_at"`);
    }

}
