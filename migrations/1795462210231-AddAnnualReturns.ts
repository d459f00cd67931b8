import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadLocalAuthorityCsv } from '@npa/returns';

export class AddAnnualReturns1795462210231 implements MigrationInterface {
  name = 'AddAnnualReturns1795462210231';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "annual_returns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "start_year" integer NOT NULL, "referrals_accepted" integer NOT NULL, "children_supported" integer NOT NULL, "waiting_list" integer NOT NULL, "age_range" text NOT NULL, "funding_source" text NOT NULL, "budget_cut" boolean NOT NULL, "team_fte" numeric(6,2) NOT NULL, "annual_cost" integer NOT NULL, "revision" integer NOT NULL DEFAULT '1', "filed_by" uuid NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "annual_returns_service_year" UNIQUE ("service_id", "start_year"), CONSTRAINT "annual_returns_money_check" CHECK (annual_cost > 0 AND team_fte > 0), CONSTRAINT "annual_returns_counts_check" CHECK (referrals_accepted >= 0 AND children_supported >= 0 AND waiting_list >= 0), CONSTRAINT "PK_70aeeac080a7bef380831fb7ca9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "annual_return_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "revision" integer NOT NULL, "figures" jsonb NOT NULL, "filed_by" uuid NOT NULL, "filed_by_name" text NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bfc69bb44e394249da950aab079" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "annual_return_revisions_return_idx" ON "annual_return_revisions"  ("return_id", "revision") `);
    await queryRunner.query(
      `CREATE TABLE "local_authorities" ("code" text NOT NULL, "name" text NOT NULL, "region" text NOT NULL, "kind" text NOT NULL, "started_on" date, "ended_on" date, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5e57ece34f29d5bab8ed434bc77" UNIQUE ("name"), CONSTRAINT "PK_e5e29f343120c70cef30a806e3e" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "return_years" ("start_year" integer NOT NULL, "due_on" date NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_084b99db6659509603b1c386130" PRIMARY KEY ("start_year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "snapshot_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "start_year" integer NOT NULL, "provisional" boolean NOT NULL, "figures" jsonb NOT NULL, "letter_id" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b2104b8f4aed6e3aff1ed44085c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "snapshot_reports_year_idx" ON "snapshot_reports"  ("start_year", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "annual_returns" ADD CONSTRAINT "FK_c3ccd826124fab0a07c19b83485" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "annual_return_revisions" ADD CONSTRAINT "FK_553ebf0ed4412f0df999fbbdebf" FOREIGN KEY ("return_id") REFERENCES "annual_returns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The 317 local authorities of England since April 2023; the NPA office keeps the table current from here.
    const authorities = await loadLocalAuthorityCsv();
    await queryRunner.query(
      `INSERT INTO "local_authorities" ("code", "name", "region", "kind") SELECT code, name, region, kind FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, region text, kind text)`,
      [JSON.stringify(authorities)],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "annual_return_revisions" DROP CONSTRAINT "FK_553ebf0ed4412f0df999fbbdebf"`);
    await queryRunner.query(`ALTER TABLE "annual_returns" DROP CONSTRAINT "FK_c3ccd826124fab0a07c19b83485"`);
    await queryRunner.query(`DROP INDEX "public"."snapshot_reports_year_idx"`);
    await queryRunner.query(`DROP TABLE "snapshot_reports"`);
    await queryRunner.query(`DROP TABLE "return_years"`);
    await queryRunner.query(`DROP TABLE "local_authorities"`);
    await queryRunner.query(`DROP INDEX "public"."annual_return_revisions_return_idx"`);
    await queryRunner.query(`DROP TABLE "annual_return_revisions"`);
    await queryRunner.query(`DROP TABLE "annual_returns"`);
  }
}
