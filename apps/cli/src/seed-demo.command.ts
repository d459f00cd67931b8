import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { Storage, Clock, generateDemoUsers, Outbox } from '@npa/platform';
import { generateApprovals } from '@npa/approval';
import { queueCertificates, standingCompletionIds, TrainerAccounts } from '@npa/training';
import { generateRegister } from '@npa/registry';
import { generateReturns } from '@npa/returns';
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
        const authorities = await dataSource.query<{ name: string; region: string }[]>(
          'SELECT name, region FROM local_authorities WHERE ended_on IS NULL ORDER BY code',
        );
        const register = await generateRegister(dataSource, {
          scale,
          seed: Number(options.seed),
          today,
          settingsPerService: scale <= 0.2 ? 2 : 5,
          authorities,
        });
        const approvals = await generateApprovals(dataSource, {
          seed: Number(options.seed),
          today,
          settingIds: register.settingIds,
          storage: app.get(Storage),
        });
        const users = await generateDemoUsers(dataSource, {
          serviceIds: register.serviceIds,
          settingIds: register.settingIds,
          trainers: register.trainerPeople,
          tag: `${options.seed}-${Date.now().toString(36)}`,
        });
        // As POST /users does for a trainer account: the trainer record is linked to it by id.
        await dataSource.transaction(async (manager) => {
          for (const t of register.trainerPeople) {
            const account = users.trainerAccounts.find((a) => a.email === t.email);
            if (account) await app.get(TrainerAccounts).link(manager, t.trainerId, account.userId, null);
          }
        });
        const [staff] = await dataSource.query<{ id: string }[]>(
          `SELECT id FROM users WHERE role IN ('npa_admin', 'npa_reviewer') ORDER BY created_at LIMIT 1`,
        );
        const returns = await generateReturns(dataSource, { seed: Number(options.seed), today, serviceIds: register.serviceIds, filedBy: staff.id });
        // The demo's latest workshop's certificates, as recording its completions asks for them; the worker makes and
        // sends them. Only the demo's: the latest workshop in the database may be a real one, whose people were sent theirs.
        const certificates = await dataSource.transaction(async (manager) => {
          const ids = register.latestWorkshopId ? await standingCompletionIds(manager, register.latestWorkshopId) : [];
          await queueCertificates(app.get(Outbox), manager, ids);
          return ids.length;
        });
        return { ...register, ...approvals, users, returns, certificates };
      });
      console.log(
        `Demo register added: ${counts.services} services (${counts.teamMembers} team members), ${counts.settings} settings (${counts.settingStaff} staff), ` +
          `${counts.supervisionSessions} supervision sessions, ${counts.completions} workshop completions, ${counts.people} people, ` +
          `${counts.awards} Stamp of Approval awards, ${counts.openApplications} open applications, and ${counts.returns.returns} annual returns for ${counts.returns.years.join(' and ')}.`,
      );
      console.log(
        `Letters asked for: ${counts.certificates} workshop certificates, which the worker (npm start) composes and emails; ` +
          `${counts.lapsedAwards} award lapsed unrenewed 3 days ago, whose lapse notice the next sweep sends (npm run cli -- sweep).`,
      );
      console.log(
        `Demo sign-ins (${counts.users.count} users, password "${counts.users.password}"): reviewer ${counts.users.reviewer}, ` +
          `service manager ${counts.users.manager ?? '-'}, setting contact ${counts.users.contact ?? '-'}, trainer ${counts.users.trainer ?? '-'}.`,
      );
    });
}
