// Who counts on a date. Facts arrive in any order and may repeat a person, so everything here
// works per person and returns people in a fixed order: results never depend on row order.
import { addDays, covers, daysBetween, type IsoDate } from '@npa/platform';
import type { CompletionFact, PeriodFact, QualificationFact, TeamMemberFact } from './facts';
import type { PersonRef } from './result';

export function isActiveOn(row: { startDate: IsoDate; endDate: IsoDate | null }, date: IsoDate): boolean {
  return covers(row.startDate, row.endDate, date);
}

/** Plain code-unit order: the same on every machine, unlike locale collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byName(a: PersonRef, b: PersonRef): number {
  return compareText(a.name, b.name) || compareText(a.personId, b.personId);
}

export function personRef(p: PersonRef): PersonRef {
  return { personId: p.personId, name: p.name };
}

/** Someone's time in a post: a team row or a setting's staff row. */
export interface PersonPeriod extends PersonRef {
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/** Earliest first, so the same row always wins when a person holds several. */
function byStart(a: PersonPeriod, b: PersonPeriod): number {
  return compareText(a.startDate, b.startDate) || compareText(a.name, b.name);
}

function groupByPerson<T extends PersonPeriod>(rows: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.personId);
    if (group) group.push(row);
    else groups.set(row.personId, [row]);
  }
  return [...groups.values()].map((g) => [...g].sort(byStart));
}

/**
 * A finder of people on a date, answered once per rows and date (the same frozen array each time: do not
 * change it). Facts are not changed once loaded; rows that have grown since (a test adding a post) are
 * read again.
 */
function keptPerDate<R, T>(find: (rows: R[], date: IsoDate) => T[]): (rows: R[], date: IsoDate) => readonly T[] {
  const kept = new WeakMap<R[], { size: number; byDate: Map<IsoDate, readonly T[]> }>();
  return (rows, date) => {
    let known = kept.get(rows);
    if (!known || known.size !== rows.length) kept.set(rows, (known = { size: rows.length, byDate: new Map() }));
    let found = known.byDate.get(date);
    if (!found) known.byDate.set(date, (found = Object.freeze(find(rows, date))));
    return found;
  };
}

// Three rules of a setting (and three of a service) ask for the same people on the same date, and an
// award's walk back through its change days asks again for each day: the sweep at scale 10 asked over
// twenty thousand times, each a filter, a grouping and a sort (README, Benchmarks).
/** Everyone with a row active on the date, whatever their role, counted once, in name order (kept: do not change it). */
export const activePeople: (rows: PersonPeriod[], date: IsoDate) => readonly PersonRef[] = keptPerDate(findPeople);

function findPeople(rows: PersonPeriod[], date: IsoDate): PersonRef[] {
  return groupByPerson(rows.filter((r) => isActiveOn(r, date)))
    .map(([first]) => personRef(first))
    .sort(byName);
}

/** The team of a service on a date: its active staff of every role. */
export function activeTeam(team: TeamMemberFact[], date: IsoDate): readonly PersonRef[] {
  return activePeople(team, date);
}

export interface Practitioner extends PersonRef {
  /** Start of the earliest practitioner post active on the date: when their induction began. */
  startDate: IsoDate;
  /** Summed over the person's active practitioner posts, since families are per person, not per post. */
  fte: number;
  caseload: number;
}

// Five rules ask for the same team's practitioners on the same date; the sweep asks for a thousand teams.
/** The practitioners on a date, in name order (kept: do not change it). */
export const activePractitioners: (team: TeamMemberFact[], date: IsoDate) => readonly Practitioner[] = keptPerDate(findPractitioners);

function findPractitioners(team: TeamMemberFact[], date: IsoDate): Practitioner[] {
  return groupByPerson(team.filter((m) => m.role === 'practitioner' && isActiveOn(m, date)))
    .map((rows) => ({
      ...personRef(rows[0]),
      startDate: rows[0].startDate,
      fte: rows.reduce((sum, r) => sum + r.fte, 0),
      caseload: rows.reduce((sum, r) => sum + r.caseload, 0),
    }))
    .sort(byName);
}

/** A name for someone who may not be on the team (an outside supervisor): their own row if any, else the id. */
export function nameOf(personId: string, team: TeamMemberFact[]): string {
  const rows = team.filter((m) => m.personId === personId).sort(byStart);
  return rows.length > 0 ? rows[rows.length - 1].name : personId;
}

const endOf = (p: PeriodFact): string => p.endDate ?? '9999-12-31';

/** The membership period covering the date; the one running longest when periods overlap. */
export function membershipOn(personId: string, date: IsoDate, memberships: PeriodFact[]): PeriodFact | undefined {
  return memberships
    .filter((m) => m.personId === personId && covers(m.startDate, m.endDate, date))
    .sort((a, b) => compareText(endOf(b), endOf(a)) || compareText(a.startDate, b.startDate))[0];
}

export function isMemberOn(personId: string, date: IsoDate, memberships: PeriodFact[]): boolean {
  return membershipOn(personId, date, memberships) !== undefined;
}

export type CompletionNotCounted = 'trainer_not_accredited' | 'workshop_not_finished';

export interface TrainingRecord {
  /** The earliest completion that counts on the date, or null. */
  completion: CompletionFact | null;
  /** Completions on record that do not count, and why: what a manager needs to see to act. */
  notCounted: { workshopEndDate: IsoDate; trainerName: string; reason: CompletionNotCounted }[];
}

function trainerAccreditedThroughout(c: CompletionFact): boolean {
  // One accreditation period must hold the whole workshop; two periods with a gap between do not.
  return c.trainerAccreditations.some((a) => covers(a.from, a.to, c.workshopStartDate) && covers(a.from, a.to, c.workshopEndDate));
}

function byWorkshop(a: CompletionFact, b: CompletionFact): number {
  return (
    compareText(a.workshopEndDate, b.workshopEndDate) || compareText(a.workshopStartDate, b.workshopStartDate) || compareText(a.trainerName, b.trainerName)
  );
}

export function trainingRecord(personId: string, date: IsoDate, completions: CompletionFact[]): TrainingRecord {
  const own = completions.filter((c) => c.personId === personId).sort(byWorkshop);
  const counts = (c: CompletionFact) => c.workshopEndDate <= date && trainerAccreditedThroughout(c);
  return {
    completion: own.find(counts) ?? null,
    notCounted: own
      .filter((c) => !counts(c))
      .map((c) => ({
        workshopEndDate: c.workshopEndDate,
        trainerName: c.trainerName,
        reason: trainerAccreditedThroughout(c) ? 'workshop_not_finished' : 'trainer_not_accredited',
      })),
  };
}

/** Trained on a date: a workshop ended by then, delivered while its trainer was accredited on its first and last day. */
export function isTrainedOn(personId: string, date: IsoDate, completions: CompletionFact[]): boolean {
  return trainingRecord(personId, date, completions).completion !== null;
}

/** Last day of the induction period: day `inductionDays - 1` counting the start date as day 0. */
export function inductionEnds(startDate: IsoDate, inductionDays: number): IsoDate {
  return addDays(startDate, inductionDays - 1);
}

export function inInductionOn(startDate: IsoDate, date: IsoDate, inductionDays: number): boolean {
  return daysBetween(startDate, date) < inductionDays;
}

/** Qualifications recorded by the date; an undated entry (often "working towards") counts. */
export function qualificationsOn(qualifications: QualificationFact[], date: IsoDate, accept: (q: QualificationFact) => boolean): QualificationFact[] {
  return qualifications.filter((q) => (q.date === null || q.date <= date) && accept(q));
}
