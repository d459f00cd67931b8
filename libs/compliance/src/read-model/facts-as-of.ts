import type { IsoDate } from '@npa/platform';
import type { ServiceFacts, SettingFacts } from '../rules/facts';

/** A date after every fact: a one-subject statement read with it returns a service's (or setting's) facts for every date. */
export const EVERY_DATE = 'infinity';

/**
 * One service's facts as of a date, taken in memory from its facts for every date (EVERY_DATE): the
 * rows the one-subject statement returns for that date, because each filter here is one of its `<= $2`
 * conditions (SERVICE_QUERIES; the e2e compares the two over many dates). People's own facts
 * (memberships, completions, inductions, qualifications, accreditations) count only for people already
 * on the team by the date, as the statement's PEOPLE reads them.
 */
export function serviceFactsAsOf(all: ServiceFacts, asOf: IsoDate): ServiceFacts {
  const team = all.team.filter((m) => m.startDate <= asOf);
  const theirs = ofPeople(team, asOf);
  return {
    serviceId: all.serviceId,
    team,
    memberships: theirs(all.memberships, (m) => m.startDate),
    completions: theirs(all.completions, (c) => c.workshopEndDate),
    supervision: all.supervision.filter((s) => s.date <= asOf),
    inductions: theirs(all.inductions, (i) => i.completedOn),
    qualifications: theirs(all.qualifications),
    trainerAccreditations: theirs(all.trainerAccreditations),
    networking: all.networking.filter((n) => n.date <= asOf),
  };
}

/** One setting's facts as of a date, as serviceFactsAsOf does for a service (SETTING_QUERIES' conditions). */
export function settingFactsAsOf(all: SettingFacts, asOf: IsoDate): SettingFacts {
  const staff = all.staff.filter((s) => s.startDate <= asOf);
  const theirs = ofPeople(staff, asOf);
  return {
    settingId: all.settingId,
    staffCount: all.staffCount,
    staff,
    memberships: theirs(all.memberships, (m) => m.startDate),
    completions: theirs(all.completions, (c) => c.workshopEndDate),
    inspections: all.inspections.filter((i) => i.date <= asOf),
    qualifications: theirs(all.qualifications),
  };
}

/** Facts of the people on `posts`, dated by `date` on or before `asOf` when they have a date. */
function ofPeople(posts: readonly { personId: string }[], asOf: IsoDate) {
  const people = new Set(posts.map((p) => p.personId));
  return <T extends { personId: string }>(items: readonly T[], date?: (item: T) => IsoDate) =>
    items.filter((item) => people.has(item.personId) && (date === undefined || date(item) <= asOf));
}
