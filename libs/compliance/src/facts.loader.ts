import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IsoDate } from '../../platform/src/dates';
import type { CompletionFact, PeriodFact, QualificationFact, ServiceFacts, SettingFacts, TrainerAccreditationFact } from './rules/facts';

/** null: every service (or setting) on the register. */
type Subjects = string[] | null;

// Completed, current (not superseded) outcomes with their workshop and the trainer's accreditation
// periods; the rules decide whether the trainer covered the workshop's days.
const COMPLETIONS = `
  SELECT o.person_id, w.start_date::text AS workshop_start_date, w.end_date::text AS workshop_end_date, tp.name AS trainer_name,
         COALESCE((SELECT json_agg(json_build_object('from', a.accredited_from, 'to', a.accredited_to))
                     FROM trainer_accreditations a WHERE a.trainer_id = w.trainer_id), '[]') AS accreditations
    FROM workshop_outcomes o
    JOIN workshops w ON w.id = o.workshop_id
    JOIN trainers t ON t.id = w.trainer_id
    JOIN people tp ON tp.id = t.person_id
   WHERE o.outcome = 'completed' AND w.end_date <= $2
     AND NOT EXISTS (SELECT 1 FROM workshop_outcomes later WHERE later.supersedes_id = o.id)
     AND o.person_id IN (PEOPLE)`;

/**
 * Loads the facts the rules read, one query per kind of fact, for one subject or all of them at once,
 * as of a date. Never one query per person: the register is evaluated whole every day.
 */
@Injectable()
export class FactsLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async services(ids: Subjects, asOf: IsoDate): Promise<Map<string, ServiceFacts>> {
    const people = `SELECT person_id FROM team_members WHERE ($1::uuid[] IS NULL OR service_id = ANY($1)) AND start_date <= $2`;
    const args = [ids, asOf];
    const [services, team, memberships, completions, supervision, inductions, qualifications, accreditations, networking] = await Promise.all([
      this.rows<{ id: string }>(`SELECT id FROM services WHERE ($1::uuid[] IS NULL OR id = ANY($1)) AND $2::date IS NOT NULL`, args),
      this.rows<{ member_id: string; service_id: string; person_id: string; name: string; role: string; fte: string; caseload: number; start_date: string; end_date: string | null }>(
        `SELECT tm.id AS member_id, tm.service_id, tm.person_id, p.name, tm.role, tm.fte, tm.caseload, tm.start_date::text, tm.end_date::text
           FROM team_members tm JOIN people p ON p.id = tm.person_id
          WHERE ($1::uuid[] IS NULL OR tm.service_id = ANY($1)) AND tm.start_date <= $2`,
        args,
      ),
      this.periods(people, args),
      this.completions(people, args),
      this.rows<{ service_id: string; date: string; supervisor_id: string; practitioner_ids: string[] }>(
        `SELECT s.service_id, s.date::text, s.supervisor_id, array_agg(sp.practitioner_id) AS practitioner_ids
           FROM supervision_sessions s JOIN supervision_participants sp ON sp.session_id = s.id
          WHERE ($1::uuid[] IS NULL OR s.service_id = ANY($1)) AND s.date <= $2
          GROUP BY s.id`,
        args,
      ),
      this.rows<{ person_id: string; completed_on: string }>(`SELECT person_id, completed_on::text FROM inductions WHERE completed_on <= $2 AND person_id IN (${people})`, args),
      this.qualifications(people, args),
      this.rows<{ person_id: string; from: string; to: string }>(
        `SELECT t.person_id, a.accredited_from::text AS from, a.accredited_to::text AS to
           FROM trainer_accreditations a JOIN trainers t ON t.id = a.trainer_id WHERE t.person_id IN (${people})`,
        args,
      ),
      this.rows<{ service_id: string; date: string; event: string }>(
        `SELECT service_id, date::text, event FROM networking_attendance WHERE ($1::uuid[] IS NULL OR service_id = ANY($1)) AND date <= $2`,
        args,
      ),
    ]);

    const facts = new Map<string, ServiceFacts>();
    for (const { id } of services) {
      facts.set(id, { serviceId: id, team: [], memberships: [], completions: [], supervision: [], inductions: [], qualifications: [], trainerAccreditations: [], networking: [] });
    }
    const personServices = new Map<string, Set<string>>();
    for (const m of team) {
      const service = facts.get(m.service_id);
      if (!service) continue;
      service.team.push({ memberId: m.member_id, personId: m.person_id, name: m.name, role: m.role as 'practitioner', fte: Number(m.fte), caseload: m.caseload, startDate: m.start_date, endDate: m.end_date });
      if (!personServices.has(m.person_id)) personServices.set(m.person_id, new Set());
      personServices.get(m.person_id)!.add(m.service_id);
    }
    // Person-level facts go to every service the person has been on.
    const spread = <T extends { personId: string }>(items: T[], into: (f: ServiceFacts) => T[]) => {
      for (const item of items) for (const serviceId of personServices.get(item.personId) ?? []) into(facts.get(serviceId)!).push(item);
    };
    spread(memberships, (f) => f.memberships);
    spread(completions, (f) => f.completions);
    spread(inductions.map((i) => ({ personId: i.person_id, completedOn: i.completed_on })), (f) => f.inductions);
    spread(qualifications, (f) => f.qualifications);
    spread(accreditations.map((a): TrainerAccreditationFact => ({ personId: a.person_id, from: a.from, to: a.to })), (f) => f.trainerAccreditations);
    for (const s of supervision) facts.get(s.service_id)?.supervision.push({ date: s.date, supervisorId: s.supervisor_id, practitionerIds: s.practitioner_ids });
    for (const n of networking) facts.get(n.service_id)?.networking.push({ date: n.date, event: n.event });
    return facts;
  }

  async settings(ids: Subjects, asOf: IsoDate): Promise<Map<string, SettingFacts>> {
    const people = `SELECT person_id FROM setting_staff WHERE ($1::uuid[] IS NULL OR setting_id = ANY($1)) AND start_date <= $2`;
    const args = [ids, asOf];
    const [settings, staff, memberships, completions, inspections, qualifications] = await Promise.all([
      this.rows<{ id: string; staff_count: number }>(`SELECT id, staff_count FROM settings WHERE ($1::uuid[] IS NULL OR id = ANY($1)) AND $2::date IS NOT NULL`, args),
      this.rows<{ staff_id: string; setting_id: string; person_id: string; name: string; start_date: string; end_date: string | null }>(
        `SELECT s.id AS staff_id, s.setting_id, s.person_id, p.name, s.start_date::text, s.end_date::text
           FROM setting_staff s JOIN people p ON p.id = s.person_id
          WHERE ($1::uuid[] IS NULL OR s.setting_id = ANY($1)) AND s.start_date <= $2`,
        args,
      ),
      this.periods(people, args),
      this.completions(people, args),
      this.rows<{ setting_id: string; date: string; grade: string }>(
        `SELECT setting_id, date::text, grade FROM inspections WHERE ($1::uuid[] IS NULL OR setting_id = ANY($1)) AND date <= $2`,
        args,
      ),
      this.qualifications(people, args),
    ]);
    const facts = new Map<string, SettingFacts>();
    for (const s of settings) facts.set(s.id, { settingId: s.id, staffCount: s.staff_count, staff: [], memberships: [], completions: [], inspections: [], qualifications: [] });
    const personSettings = new Map<string, Set<string>>();
    for (const s of staff) {
      facts.get(s.setting_id)?.staff.push({ staffId: s.staff_id, personId: s.person_id, name: s.name, startDate: s.start_date, endDate: s.end_date });
      if (!personSettings.has(s.person_id)) personSettings.set(s.person_id, new Set());
      personSettings.get(s.person_id)!.add(s.setting_id);
    }
    const spread = <T extends { personId: string }>(items: T[], into: (f: SettingFacts) => T[]) => {
      for (const item of items) for (const settingId of personSettings.get(item.personId) ?? []) into(facts.get(settingId)!).push(item);
    };
    spread(memberships, (f) => f.memberships);
    spread(completions, (f) => f.completions);
    spread(qualifications, (f) => f.qualifications);
    for (const i of inspections) facts.get(i.setting_id)?.inspections.push({ date: i.date, grade: i.grade as 'good' });
    return facts;
  }

  private async periods(people: string, args: unknown[]): Promise<PeriodFact[]> {
    const rows = await this.rows<{ person_id: string; start_date: string; end_date: string }>(
      `SELECT person_id, start_date::text, end_date::text FROM memberships WHERE start_date <= $2 AND person_id IN (${people})`,
      args,
    );
    return rows.map((r) => ({ personId: r.person_id, startDate: r.start_date, endDate: r.end_date }));
  }

  private async completions(people: string, args: unknown[]): Promise<CompletionFact[]> {
    const rows = await this.rows<{ person_id: string; workshop_start_date: string; workshop_end_date: string; trainer_name: string; accreditations: { from: string; to: string }[] }>(
      COMPLETIONS.replace('PEOPLE', people),
      args,
    );
    return rows.map((r) => ({
      personId: r.person_id,
      workshopStartDate: r.workshop_start_date,
      workshopEndDate: r.workshop_end_date,
      trainerName: r.trainer_name,
      trainerAccreditations: r.accreditations,
    }));
  }

  private async qualifications(people: string, args: unknown[]): Promise<QualificationFact[]> {
    const rows = await this.rows<{ person_id: string; kind: string; status: string; date: string | null }>(
      `SELECT person_id, kind, status, date::text FROM qualifications WHERE person_id IN (${people})`,
      args,
    );
    return rows.map((r) => ({ personId: r.person_id, kind: r.kind as 'level3', status: r.status as 'achieved', date: r.date }));
  }

  private rows<T>(sql: string, args: unknown[]): Promise<T[]> {
    return this.dataSource.query<T[]>(sql, args);
  }
}
