import { isIsoDate, type IsoDate } from '@npa/platform';
import { OUTCOMES, type OutcomeKind } from '@npa/training';
import { SETTING_KINDS, type SettingKind, TEAM_ROLES, type TeamRole } from '@npa/registry';
import { CellReader, type Parsed } from './cell-reader';
import type { Cells } from './csv-table';

// One parser per kind of file: cells in, a typed row or every problem out. No database here; what a
// row refers to (a service, a person) is looked up for the whole file at once by the importers.

export interface PersonRow {
  name: string;
  email: string;
}

export interface TeamRow {
  serviceNumber: string;
  email: string;
  role: TeamRole;
  fte: number;
  caseload: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface MembershipRow {
  email: string;
  number: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface CompletionRow {
  workshopId: string;
  email: string;
  outcome: OutcomeKind;
  /** Only needed, and only used, for someone not yet on the register. */
  name: string | null;
}

export interface SettingRow {
  name: string;
  ofstedUrn: string;
  kind: SettingKind;
  staffCount: number;
  localArea: string | null;
}

export interface SupervisionRow {
  serviceNumber: string;
  date: IsoDate;
  supervisorEmail: string;
  practitionerEmails: string[];
}

// The same as CreateSettingDto's: six or seven digits, or EY/SC followed by digits.
const OFSTED_URN = /^(EY|SC)?\d{6,7}$/;
const MAX_PRACTITIONERS = 100;

/** Registration numbers are issued in capitals (NPA-S-00001); a typed lower-case one still matches. */
const registrationNumber = (reader: CellReader, column: string) => reader.text(column, 50).toUpperCase();

export function parsePersonRow(cells: Cells): Parsed<PersonRow> {
  const reader = new CellReader(cells);
  return reader.result({ name: reader.text('name', 200), email: reader.email('email') });
}

export function parseTeamRow(cells: Cells): Parsed<TeamRow> {
  const reader = new CellReader(cells);
  const row: TeamRow = {
    serviceNumber: registrationNumber(reader, 'service_registration_number'),
    email: reader.email('email'),
    role: reader.oneOf('role', TEAM_ROLES),
    fte: reader.fte('fte'),
    caseload: reader.integer('caseload', 0, 100),
    startDate: reader.date('start_date'),
    endDate: reader.optionalDate('end_date'),
  };
  reader.inOrder(row.startDate, row.endDate, { start: 'start_date', end: 'end_date' });
  return reader.result(row);
}

export function parseMembershipRow(cells: Cells): Parsed<MembershipRow> {
  const reader = new CellReader(cells);
  const row: MembershipRow = {
    email: reader.email('email'),
    number: reader.text('number', 50),
    startDate: reader.date('start_date'),
    endDate: reader.date('end_date'),
  };
  reader.inOrder(row.startDate, row.endDate, { start: 'start_date', end: 'end_date' });
  return reader.result(row);
}

export function parseCompletionRow(cells: Cells): Parsed<CompletionRow> {
  const reader = new CellReader(cells);
  return reader.result({
    workshopId: reader.uuid('workshop_id'),
    email: reader.email('email'),
    outcome: reader.oneOf('outcome', OUTCOMES),
    name: reader.optionalText('name', 200),
  });
}

export function parseSettingRow(cells: Cells): Parsed<SettingRow> {
  const reader = new CellReader(cells);
  const ofstedUrn = reader.text('ofsted_urn', 20).toUpperCase();
  if (ofstedUrn !== '' && ofstedUrn.length <= 20 && !OFSTED_URN.test(ofstedUrn))
    reader.fail('ofsted_urn', `"${ofstedUrn}" is not an Ofsted URN such as EY123456 or 1234567`);
  return reader.result({
    name: reader.text('name', 200),
    ofstedUrn,
    kind: reader.oneOf('kind', SETTING_KINDS),
    staffCount: reader.integer('staff_count', 1, 1000),
    localArea: reader.optionalText('local_area', 200),
  });
}

/** practitioner_emails holds one address (an individual session) or several separated by ";" (a group). */
export function parseSupervisionRow(cells: Cells, today: IsoDate): Parsed<SupervisionRow> {
  const reader = new CellReader(cells);
  const date = reader.date('date');
  if (isIsoDate(date) && date > today) reader.fail('date', `(${date}) is in the future; record sessions that have happened`);
  const practitionerEmails = reader.emailList('practitioner_emails', MAX_PRACTITIONERS);
  return reader.result({
    serviceNumber: registrationNumber(reader, 'service_registration_number'),
    date,
    supervisorEmail: reader.email('supervisor_email'),
    practitionerEmails,
  });
}
