import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A trainer record is linked to its user account by id, not by the person's email: changing either
 * email no longer moves a trainer's workshops. Existing links are kept: each trainer gets the account
 * whose email matches its person's today (case aside), as the email link answered until now.
 */
/** Each trainer not yet linked gets the account whose email is its person's (case aside). */
export const BACKFILL_TRAINER_ACCOUNTS = `UPDATE "trainers" t SET "user_id" = u."id" FROM "people" p, "users" u
    WHERE t."user_id" IS NULL AND p."id" = t."person_id" AND lower(u."email") = lower(p."email")`;

export class LinkTrainerToUser1795463000000 implements MigrationInterface {
    name = 'LinkTrainerToUser1795463000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "trainers" ADD "user_id" uuid`);
        await queryRunner.query(`ALTER TABLE "trainers" ADD CONSTRAINT "REL_trainers_user_id" UNIQUE ("user_id")`);
        await queryRunner.query(`ALTER TABLE "trainers" ADD CONSTRAINT "FK_4dcc4888f0b9ac51441d771ad1e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(BACKFILL_TRAINER_ACCOUNTS);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "trainers" DROP CONSTRAINT "FK_4dcc4888f0b9ac51441d771ad1e"`);
        await queryRunner.query(`ALTER TABLE "trainers" DROP CONSTRAINT "REL_trainers_user_id"`);
        await queryRunner.query(`ALTER TABLE "trainers" DROP COLUMN "user_id"`);
    }
}
