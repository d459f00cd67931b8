import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCompliance1795355870456 implements MigrationInterface {
    name = 'AddCompliance1795355870456'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "compliance_snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_kind" text NOT NULL, "subject_id" uuid NOT NULL, "as_of" date NOT NULL, "status" text NOT NULL, "results" jsonb NOT NULL, "parameter_version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3385700764c732be0642f2f0850" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "compliance_snapshots_subject_idx" ON "compliance_snapshots"  ("subject_kind", "subject_id", "as_of") `);
        await queryRunner.query(`CREATE TABLE "rule_parameter_versions" ("version" integer NOT NULL, "params" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5da0f7a01172820478961eca401" PRIMARY KEY ("version"))`);
        // Version 1: the Code of Practice 2025's own values.
        await queryRunner.query(`INSERT INTO "rule_parameter_versions" ("version", "params") VALUES (1, $1)`, [JSON.stringify({"membershipMinimum": 3, "smallServiceMaxPractitioners": 4, "smallServiceMemberShare": 0.5, "supervisionMaxGapDays": 14, "supervisionLookbackDays": 90, "inductionDays": 84, "caseloadPerFte": 17, "newStarterMonths": 12, "networkingMonths": 12, "settingTrainedMinimum": 2, "smallSettingTrainedMinimum": 1, "smallSettingMaxStaff": 3, "settingMemberMinimum": 1, "awardAtRiskDays": 90})]);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "rule_parameter_versions"`);
        await queryRunner.query(`DROP INDEX "public"."compliance_snapshots_subject_idx"`);
        await queryRunner.query(`DROP TABLE "compliance_snapshots"`);
    }

}
