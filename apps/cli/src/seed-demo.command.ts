import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { Clock } from '@npa/platform/time/clock';
import { generateApprovals } from '@npa/approval/demo/approval-generator';
import { generateRegister } from '@npa/registry/demo/register-generator';
import { withApp } from './with-app';

/** `seed-demo`: a living register for a new user to look around (20 services, 40 settings...). */
export function registerSeedDemoCommand(program: Command): void {
  program
    .command('seed-demo')
    .description('fill the database with a realistic demo register (about 20 services, 40 settings, trainers, workshops, a year of supervision)')
    .option('--scale <n>', 'register size, 1 = the NPA today (100 services)', '0.2')
    .option('--seed <n>', 'random seed, for the same register every time', '2025')
    .action(async (options: { scale: string; seed: string }) => {
      const counts = await withApp(async (app) => {
        const dataSource = app.get(DataSource);
        const scale = Number(options.scale);
        const today = app.get(Clock).today();
        const register = await generateRegister(dataSource, { scale, seed: Number(options.seed), today, settingsPerService: scale <= 0.2 ? 2 : 5 });
        return { ...register, ...(await generateApprovals(dataSource, { seed: Number(options.seed), today, settingIds: register.settingIds })) };
      });
      console.log(
        `Demo register added: ${counts.services} services (${counts.teamMembers} team members), ${counts.settings} settings (${counts.settingStaff} staff), ` +
          `${counts.supervisionSessions} supervision sessions, ${counts.completions} workshop completions, ${counts.people} people, ` +
          `${counts.awards} Stamp of Approval awards and ${counts.openApplications} open applications.`,
      );
    });
}
