import { MigrationInterface, QueryRunner } from "typeorm";

export class AddRegister1795355617680 implements MigrationInterface {
    name = 'AddRegister1795355617680'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Registration numbers come from a sequence so two registrations never share one.
        await queryRunner.query(`CREATE SEQUENCE "service_registration_seq"`);
        await queryRunner.query(`CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "email" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "inductions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "completed_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5d7700ad930c2a5cc4eec8f8a8b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "inductions_person_idx" ON "inductions"  ("person_id") `);
        await queryRunner.query(`CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "number" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "memberships_dates_check" CHECK (end_date >= start_date), CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "memberships_person_idx" ON "memberships"  ("person_id", "start_date") `);
        await queryRunner.query(`CREATE TABLE "qualifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9ed4d526ac3b76ba3f1c1080433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "qualifications_person_idx" ON "qualifications"  ("person_id") `);
        await queryRunner.query(`CREATE TABLE "services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "local_authority" text NOT NULL, "region" text NOT NULL, "age_range" text NOT NULL, "registration_number" text NOT NULL, "registered_on" date NOT NULL DEFAULT ('now'::text)::date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_bd004320b78da757f328a8bb710" UNIQUE ("registration_number"), CONSTRAINT "PK_ba2d347a3168a296416c6c5ccb2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "networking_attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "date" date NOT NULL, "event" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e8d73e271cc6287f558afb2015" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "networking_attendance_service_idx" ON "networking_attendance"  ("service_id", "date") `);
        await queryRunner.query(`CREATE TABLE "team_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" text NOT NULL, "fte" numeric(4,3) NOT NULL, "caseload" integer NOT NULL, "start_date" date NOT NULL, "end_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "team_members_dates_check" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "team_members_caseload_check" CHECK (caseload >= 0), CONSTRAINT "team_members_fte_check" CHECK (fte > 0 AND fte <= 1), CONSTRAINT "PK_ca3eae89dcf20c9fd95bf7460aa" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "team_members_person_idx" ON "team_members"  ("person_id") `);
        await queryRunner.query(`CREATE INDEX "team_members_service_idx" ON "team_members"  ("service_id", "start_date") `);
        await queryRunner.query(`CREATE TABLE "settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "ofsted_urn" text NOT NULL, "kind" text NOT NULL, "staff_count" integer NOT NULL, "local_area" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_f318e0e4e1d6ac28dcfbfa0b6ae" UNIQUE ("ofsted_urn"), CONSTRAINT "PK_0669fe20e252eb692bf4d344975" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "inspections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "setting_id" uuid NOT NULL, "date" date NOT NULL, "grade" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a484980015782324454d8c88abe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "inspections_setting_idx" ON "inspections"  ("setting_id", "date") `);
        await queryRunner.query(`CREATE TABLE "setting_staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "setting_id" uuid NOT NULL, "person_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "setting_staff_dates_check" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "PK_03b9688b3f6c865121825911339" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "setting_staff_person_idx" ON "setting_staff"  ("person_id") `);
        await queryRunner.query(`CREATE INDEX "setting_staff_setting_idx" ON "setting_staff"  ("setting_id", "start_date") `);
        await queryRunner.query(`CREATE TABLE "supervision_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "date" date NOT NULL, "supervisor_id" uuid NOT NULL, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d1ff76d33a78cef842c592843b9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "supervision_sessions_service_idx" ON "supervision_sessions"  ("service_id", "date") `);
        await queryRunner.query(`CREATE TABLE "supervision_participants" ("session_id" uuid NOT NULL, "practitioner_id" uuid NOT NULL, CONSTRAINT "PK_f10cebdb8963204f413bd6800f7" PRIMARY KEY ("session_id", "practitioner_id"))`);
        await queryRunner.query(`CREATE INDEX "supervision_participants_practitioner_idx" ON "supervision_participants"  ("practitioner_id") `);
        await queryRunner.query(`CREATE TABLE "trainers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f94944fb63b3bce4e54cf4d8a27" UNIQUE ("person_id"), CONSTRAINT "PK_198da56395c269936d351ab774b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "trainer_accreditations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trainer_id" uuid NOT NULL, "accredited_from" date NOT NULL, "accredited_to" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "trainer_accreditations_dates_check" CHECK (accredited_to >= accredited_from), CONSTRAINT "PK_66c4a3368621873f676d2f76a7a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "trainer_accreditations_trainer_idx" ON "trainer_accreditations"  ("trainer_id", "accredited_from") `);
        await queryRunner.query(`CREATE TABLE "workshops" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trainer_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "venue" text NOT NULL, "online" boolean NOT NULL DEFAULT false, "capacity" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "workshops_capacity_check" CHECK (capacity > 0), CONSTRAINT "workshops_dates_check" CHECK (end_date >= start_date), CONSTRAINT "PK_6d0e82a124f5b53df91c8989848" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "workshops_trainer_idx" ON "workshops"  ("trainer_id", "start_date") `);
        await queryRunner.query(`CREATE TABLE "workshop_attendees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "workshop_attendees_person_key" UNIQUE ("workshop_id", "person_id"), CONSTRAINT "PK_b288137d7f3181033b50276a91f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "workshop_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "person_id" uuid NOT NULL, "outcome" text NOT NULL, "certificate_code" text, "supersedes_id" uuid, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8b76bf69a97f17754e553999b1a" UNIQUE ("certificate_code"), CONSTRAINT "PK_bf646df2c58172b08b9c3755b41" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "workshop_outcomes_supersedes_key" ON "workshop_outcomes"  ("supersedes_id") `);
        await queryRunner.query(`CREATE INDEX "workshop_outcomes_person_idx" ON "workshop_outcomes"  ("person_id") `);
        await queryRunner.query(`CREATE INDEX "workshop_outcomes_workshop_person_idx" ON "workshop_outcomes"  ("workshop_id", "person_id") `);
        await queryRunner.query(`ALTER TABLE "inductions" ADD CONSTRAINT "FK_fa648e11558e7211858457e056b" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_efc5c4a293123bc6e5fa4306bc4" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "qualifications" ADD CONSTRAINT "FK_4f37c2451cbd4b540c1aa6fdb9a" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "networking_attendance" ADD CONSTRAINT "FK_02ab9eb0090d73473a93334ba5b" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "team_members" ADD CONSTRAINT "FK_69d3f4dc3b103075a8d0e550f1f" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "team_members" ADD CONSTRAINT "FK_be3e9ab9446f56d176fabf19741" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_2555f802968e1cafe333a876284" FOREIGN KEY ("setting_id") REFERENCES "settings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "setting_staff" ADD CONSTRAINT "FK_c26763d7ceccec8347c0a5d6ef5" FOREIGN KEY ("setting_id") REFERENCES "settings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "setting_staff" ADD CONSTRAINT "FK_f4881b7c500bb88f1cf956d6d86" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supervision_sessions" ADD CONSTRAINT "FK_7f364df299fef0c814c2ebbe016" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supervision_sessions" ADD CONSTRAINT "FK_fcb182eaf7da6265595254a590d" FOREIGN KEY ("supervisor_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supervision_participants" ADD CONSTRAINT "FK_1c74ea217461d5838b233186545" FOREIGN KEY ("session_id") REFERENCES "supervision_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supervision_participants" ADD CONSTRAINT "FK_ae4ab59b721ad6e837d4b9fec02" FOREIGN KEY ("practitioner_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "trainers" ADD CONSTRAINT "FK_f94944fb63b3bce4e54cf4d8a27" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "trainer_accreditations" ADD CONSTRAINT "FK_0afceddb87870555f57fa7b6a50" FOREIGN KEY ("trainer_id") REFERENCES "trainers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshops" ADD CONSTRAINT "FK_da51fd828ed942aa5995ed85694" FOREIGN KEY ("trainer_id") REFERENCES "trainers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_attendees" ADD CONSTRAINT "FK_60f6a172c651198088ac87d6ae0" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_attendees" ADD CONSTRAINT "FK_68ffefdf301d991cf4da19f5a88" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_outcomes" ADD CONSTRAINT "FK_fb120933bf3a6e2930c24834b06" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_outcomes" ADD CONSTRAINT "FK_e68f9c35efc2cd89e7f744d3067" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_outcomes" ADD CONSTRAINT "FK_a59a0c011459198f6bd6b019380" FOREIGN KEY ("supersedes_id") REFERENCES "workshop_outcomes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // A person is one email, whatever its case.
        await queryRunner.query(`CREATE UNIQUE INDEX "people_email_key" ON "people" (lower("email"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "people_email_key"`);
        await queryRunner.query(`ALTER TABLE "workshop_outcomes" DROP CONSTRAINT "FK_a59a0c011459198f6bd6b019380"`);
        await queryRunner.query(`ALTER TABLE "workshop_outcomes" DROP CONSTRAINT "FK_e68f9c35efc2cd89e7f744d3067"`);
        await queryRunner.query(`ALTER TABLE "workshop_outcomes" DROP CONSTRAINT "FK_fb120933bf3a6e2930c24834b06"`);
        await queryRunner.query(`ALTER TABLE "workshop_attendees" DROP CONSTRAINT "FK_68ffefdf301d991cf4da19f5a88"`);
        await queryRunner.query(`ALTER TABLE "workshop_attendees" DROP CONSTRAINT "FK_60f6a172c651198088ac87d6ae0"`);
        await queryRunner.query(`ALTER TABLE "workshops" DROP CONSTRAINT "FK_da51fd828ed942aa5995ed85694"`);
        await queryRunner.query(`ALTER TABLE "trainer_accreditations" DROP CONSTRAINT "FK_0afceddb87870555f57fa7b6a50"`);
        await queryRunner.query(`ALTER TABLE "trainers" DROP CONSTRAINT "FK_f94944fb63b3bce4e54cf4d8a27"`);
        await queryRunner.query(`ALTER TABLE "supervision_participants" DROP CONSTRAINT "FK_ae4ab59b721ad6e837d4b9fec02"`);
        await queryRunner.query(`ALTER TABLE "supervision_participants" DROP CONSTRAINT "FK_1c74ea217461d5838b233186545"`);
        await queryRunner.query(`ALTER TABLE "supervision_sessions" DROP CONSTRAINT "FK_fcb182eaf7da6265595254a590d"`);
        await queryRunner.query(`ALTER TABLE "supervision_sessions" DROP CONSTRAINT "FK_7f364df299fef0c814c2ebbe016"`);
        await queryRunner.query(`ALTER TABLE "setting_staff" DROP CONSTRAINT "FK_f4881b7c500bb88f1cf956d6d86"`);
        await queryRunner.query(`ALTER TABLE "setting_staff" DROP CONSTRAINT "FK_c26763d7ceccec8347c0a5d6ef5"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP CONSTRAINT "FK_2555f802968e1cafe333a876284"`);
        await queryRunner.query(`ALTER TABLE "team_members" DROP CONSTRAINT "FK_be3e9ab9446f56d176fabf19741"`);
        await queryRunner.query(`ALTER TABLE "team_members" DROP CONSTRAINT "FK_69d3f4dc3b103075a8d0e550f1f"`);
        await queryRunner.query(`ALTER TABLE "networking_attendance" DROP CONSTRAINT "FK_02ab9eb0090d73473a93334ba5b"`);
        await queryRunner.query(`ALTER TABLE "qualifications" DROP CONSTRAINT "FK_4f37c2451cbd4b540c1aa6fdb9a"`);
        await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_efc5c4a293123bc6e5fa4306bc4"`);
        await queryRunner.query(`ALTER TABLE "inductions" DROP CONSTRAINT "FK_fa648e11558e7211858457e056b"`);
        await queryRunner.query(`DROP INDEX "public"."workshop_outcomes_workshop_person_idx"`);
        await queryRunner.query(`DROP INDEX "public"."workshop_outcomes_person_idx"`);
        await queryRunner.query(`DROP INDEX "public"."workshop_outcomes_supersedes_key"`);
        await queryRunner.query(`DROP TABLE "workshop_outcomes"`);
        await queryRunner.query(`DROP TABLE "workshop_attendees"`);
        await queryRunner.query(`DROP INDEX "public"."workshops_trainer_idx"`);
        await queryRunner.query(`DROP TABLE "workshops"`);
        await queryRunner.query(`DROP INDEX "public"."trainer_accreditations_trainer_idx"`);
        await queryRunner.query(`DROP TABLE "trainer_accreditations"`);
        await queryRunner.query(`DROP TABLE "trainers"`);
        await queryRunner.query(`DROP INDEX "public"."supervision_participants_practitioner_idx"`);
        await queryRunner.query(`DROP TABLE "supervision_participants"`);
        await queryRunner.query(`DROP INDEX "public"."supervision_sessions_service_idx"`);
        await queryRunner.query(`DROP TABLE "supervision_sessions"`);
        await queryRunner.query(`DROP INDEX "public"."setting_staff_setting_idx"`);
        await queryRunner.query(`DROP INDEX "public"."setting_staff_person_idx"`);
        await queryRunner.query(`DROP TABLE "setting_staff"`);
        await queryRunner.query(`DROP INDEX "public"."inspections_setting_idx"`);
        await queryRunner.query(`DROP TABLE "inspections"`);
        await queryRunner.query(`DROP TABLE "settings"`);
        await queryRunner.query(`DROP INDEX "public"."team_members_service_idx"`);
        await queryRunner.query(`DROP INDEX "public"."team_members_person_idx"`);
        await queryRunner.query(`DROP TABLE "team_members"`);
        await queryRunner.query(`DROP INDEX "public"."networking_attendance_service_idx"`);
        await queryRunner.query(`DROP TABLE "networking_attendance"`);
        await queryRunner.query(`DROP TABLE "services"`);
        await queryRunner.query(`DROP INDEX "public"."qualifications_person_idx"`);
        await queryRunner.query(`DROP TABLE "qualifications"`);
        await queryRunner.query(`DROP INDEX "public"."memberships_person_idx"`);
        await queryRunner.query(`DROP TABLE "memberships"`);
        await queryRunner.query(`DROP INDEX "public"."inductions_person_idx"`);
        await queryRunner.query(`DROP TABLE "inductions"`);
        await queryRunner.query(`DROP TABLE "people"`);
        await queryRunner.query(`DROP SEQUENCE "service_registration_seq"`);
    }

}
