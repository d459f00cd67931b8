import { MigrationInterface, QueryRunner } from "typeorm";

export class AddLettersAndReminders1795452565602 implements MigrationInterface {
    name = 'AddLettersAndReminders1795452565602'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "letters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "subject_kind" text NOT NULL, "subject_id" uuid NOT NULL, "subject_name" text NOT NULL, "dedupe_key" text NOT NULL, "verification_code" text NOT NULL, "template_version" integer NOT NULL, "data" jsonb NOT NULL, "recipients" jsonb NOT NULL, "html_key" text, "pdf_key" text, "rendered_at" TIMESTAMP WITH TIME ZONE, "reminder_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f181851aff868846a5704ea1cc2" UNIQUE ("dedupe_key"), CONSTRAINT "UQ_a71913f5648193e52f3c7f80df2" UNIQUE ("verification_code"), CONSTRAINT "PK_bf70c41d26aa84cf2651d571889" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "letters_subject_idx" ON "letters"  ("subject_kind", "subject_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "letter_templates" ("kind" text NOT NULL, "version" integer NOT NULL, "body" text NOT NULL, "text" text NOT NULL, "note" text, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_859aac80389539bbd4e6a672a17" PRIMARY KEY ("kind", "version"))`);
        await queryRunner.query(`CREATE TABLE "mail_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "letter_id" uuid NOT NULL, "state" text NOT NULL, "recipients" jsonb NOT NULL, "subject" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "message_id" text, "reason" text, "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_48b6595fa3ad18d9d263f2e1631" UNIQUE ("letter_id"), CONSTRAINT "PK_c3b04f863547fccfd11b4d4b11e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "mail_deliveries_state_idx" ON "mail_deliveries"  ("state", "created_at") `);
        await queryRunner.query(`CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "subject_kind" text NOT NULL, "subject_id" uuid NOT NULL, "due_on" date NOT NULL, "organisation_kind" text, "organisation_id" uuid, "recipients" jsonb NOT NULL, "facts" jsonb NOT NULL, "state" text NOT NULL DEFAULT 'pending', "reason" text, "letter_id" uuid, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "reminders_state_idx" ON "reminders"  ("state", "due_on") `);
        await queryRunner.query(`CREATE INDEX "reminders_organisation_idx" ON "reminders"  ("organisation_kind", "organisation_id", "due_on") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "reminders_key" ON "reminders"  ("kind", "subject_kind", "subject_id", "due_on") `);
        await queryRunner.query(`ALTER TABLE "mail_deliveries" ADD CONSTRAINT "FK_48b6595fa3ad18d9d263f2e1631" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "mail_deliveries" DROP CONSTRAINT "FK_48b6595fa3ad18d9d263f2e1631"`);
        await queryRunner.query(`DROP INDEX "public"."reminders_key"`);
        await queryRunner.query(`DROP INDEX "public"."reminders_organisation_idx"`);
        await queryRunner.query(`DROP INDEX "public"."reminders_state_idx"`);
        await queryRunner.query(`DROP TABLE "reminders"`);
        await queryRunner.query(`DROP INDEX "public"."mail_deliveries_state_idx"`);
        await queryRunner.query(`DROP TABLE "mail_deliveries"`);
        await queryRunner.query(`DROP TABLE "letter_templates"`);
        await queryRunner.query(`DROP INDEX "public"."letters_subject_idx"`);
        await queryRunner.query(`DROP TABLE "letters"`);
    }

}
