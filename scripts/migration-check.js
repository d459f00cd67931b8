// Fails when the entities and the migrations disagree: migrates a scratch database, then asks TypeORM
// whether it would generate anything. Run in CI so a schema change never ships without its migration.
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');

const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/npa';
const url = new URL(base);
const name = `npa_test_migration_check_${process.pid}`;
url.pathname = `/${name}`;
const admin = new URL(base);
admin.pathname = '/postgres';

async function main() {
  const env = { ...process.env, DATABASE_URL: url.toString() };
  const run = (args) => execFileSync('node', ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', ...args], { env, stdio: 'inherit' });
  try {
    run(['apps/cli/src/main.ts', 'migrate']);
    run(['node_modules/typeorm/cli.js', 'migration:generate', '--check', '-d', 'libs/database/src/cli-data-source.ts', 'migrations/Unexpected']);
    console.log('migration:check: the migrations match the entities.');
  } finally {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
}

main().catch((error) => {
  console.error(`migration:check failed: ${error.message}`);
  process.exit(1);
});
