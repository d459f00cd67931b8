// What the rules read: plain rows the database loader fills, one array per kind of fact. Arrays may hold
// rows for anyone and any date, in any order; the rules pick what applies on the check date.
import type { IsoDate } from '@npa/platform';
import type { OfstedGrade, QualificationKind, QualificationStatus, TeamRole } from '@npa/registry';

// The register's kinds of data, named once there.
export type { TeamRole };

/** One person's place in a service's team. A person may hold several rows (a role change, a second post). */
export interface TeamMemberFact {
  memberId: string;
  personId: string;
  name: string;
  role: TeamRole;
  fte: number;
  caseload: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/** An NPA professional membership period. */
export interface PeriodFact {
  personId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/** A Portage Workshop completion; the loader passes only `completed` outcomes that are not superseded. */
export interface CompletionFact {
  personId: string;
  workshopStartDate: IsoDate;
  workshopEndDate: IsoDate;
  trainerName: string;
  trainerAccreditations: { from: IsoDate; to: IsoDate }[];
}

/** One session: individual when it lists one practitioner, group when several. Ids are personIds. */
export interface SupervisionFact {
  date: IsoDate;
  supervisorId: string;
  practitionerIds: string[];
}

/** The NPA induction checklist signed off for a person. */
export interface InductionFact {
  personId: string;
  completedOn: IsoDate;
}

export interface QualificationFact {
  personId: string;
  kind: QualificationKind;
  status: QualificationStatus;
  date: IsoDate | null;
}

export interface TrainerAccreditationFact {
  personId: string;
  from: IsoDate;
  to: IsoDate;
}

/** A regional networking day, regional meeting or the Development Day that someone from the team attended. */
export interface NetworkingFact {
  date: IsoDate;
  event: string;
}

export interface ServiceFacts {
  serviceId: string;
  team: TeamMemberFact[];
  memberships: PeriodFact[];
  completions: CompletionFact[];
  supervision: SupervisionFact[];
  inductions: InductionFact[];
  qualifications: QualificationFact[];
  trainerAccreditations: TrainerAccreditationFact[];
  networking: NetworkingFact[];
}

export interface InspectionFact {
  date: IsoDate;
  grade: OfstedGrade;
}

export interface SettingStaffFact {
  staffId: string;
  personId: string;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface SettingFacts {
  settingId: string;
  /** Headcount the setting declares; decides whether one trained practitioner is enough. */
  staffCount: number;
  staff: SettingStaffFact[];
  memberships: PeriodFact[];
  completions: CompletionFact[];
  inspections: InspectionFact[];
  qualifications: QualificationFact[];
}
