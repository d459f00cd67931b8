import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AwardsService, awardOn, awardStatus, type AwardPeriod } from '@npa/approval';
import { FactsLoader, RuleParametersService } from '@npa/compliance';
import type { RuleParams } from '@npa/compliance';
import { AppConfig, addDays, daysBetween, todayIn, type IsoDate } from '@npa/platform';
import {
  awaitingReviewDue,
  awaitingReviewDueDates,
  dueWithCatchUp,
  expiredDue,
  inductionOverdueDue,
  informationRequestedDue,
  membershipExpiringDue,
  renewalDue,
  supervisionDue,
  supervisionSince,
} from './due-dates';
import { reminderKey, type DueReminder, type ReminderIdentity, type ReminderRecipient, type StillDue } from './due-reminder';
import { ReminderRecipients, type FoundReminder } from './recipients';
import { ReturnReminderFinder } from './return-reminders';
import { DEFAULT_REMINDER_OFFSETS, type ReminderOffsets } from './reminder-kinds';

interface AwardRow {
  id: string;
  setting_id: string;
  setting_name: string;
  awarded_on: string;
  starts_on: string;
  expires_on: string;
}

interface ServiceRef {
  id: string;
  name: string;
}

const AWARD_COLUMNS = `a.id, a.setting_id, s.name AS setting_name, a.awarded_on::text, a.starts_on::text, a.expires_on::text`;

/** Active on $1: the post or period covers the sweep's date. */
const ACTIVE = (alias: string) => `${alias}.start_date <= $1 AND (${alias}.end_date IS NULL OR ${alias}.end_date >= $1)`;

/** id and name of the services in an array expression, ordered by id. */
const SERVICES_JSON = (ids: string) =>
  `COALESCE((SELECT json_agg(json_build_object('id', sv.id, 'name', sv.name) ORDER BY sv.id) FROM services sv WHERE sv.id = ANY(${ids})), '[]')`;

const STATE_WORDS: Record<string, string> = {
  draft: 'a draft again',
  submitted: 'submitted',
  under_review: 'under review',
  information_requested: 'waiting for information from the setting',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

const period = (a: AwardRow): AwardPeriod => ({ id: a.id, awardedOn: a.awarded_on, startsOn: a.starts_on, expiresOn: a.expires_on });

const notDue = (reason: string): StillDue => ({ due: false, reason });
const DUE: StillDue = { due: true };

/**
 * Finds the reminders due on a date, for the daily sweep: one set-based query per kind (or family of
 * kinds sharing their rows), the due dates decided by the plain functions of due-dates.ts, and the users
 * looked up in one query at the end. `stillDue` checks one reminder again when it is about to be sent.
 */
@Injectable()
export class ReminderFinder {
  readonly offsets: Readonly<ReminderOffsets> = DEFAULT_REMINDER_OFFSETS;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: FactsLoader,
    private readonly parameters: RuleParametersService,
    private readonly awards: AwardsService,
    private readonly recipients: ReminderRecipients,
    private readonly config: AppConfig,
    private readonly returns: ReturnReminderFinder,
  ) {}

  async due(asOf: IsoDate): Promise<DueReminder[]> {
    const { params } = await this.parameters.current();
    const found = await Promise.all([
      this.awardRenewals(asOf, params.renewalWindowDays),
      this.awardsExpired(asOf),
      this.awardsAtRisk(asOf, params),
      this.membershipsExpiring(asOf),
      this.supervision(asOf),
      this.inductionsOverdue(asOf, params.inductionDays),
      this.applicationsAwaitingReview(asOf),
      this.informationRequested(asOf),
      this.returns.due(asOf, this.offsets),
    ]);
    const reminders = await this.recipients.resolve(found.flat());
    return reminders.sort((a, b) => (reminderKey(a) < reminderKey(b) ? -1 : reminderKey(a) > reminderKey(b) ? 1 : 0));
  }

  /** Renewal reminders (90, 30, 7 days before expiry) of awards not yet renewed. */
  private async awardRenewals(asOf: IsoDate, renewalWindowDays: number): Promise<FoundReminder[]> {
    const longest = Math.max(...Object.values(this.offsets.renewalDaysBefore));
    const rows = await this.rows<AwardRow>(
      `SELECT ${AWARD_COLUMNS} FROM awards a JOIN settings s ON s.id = a.setting_id
        WHERE a.awarded_on <= $1 AND a.expires_on >= $1 AND a.expires_on - $2::int <= $1
          AND NOT EXISTS (SELECT 1 FROM awards r WHERE r.setting_id = a.setting_id AND r.awarded_on <= $1 AND r.starts_on > a.starts_on)`,
      [asOf, longest],
    );
    return rows.flatMap((a) => {
      const due = renewalDue({ expiresOn: a.expires_on }, asOf, this.offsets);
      if (!due) return [];
      const renewalOpensOn = addDays(a.expires_on, -renewalWindowDays);
      return [
        {
          ...this.awardSubject(a, due.kind, due.dueOn),
          facts: {
            settingName: a.setting_name,
            awardStartsOn: a.starts_on,
            awardExpiresOn: a.expires_on,
            daysLeft: daysBetween(due.dueOn, a.expires_on),
            whatToDo: `Open a renewal application for the Stamp of Approval and submit it before ${a.expires_on} (renewal applications open from ${renewalOpensOn}).`,
          },
        },
      ];
    });
  }

  /** Awards that expired yesterday (or within the catch-up window) with no award in force today. */
  private async awardsExpired(asOf: IsoDate): Promise<FoundReminder[]> {
    const rows = await this.rows<AwardRow>(
      `SELECT ${AWARD_COLUMNS} FROM awards a JOIN settings s ON s.id = a.setting_id
        WHERE a.awarded_on <= $1 AND a.expires_on + $2::int BETWEEN $1::date - $3::int AND $1::date
          AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.setting_id = a.setting_id AND c.awarded_on <= $1 AND c.starts_on <= $1 AND c.expires_on >= $1)`,
      [asOf, this.offsets.expiredDaysAfter, this.offsets.catchUpDays],
    );
    return rows.flatMap((a) => {
      const dueOn = expiredDue({ expiresOn: a.expires_on }, asOf, this.offsets);
      if (!dueOn) return [];
      return [
        {
          ...this.awardSubject(a, 'award-expired', dueOn),
          facts: {
            settingName: a.setting_name,
            awardStartsOn: a.starts_on,
            awardExpiresOn: a.expires_on,
            whatToDo: `The Stamp of Approval ended on ${a.expires_on} and the setting is no longer on the public register of approved settings. Apply for a new Stamp of Approval to be listed again.`,
          },
        },
      ];
    });
  }

  /** Awards in force today that are at risk, from the day they became so. */
  private async awardsAtRisk(asOf: IsoDate, params: RuleParams): Promise<FoundReminder[]> {
    const rows = await this.rows<AwardRow>(
      `SELECT ${AWARD_COLUMNS} FROM awards a JOIN settings s ON s.id = a.setting_id
        WHERE a.setting_id IN (SELECT setting_id FROM awards WHERE awarded_on <= $1 AND starts_on <= $1 AND expires_on >= $1)
        ORDER BY a.starts_on`,
      [asOf],
    );
    if (rows.length === 0) return [];
    const bySetting = new Map<string, AwardRow[]>();
    for (const a of rows) bySetting.set(a.setting_id, [...(bySetting.get(a.setting_id) ?? []), a]);
    const facts = await this.facts.settings([...bySetting.keys()], asOf);
    return [...bySetting.entries()].flatMap(([settingId, awards]) => {
      const settingFacts = facts.get(settingId);
      if (!settingFacts) return [];
      const status = awardStatus(awards.map(period), settingFacts, params, asOf);
      const dueOn = status.atRisk && dueWithCatchUp(status.atRisk.since, asOf, this.offsets);
      if (!status.atRisk || !dueOn || !status.awardId) return [];
      const award = awards.find((a) => a.id === status.awardId)!;
      return [
        {
          ...this.awardSubject(award, 'award-at-risk', dueOn),
          facts: {
            settingName: award.setting_name,
            awardExpiresOn: award.expires_on,
            atRiskSince: status.atRisk.since,
            mustPutRightBy: status.atRisk.mustPutRightBy,
            failing: status.atRisk.failing,
            whatToDo: `${status.atRisk.failing.map((f) => f.explanation).join(' ')} Put this right by ${status.atRisk.mustPutRightBy} to keep the Stamp of Approval.`,
          },
        },
      ];
    });
  }

  /** Memberships ending in 30 days that no other membership of the person continues. */
  private async membershipsExpiring(asOf: IsoDate): Promise<FoundReminder[]> {
    const rows = await this.rows<{
      id: string;
      person_id: string;
      name: string;
      email: string;
      number: string;
      end_date: string;
      services: ServiceRef[];
      setting_id: string | null;
    }>(
      `SELECT m.id, m.person_id, p.name, p.email, m.number, m.end_date::text,
              ${SERVICES_JSON(`ARRAY(SELECT tm.service_id FROM team_members tm WHERE tm.person_id = m.person_id AND ${ACTIVE('tm')})`)} AS services,
              (SELECT ss.setting_id::text FROM setting_staff ss WHERE ss.person_id = m.person_id AND ${ACTIVE('ss')} ORDER BY ss.setting_id LIMIT 1) AS setting_id
         FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.end_date >= $1 AND m.end_date - $2::int BETWEEN $1::date - $3::int AND $1::date
          AND NOT EXISTS (SELECT 1 FROM memberships n WHERE n.person_id = m.person_id AND n.id <> m.id AND n.start_date <= m.end_date + 1 AND n.end_date >= m.end_date + 1)`,
      [asOf, this.offsets.membershipExpiringDaysBefore, this.offsets.catchUpDays],
    );
    return rows.flatMap((m) => {
      const dueOn = membershipExpiringDue({ endDate: m.end_date }, asOf, this.offsets);
      if (!dueOn) return [];
      const organisation =
        m.services.length > 0 ? { kind: 'service' as const, id: m.services[0].id } : m.setting_id ? { kind: 'setting' as const, id: m.setting_id } : null;
      return [
        {
          kind: 'membership-expiring' as const,
          subjectKind: 'membership' as const,
          subjectId: m.id,
          dueOn,
          organisation,
          serviceIds: m.services.map((s) => s.id),
          people: [{ email: m.email, name: m.name }],
          facts: {
            memberName: m.name,
            personId: m.person_id,
            membershipNumber: m.number,
            membershipEndsOn: m.end_date,
            services: m.services,
            whatToDo: `Renew NPA professional membership before ${m.end_date}, so that ${m.name} still counts as a current NPA member.`,
          },
        },
      ];
    });
  }

  /**
   * Supervision due (10 days) and overdue (15 days) for every active practitioner, counted from their
   * latest session in any service, or from their start date. One query for both kinds.
   */
  private async supervision(asOf: IsoDate): Promise<FoundReminder[]> {
    const rows = await this.rows<{
      person_id: string;
      name: string;
      start_date: string;
      last_session: string | null;
      session_service_id: string | null;
      supervisor_name: string | null;
      supervisor_email: string | null;
      team_supervisors: ReminderRecipient[];
      services: ServiceRef[];
    }>(
      `WITH practitioners AS (
         SELECT tm.person_id, min(tm.start_date) AS start_date, array_agg(DISTINCT tm.service_id) AS service_ids
           FROM team_members tm
          WHERE tm.role = 'practitioner' AND ${ACTIVE('tm')}
          GROUP BY tm.person_id
       ), last_sessions AS (
         SELECT DISTINCT ON (sp.practitioner_id) sp.practitioner_id, s.date, s.supervisor_id, s.service_id
           FROM supervision_participants sp JOIN supervision_sessions s ON s.id = sp.session_id
          WHERE s.date <= $1 AND sp.practitioner_id IN (SELECT person_id FROM practitioners)
          ORDER BY sp.practitioner_id, s.date DESC, s.id
       )
       SELECT p.person_id, pe.name, p.start_date::text, l.date::text AS last_session, l.service_id::text AS session_service_id,
              sup.name AS supervisor_name, sup.email AS supervisor_email,
              COALESCE((SELECT json_agg(json_build_object('name', sp2.name, 'email', sp2.email) ORDER BY sp2.name, sp2.email) FROM people sp2
                         WHERE sp2.id IN (SELECT st.person_id FROM team_members st WHERE st.role = 'supervisor' AND st.service_id = ANY(p.service_ids) AND ${ACTIVE('st')})), '[]') AS team_supervisors,
              ${SERVICES_JSON('p.service_ids')} AS services
         FROM practitioners p
         JOIN people pe ON pe.id = p.person_id
         LEFT JOIN last_sessions l ON l.practitioner_id = p.person_id
         LEFT JOIN people sup ON sup.id = l.supervisor_id
        WHERE GREATEST(l.date, p.start_date) BETWEEN $1::date - $2::int AND $1::date - $3::int`,
      [asOf, this.offsets.supervisionOverdueDays + this.offsets.catchUpDays, this.offsets.supervisionDueDays],
    );
    return rows.flatMap((p) => {
      const due = supervisionDue(p.last_session, p.start_date, asOf, this.offsets);
      if (!due) return [];
      // The session's supervisor; with no session since the start, the team's supervisors.
      const counted = p.last_session !== null && p.last_session >= p.start_date;
      const supervisors = counted && p.supervisor_email ? [{ email: p.supervisor_email, name: p.supervisor_name ?? p.supervisor_email }] : p.team_supervisors;
      const serviceId = counted && p.services.some((s) => s.id === p.session_service_id) ? p.session_service_id! : p.services[0].id;
      const by = addDays(due.since, this.offsets.supervisionOverdueDays - 1);
      return [
        {
          kind: due.kind,
          subjectKind: 'person' as const,
          subjectId: p.person_id,
          dueOn: due.dueOn,
          organisation: { kind: 'service' as const, id: serviceId },
          serviceIds: p.services.map((s) => s.id),
          people: supervisors,
          facts: {
            practitionerName: p.name,
            startDate: p.start_date,
            lastSession: counted ? p.last_session : null,
            supervisorName: counted ? p.supervisor_name : null,
            services: p.services,
            daysSince: daysBetween(due.since, due.dueOn),
            whatToDo:
              due.kind === 'supervision-due'
                ? `Hold a supervision session with ${p.name} by ${by} and record it in the supervision log.`
                : `${p.name} has had no supervision since ${due.since}, more than a fortnight. Hold a session as soon as possible and record it in the supervision log.`,
          },
        },
      ];
    });
  }

  /** Practitioners whose induction period ended without the NPA induction checklist. */
  private async inductionsOverdue(asOf: IsoDate, inductionDays: number): Promise<FoundReminder[]> {
    const rows = await this.rows<{ person_id: string; name: string; start_date: string; services: ServiceRef[] }>(
      `SELECT q.person_id, q.name, q.start_date::text, ${SERVICES_JSON('q.service_ids')} AS services
         FROM (SELECT tm.person_id, pe.name, min(tm.start_date) AS start_date, array_agg(DISTINCT tm.service_id) AS service_ids
                 FROM team_members tm JOIN people pe ON pe.id = tm.person_id
                WHERE tm.role = 'practitioner' AND ${ACTIVE('tm')}
                GROUP BY tm.person_id, pe.name
               HAVING min(tm.start_date) + $2::int BETWEEN $1::date - $3::int AND $1::date) q
        WHERE NOT EXISTS (SELECT 1 FROM inductions i WHERE i.person_id = q.person_id AND i.completed_on <= $1)`,
      [asOf, inductionDays, this.offsets.catchUpDays],
    );
    return rows.flatMap((p) => {
      const dueOn = inductionOverdueDue(p.start_date, null, inductionDays, asOf, this.offsets);
      if (!dueOn) return [];
      return [
        {
          kind: 'induction-overdue' as const,
          subjectKind: 'person' as const,
          subjectId: p.person_id,
          dueOn,
          organisation: { kind: 'service' as const, id: p.services[0].id },
          serviceIds: p.services.map((s) => s.id),
          facts: {
            practitionerName: p.name,
            startDate: p.start_date,
            inductionEnded: addDays(p.start_date, inductionDays - 1),
            services: p.services,
            whatToDo: `Complete the NPA induction checklist with ${p.name} and record the date it was completed.`,
          },
        },
      ];
    });
  }

  /** Applications still submitted 10 working days after their latest submission, then weekly. */
  private async applicationsAwaitingReview(asOf: IsoDate): Promise<FoundReminder[]> {
    // Ten working days are never fewer than ten calendar days: the SQL narrows, due-dates.ts decides.
    const rows = await this.rows<{ id: string; setting_id: string; setting_name: string; kind: string; submitted_at: Date }>(
      `SELECT a.id, a.setting_id, s.name AS setting_name, a.kind, a.submitted_at
         FROM applications a JOIN settings s ON s.id = a.setting_id
        WHERE a.state = 'submitted' AND a.submitted_at IS NOT NULL AND (a.submitted_at AT TIME ZONE $3)::date <= $1::date - $2::int`,
      [asOf, this.offsets.awaitingReviewWorkingDays, this.config.TIME_ZONE],
    );
    return rows.flatMap((a) => {
      const submittedOn = todayIn(this.config.TIME_ZONE, a.submitted_at);
      const dueOn = awaitingReviewDue(submittedOn, asOf, this.offsets);
      if (!dueOn) return [];
      return [
        {
          kind: 'application-awaiting-review' as const,
          subjectKind: 'application' as const,
          subjectId: a.id,
          dueOn,
          organisation: { kind: 'setting' as const, id: a.setting_id },
          facts: {
            settingName: a.setting_name,
            applicationKind: a.kind,
            submittedOn,
            daysWaiting: daysBetween(submittedOn, dueOn),
            whatToDo: `Take ${a.setting_name}'s application from the review queue and start the review; it was submitted on ${submittedOn}.`,
          },
        },
      ];
    });
  }

  /** Applications waiting for the setting 14 days after the latest request for information. */
  private async informationRequested(asOf: IsoDate): Promise<FoundReminder[]> {
    const rows = await this.rows<{ id: string; setting_id: string; setting_name: string; requested_at: Date; message: string | null }>(
      `SELECT a.id, a.setting_id, s.name AS setting_name, e.at AS requested_at, e.message
         FROM applications a JOIN settings s ON s.id = a.setting_id
         JOIN LATERAL (SELECT ev.at, ev.message FROM application_events ev
                        WHERE ev.application_id = a.id AND ev.action = 'request-information'
                        ORDER BY ev.at DESC, ev.id DESC LIMIT 1) e ON true
        WHERE a.state = 'information_requested'
          AND (e.at AT TIME ZONE $4)::date BETWEEN $1::date - $2::int AND $1::date - $3::int`,
      [asOf, this.offsets.informationRequestedDays + this.offsets.catchUpDays, this.offsets.informationRequestedDays, this.config.TIME_ZONE],
    );
    return rows.flatMap((a) => {
      const requestedOn = todayIn(this.config.TIME_ZONE, a.requested_at);
      const dueOn = informationRequestedDue(requestedOn, asOf, this.offsets);
      if (!dueOn) return [];
      return [
        {
          kind: 'information-requested-no-answer' as const,
          subjectKind: 'application' as const,
          subjectId: a.id,
          dueOn,
          organisation: { kind: 'setting' as const, id: a.setting_id },
          facts: {
            settingName: a.setting_name,
            requestedOn,
            request: a.message,
            whatToDo: 'Answer the NPA reviewer\u2019s request for information on your Stamp of Approval application, then submit it again.',
          },
        },
      ];
    });
  }

  private awardSubject(a: AwardRow, kind: FoundReminder['kind'], dueOn: IsoDate) {
    return { kind, subjectKind: 'award' as const, subjectId: a.id, dueOn, organisation: { kind: 'setting' as const, id: a.setting_id } };
  }

  /** Checks one reminder again just before it is sent: has what it asks for already been done? */
  async stillDue(r: ReminderIdentity, today: IsoDate): Promise<StillDue> {
    switch (r.kind) {
      case 'award-renewal-90':
      case 'award-renewal-30':
      case 'award-renewal-7':
        return this.renewalStillDue(r.subjectId, today);
      case 'award-expired':
        return this.expiredStillDue(r.subjectId, today);
      case 'award-at-risk':
        return this.atRiskStillDue(r.subjectId, r.dueOn, today);
      case 'membership-expiring':
        return this.membershipStillDue(r.subjectId, r.dueOn, today);
      case 'supervision-due':
      case 'supervision-overdue':
        return this.supervisionStillDue(r.subjectId, supervisionSince(r.kind, r.dueOn, this.offsets), today);
      case 'induction-overdue':
        return this.inductionStillDue(r.subjectId, today);
      case 'application-awaiting-review':
        return this.awaitingReviewStillDue(r.subjectId, r.dueOn);
      case 'information-requested-no-answer':
        return this.informationStillDue(r.subjectId, r.dueOn);
      case 'return-window-open':
      case 'return-due-soon':
      case 'return-overdue':
        return this.returns.stillDue(r);
    }
  }

  private async award(id: string): Promise<AwardRow | undefined> {
    const [row] = await this.rows<AwardRow>(`SELECT ${AWARD_COLUMNS} FROM awards a JOIN settings s ON s.id = a.setting_id WHERE a.id = $1`, [id]);
    return row;
  }

  private async renewalStillDue(awardId: string, today: IsoDate): Promise<StillDue> {
    const award = await this.award(awardId);
    if (!award) return notDue('The award no longer exists.');
    const [renewal] = await this.rows<{ awarded_on: string; expires_on: string }>(
      `SELECT awarded_on::text, expires_on::text FROM awards WHERE setting_id = $1 AND awarded_on <= $2 AND starts_on > $3 ORDER BY awarded_on, starts_on LIMIT 1`,
      [award.setting_id, today, award.starts_on],
    );
    if (renewal) return notDue(`The award was renewed on ${renewal.awarded_on} until ${renewal.expires_on}.`);
    if (today > award.expires_on) return notDue(`The award expired on ${award.expires_on} before the reminder was sent.`);
    return DUE;
  }

  private async expiredStillDue(awardId: string, today: IsoDate): Promise<StillDue> {
    const award = await this.award(awardId);
    if (!award) return notDue('The award no longer exists.');
    const current = awardOn(await this.awards.periods(award.setting_id), today);
    if (current)
      return notDue(`A Stamp of Approval awarded on ${current.awardedOn} covers ${today}: it runs from ${current.startsOn} until ${current.expiresOn}.`);
    return DUE;
  }

  private async atRiskStillDue(awardId: string, since: IsoDate, today: IsoDate): Promise<StillDue> {
    const award = await this.award(awardId);
    if (!award) return notDue('The award no longer exists.');
    const status = await this.awards.status(award.setting_id, today);
    if (status.awardId !== awardId || status.state === 'expired' || status.state === 'none')
      return notDue(`The award that was at risk is no longer in force on ${today}.`);
    if (!status.atRisk) return notDue(`The award is no longer at risk: the setting meets SA-TRAINED and SA-MEMBER again on ${today}.`);
    if (status.atRisk.since !== since)
      return notDue(`The award's time at risk that began on ${since} ended; it has been at risk again since ${status.atRisk.since}.`);
    return DUE;
  }

  private async membershipStillDue(membershipId: string, dueOn: IsoDate, today: IsoDate): Promise<StillDue> {
    const [m] = await this.rows<{ person_id: string; name: string; end_date: string }>(
      `SELECT m.person_id, p.name, m.end_date::text FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.id = $1`,
      [membershipId],
    );
    if (!m) return notDue('The membership no longer exists.');
    const [renewal] = await this.rows<{ number: string; start_date: string; end_date: string }>(
      `SELECT number, start_date::text, end_date::text FROM memberships
        WHERE person_id = $1 AND id <> $2 AND start_date <= $3::date + 1 AND end_date >= $3::date + 1 ORDER BY end_date DESC LIMIT 1`,
      [m.person_id, membershipId, m.end_date],
    );
    if (renewal)
      return notDue(`${m.name}'s NPA membership was renewed: membership ${renewal.number} runs from ${renewal.start_date} until ${renewal.end_date}.`);
    if (addDays(m.end_date, -this.offsets.membershipExpiringDaysBefore) !== dueOn) return notDue(`The membership's end date has changed to ${m.end_date}.`);
    if (today > m.end_date) return notDue(`The membership ended on ${m.end_date} before the reminder was sent.`);
    return DUE;
  }

  /** The practitioner's name, and whether they are still a practitioner in a team today. */
  private async practitioner(personId: string, today: IsoDate): Promise<{ name: string; active: boolean } | undefined> {
    const [row] = await this.rows<{ name: string; active: boolean }>(
      `SELECT p.name, EXISTS (SELECT 1 FROM team_members tm WHERE tm.person_id = p.id AND tm.role = 'practitioner' AND ${ACTIVE('tm')}) AS active
         FROM people p WHERE p.id = $2`,
      [today, personId],
    );
    return row;
  }

  private async supervisionStillDue(personId: string, since: IsoDate, today: IsoDate): Promise<StillDue> {
    const person = await this.practitioner(personId, today);
    if (!person) return notDue('The practitioner is no longer on the register.');
    const [session] = await this.rows<{ date: string }>(
      `SELECT s.date::text FROM supervision_sessions s JOIN supervision_participants sp ON sp.session_id = s.id
        WHERE sp.practitioner_id = $1 AND s.date > $2 AND s.date <= $3 ORDER BY s.date DESC LIMIT 1`,
      [personId, since, today],
    );
    if (session) return notDue(`A supervision session with ${person.name} on ${session.date} has been logged since.`);
    if (!person.active) return notDue(`${person.name} is no longer a practitioner in any team on ${today}.`);
    return DUE;
  }

  private async inductionStillDue(personId: string, today: IsoDate): Promise<StillDue> {
    const person = await this.practitioner(personId, today);
    if (!person) return notDue('The practitioner is no longer on the register.');
    const [induction] = await this.rows<{ completed_on: string }>(
      `SELECT completed_on::text FROM inductions WHERE person_id = $1 AND completed_on <= $2 ORDER BY completed_on LIMIT 1`,
      [personId, today],
    );
    if (induction) return notDue(`${person.name} completed the NPA induction checklist on ${induction.completed_on}.`);
    if (!person.active) return notDue(`${person.name} is no longer a practitioner in any team on ${today}.`);
    return DUE;
  }

  private async application(id: string) {
    const [row] = await this.rows<{ state: string; submitted_at: Date | null; requested_at: Date | null }>(
      `SELECT a.state, a.submitted_at,
              (SELECT max(ev.at) FROM application_events ev WHERE ev.application_id = a.id AND ev.action = 'request-information') AS requested_at
         FROM applications a WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  private async awaitingReviewStillDue(applicationId: string, dueOn: IsoDate): Promise<StillDue> {
    const a = await this.application(applicationId);
    if (!a) return notDue('The application no longer exists.');
    if (a.state !== 'submitted' || !a.submitted_at) return notDue(`The application is no longer waiting for review: it is ${STATE_WORDS[a.state] ?? a.state}.`);
    const submittedOn = todayIn(this.config.TIME_ZONE, a.submitted_at);
    if (!awaitingReviewDueDates(submittedOn, this.offsets).includes(dueOn))
      return notDue(`The application was submitted again on ${submittedOn}; its reminders count from then.`);
    return DUE;
  }

  private async informationStillDue(applicationId: string, dueOn: IsoDate): Promise<StillDue> {
    const a = await this.application(applicationId);
    if (!a) return notDue('The application no longer exists.');
    if (a.state !== 'information_requested' || !a.requested_at)
      return notDue(`The setting has answered: the application is ${STATE_WORDS[a.state] ?? a.state}.`);
    const requestedOn = todayIn(this.config.TIME_ZONE, a.requested_at);
    if (addDays(requestedOn, this.offsets.informationRequestedDays) !== dueOn)
      return notDue(`The NPA asked again on ${requestedOn}; the reminder counts from then.`);
    return DUE;
  }

  private rows<T>(sql: string, args: unknown[]): Promise<T[]> {
    return this.dataSource.query<T[]>(sql, args);
  }
}
