import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Numbers that move whenever what a kept read is made of changes, one row per read, as
 * `register_versions` does for compliance answers (AddRegisterVersion, whose reasoning holds here): a
 * deferred constraint trigger bumps the row once per transaction, just before its commit, so a reader
 * that reads the number before the rows never keeps older rows under a newer number.
 *
 * `review_queue`: the review queue's pages (libs/approval/src/review-queue.service.ts) read the waiting
 * applications, the settings' names and the reviewers' names. Every change to an application moves it;
 * of settings and users, only a change of name or a deletion does (a sign-in writes to users often).
 */
const WATCHED: { name: string; table: string; events: string }[] = [
  { name: 'review_queue', table: 'applications', events: 'INSERT OR UPDATE OR DELETE' },
  { name: 'review_queue', table: 'settings', events: 'UPDATE OF name OR DELETE' },
  { name: 'review_queue', table: 'users', events: 'UPDATE OF name OR DELETE' },
];

export class AddKeptVersions1795476000000 implements MigrationInterface {
  name = 'AddKeptVersions1795476000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kept_versions" ("name" text PRIMARY KEY, "version" bigint NOT NULL DEFAULT 1, "changed_at" timestamptz NOT NULL DEFAULT now())`,
    );
    await queryRunner.query(`INSERT INTO "kept_versions" ("name") VALUES ('review_queue')`);
    // The read's name is the trigger's argument; the transaction-local setting remembers it was bumped.
    await queryRunner.query(`CREATE FUNCTION kept_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                flag text := 'npa.kept_changed_' || TG_ARGV[0];
            BEGIN
                IF current_setting(flag, true) IS DISTINCT FROM 'yes' THEN
                    PERFORM set_config(flag, 'yes', true);
                    UPDATE kept_versions SET version = version + 1, changed_at = now() WHERE name = TG_ARGV[0];
                END IF;
                RETURN NULL;
            END $$`);
    for (const { name, table, events } of WATCHED) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "${name}_changed" AFTER ${events} ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kept_version_changed('${name}')`,
      );
    }
    // The app may move the numbers (through the triggers, which run as the writer) and read them, nothing else.
    await queryRunner.query(`REVOKE INSERT, DELETE ON "kept_versions" FROM npa_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { name, table } of WATCHED) await queryRunner.query(`DROP TRIGGER "${name}_changed" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION kept_version_changed()`);
    await queryRunner.query(`DROP TABLE "kept_versions"`);
  }
}
