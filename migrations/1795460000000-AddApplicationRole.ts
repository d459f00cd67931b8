import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Two roles: migrations run as the schema's owner (DATABASE_URL); the API, the worker and the CLI's
 * commands connect as npa_app, which may read and write the register, only read and add to audit_log,
 * and never change the schema (not the owner: no DDL, no ALTER TABLE ... DISABLE TRIGGER, no TRUNCATE).
 *
 * Roles belong to the whole PostgreSQL cluster, so npa_app is made only when missing (several databases,
 * and several test runs at once, share it) and is never dropped here; grants are per database. Tables
 * and sequences that later migrations create get the same grants through default privileges for the
 * owner, so a new table needs no grant of its own; one that must be append-only revokes, as audit_log
 * does below. The name is fixed here (history does not change); APP_DATABASE_ROLE in app-config.ts
 * names the same role. Another login may be used by granting it npa_app (GRANT npa_app TO api_login).
 */
export class AddApplicationRole1795460000000 implements MigrationInterface {
    name = 'AddApplicationRole1795460000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'npa_app') THEN
                BEGIN
                    CREATE ROLE npa_app LOGIN;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- made meanwhile by another database's migration
                END;
            END IF;
        END $$`);
        await queryRunner.query(`DO $$ BEGIN
            EXECUTE format('GRANT CONNECT ON DATABASE %I TO npa_app', current_database());
            EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        END $$`);
        // PostgreSQL 15 already keeps PUBLIC from creating in the public schema; older servers did not.
        await queryRunner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
        await queryRunner.query(`GRANT USAGE ON SCHEMA public TO npa_app`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO npa_app`);
        await queryRunner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO npa_app`);
        await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO npa_app`);
        await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO npa_app`);
        // The audit trail: read and add, never rewrite (the trigger still stops the owner too).
        await queryRunner.query(`REVOKE UPDATE, DELETE ON "audit_log" FROM npa_app`);
        await queryRunner.query(`DO $$ BEGIN
            EXECUTE format('REVOKE UPDATE ON SEQUENCE %s FROM npa_app', pg_get_serial_sequence('audit_log', 'id'));
        END $$`);
        // Migration history is the owner's business.
        await queryRunner.query(`REVOKE ALL ON "schema_migrations" FROM npa_app`);
        await queryRunner.query(`REVOKE ALL ON SEQUENCE "schema_migrations_id_seq" FROM npa_app`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM npa_app`);
        await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM npa_app`);
        await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM npa_app`);
        await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM npa_app`);
        await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM npa_app`);
        await queryRunner.query(`DO $$ BEGIN
            EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', current_database());
            EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM npa_app', current_database());
        END $$`);
        // The role itself stays: other databases of the cluster may still use it. PUBLIC does not get
        // CREATE on the public schema back (PostgreSQL 15's default, and no place to reopen).
    }

}
