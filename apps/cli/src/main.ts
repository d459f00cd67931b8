import 'reflect-metadata';
import { Command } from 'commander';
import { migrate, revertLastMigration, setApplicationRolePassword } from '@npa/database';
import { loadConfig, DomainError, validateInput, CreateUserDto, UsersService } from '@npa/platform';
import { registerAccessMatrixCommand } from './access-matrix.command';
import { registerImportCommand } from './import.command';
import { registerPrivacyCommands } from './privacy.command';
import { registerSeedDemoCommand } from './seed-demo.command';
import { registerSweepCommand } from './sweep.command';
import { withApp } from './with-app';

const program = new Command('npa').description('NPA back-office command line').showHelpAfterError();

program
  .command('migrate')
  .description('create the database if missing and apply pending migrations')
  .action(async () => {
    const config = loadConfig();
    const applied = await migrate(config.DATABASE_URL);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Schema is up to date.');
    if (await setApplicationRolePassword(config.DATABASE_URL, config.DATABASE_APP_URL))
      console.log('Set the password of the application role from DATABASE_APP_URL.');
  });

program
  .command('migrate:revert')
  .description('revert the last applied migration')
  .action(async () => {
    await revertLastMigration(loadConfig().DATABASE_URL);
    console.log('Reverted the last migration.');
  });

program
  .command('create-admin')
  .description('make an NPA admin account (the first one, or another)')
  .requiredOption('--email <email>')
  .requiredOption('--password <password>')
  .option('--name <name>', 'display name', 'NPA administrator')
  .action(async (options: { email: string; password: string; name: string }) => {
    const user = await withApp((app) =>
      app
        .get(UsersService)
        .create(validateInput(CreateUserDto, { email: options.email, password: options.password, name: options.name, role: 'npa_admin' }), null),
    );
    console.log(`Created NPA admin ${user.email} (${user.id}).`);
  });

registerSeedDemoCommand(program);
registerImportCommand(program);
registerSweepCommand(program);
registerPrivacyCommands(program);
registerAccessMatrixCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message =
    error instanceof DomainError
      ? `${error.message}${error.details ? ' ' + error.details.map((d) => `${d.field} ${d.problem}`).join('; ') : ''}`
      : (error as Error).message;
  console.error(`Error: ${message}`);
  process.exit(1);
});
