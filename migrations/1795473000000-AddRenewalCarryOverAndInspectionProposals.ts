import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Renewals start from last year: an application names the one whose statements it copied, each copied
 * statement stays `carried_over` until the setting confirms or edits it, and last year's evidence is
 * referenced as on file, never copied. Inspections a setting proposes wait for NPA staff (every existing
 * one was recorded and keeps counting). Changes to a setting's declared staff count are kept for reviewers.
 */
export class AddRenewalCarryOverAndInspectionProposals1795473000000 implements MigrationInterface {
    name = 'AddRenewalCarryOverAndInspectionProposals1795473000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "setting_staff_count_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "setting_id" uuid NOT NULL, "from_count" integer NOT NULL, "to_count" integer NOT NULL, "changed_by" uuid, "changed_by_name" text, "changed_by_role" text, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f811f56dae31d9b55b6a1613425" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "setting_staff_count_changes_setting_idx" ON "setting_staff_count_changes"  ("setting_id", "changed_at") `);
        await queryRunner.query(`CREATE TABLE "application_evidence_on_file" ("application_id" uuid NOT NULL, "evidence_id" uuid NOT NULL, CONSTRAINT "PK_fd1bb577936df98115355f77f5d" PRIMARY KEY ("application_id", "evidence_id"))`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD "status" text NOT NULL DEFAULT 'recorded'`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD "report_url" text`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD "proposed_by" uuid`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD "decided_by" uuid`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD "decided_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD "rejection_reason" text`);
        await queryRunner.query(`ALTER TABLE "applications" ADD "previous_application_id" uuid`);
        await queryRunner.query(`ALTER TABLE "application_criteria" ADD "carried_over" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "setting_staff_count_changes" ADD CONSTRAINT "FK_a853328d3204282259a3dbba1ea" FOREIGN KEY ("setting_id") REFERENCES "settings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "applications" ADD CONSTRAINT "FK_e252ef03153c2b586d7c67f5f0e" FOREIGN KEY ("previous_application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "application_evidence_on_file" ADD CONSTRAINT "FK_e6f84810602a81db83dca70544a" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "application_evidence_on_file" ADD CONSTRAINT "FK_914ab4a002cfbbc68e8452282f8" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "application_evidence_on_file" DROP CONSTRAINT "FK_914ab4a002cfbbc68e8452282f8"`);
        await queryRunner.query(`ALTER TABLE "application_evidence_on_file" DROP CONSTRAINT "FK_e6f84810602a81db83dca70544a"`);
        await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_e252ef03153c2b586d7c67f5f0e"`);
        await queryRunner.query(`ALTER TABLE "setting_staff_count_changes" DROP CONSTRAINT "FK_a853328d3204282259a3dbba1ea"`);
        await queryRunner.query(`ALTER TABLE "application_criteria" DROP COLUMN "carried_over"`);
        await queryRunner.query(`ALTER TABLE "applications" DROP COLUMN "previous_application_id"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP COLUMN "rejection_reason"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP COLUMN "decided_at"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP COLUMN "decided_by"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP COLUMN "proposed_by"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP COLUMN "report_url"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP COLUMN "status"`);
        await queryRunner.query(`DROP TABLE "application_evidence_on_file"`);
        await queryRunner.query(`DROP INDEX "public"."setting_staff_count_changes_setting_idx"`);
        await queryRunner.query(`DROP TABLE "setting_staff_count_changes"`);
    }

}

