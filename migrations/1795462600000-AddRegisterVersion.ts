import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One number that changes whenever anything a compliance answer reads changes, so the answer for a
 * service (or setting) and a date can be kept until then (libs/compliance/src/evaluation-cache.ts).
 *
 * The number moves at commit, in the writing transaction itself: a reader whose snapshot sees version v
 * sees every change up to v and none after, and a reader that reads the version before the facts never
 * keeps older facts under a newer version. The trigger is a deferred constraint trigger, so it runs just
 * before commit, bumps once per transaction (a transaction-local setting remembers), and holds the
 * version row's lock only while committing: writers never wait on each other for longer than that, and
 * cannot deadlock on it. FACT_TABLES must name every table FactsLoader and the rule parameters read;
 * test/compliance.e2e-spec.ts checks it against the loader's SQL.
 */
const FACT_TABLES = [
    "services", "team_members", "people", "memberships", "workshop_outcomes", "workshops", "trainers", "trainer_accreditations",
    "supervision_sessions", "supervision_participants", "inductions", "qualifications", "networking_attendance",
    "settings", "setting_staff", "inspections", "rule_parameter_versions",
];

export class AddRegisterVersion1795462600000 implements MigrationInterface {
    name = 'AddRegisterVersion1795462600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "register_versions" ("id" integer PRIMARY KEY CHECK ("id" = 1), "version" bigint NOT NULL DEFAULT 1, "changed_at" timestamptz NOT NULL DEFAULT now())`);
        await queryRunner.query(`INSERT INTO "register_versions" ("id") VALUES (1)`);
        await queryRunner.query(`CREATE FUNCTION register_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF current_setting('npa.register_changed', true) IS DISTINCT FROM 'yes' THEN
                    PERFORM set_config('npa.register_changed', 'yes', true);
                    UPDATE register_versions SET version = version + 1, changed_at = now() WHERE id = 1;
                END IF;
                RETURN NULL;
            END $$`);
        for (const table of FACT_TABLES) {
            await queryRunner.query(`CREATE CONSTRAINT TRIGGER "register_changed" AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION register_changed()`);
        }
        // The app may move the number (through the trigger, which runs as the writer) and read it, nothing else.
        await queryRunner.query(`REVOKE INSERT, DELETE ON "register_versions" FROM npa_app`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of FACT_TABLES) await queryRunner.query(`DROP TRIGGER "register_changed" ON "${table}"`);
        await queryRunner.query(`DROP FUNCTION register_changed()`);
        await queryRunner.query(`DROP TABLE "register_versions"`);
    }
}
