import { MigrationInterface, QueryRunner } from "typeorm";

export class AddWebSessions1795454111610 implements MigrationInterface {
    name = 'AddWebSessions1795454111610'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "web_sessions" ("id_hash" text NOT NULL, "user_id" uuid NOT NULL, "token_version" integer NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8991af248f10947a7a8565ec960" PRIMARY KEY ("id_hash"))`);
        await queryRunner.query(`CREATE INDEX "web_sessions_user_idx" ON "web_sessions"  ("user_id") `);
        await queryRunner.query(`ALTER TABLE "web_sessions" ADD CONSTRAINT "FK_099af5f73522b589358b3d1189f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "web_sessions" DROP CONSTRAINT "FK_099af5f73522b589358b3d1189f"`);
        await queryRunner.query(`DROP INDEX "public"."web_sessions_user_idx"`);
        await queryRunner.query(`DROP TABLE "web_sessions"`);
    }

}
