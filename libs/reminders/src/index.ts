// The public door of @npa/reminders: other libs, apps and tests import only what is here.
export { type DueReminder, type ReminderIdentity } from './finders/due-reminder';
export { Reminder } from './reminder.entity';
export { REMINDER_STATES, RemindersQuery } from './reminders.dto';
export { ReminderFinder } from './finders/reminder.finder';
export { ReminderKinds, type FoundReminder, type ReminderKindSource } from './kinds/reminder-kind';
export { ReminderKindRegistry } from './kinds/reminder-kind.registry';
export { RemindersModule } from './reminders.module';
export { RemindersService } from './reminders.service';
export { RemindersWorkerModule } from './reminders-worker.module';
export { SWEEP_SCHEDULER_ID } from './reminder.jobs';
export { SweepService, type SweepSummary } from './sweep.service';
export { workingDaysAfter } from './finders/due-dates';
export { REMINDERS_PERSONAL_DATA } from './personal-data';
export { REMINDERS_VIEW_STATES } from './view-states';
export * from './reminder-letter-kind';
