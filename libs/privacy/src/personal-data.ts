/**
 * Where the register holds something about a person, column by column: how a subject access request
 * finds the person's rows by it, and what retention does to it once the person is anonymised. Each
 * slice declares its own tables' columns (its personal-data.ts); this collects them, one line a slice.
 * test/personal-data.e2e-spec.ts reads the schema and fails when a column that refers to people or users
 * (a foreign key to them, an email, a person-like id, a name, any jsonb) is neither in PERSONAL_DATA nor
 * in NOT_PERSONAL with a reason, so a new table cannot be forgotten.
 */
import { APPROVAL_PERSONAL_DATA } from '@npa/approval';
import { COMPLIANCE_PERSONAL_DATA } from '@npa/compliance';
import { LETTERS_PERSONAL_DATA } from '@npa/letters';
import { AUDIT_PERSONAL_DATA, PLATFORM_PERSONAL_DATA, type NotPersonalColumn, type PersonalColumn, type PersonalDataDeclaration } from '@npa/platform';
import { REGISTRY_PERSONAL_DATA } from '@npa/registry';
import { REMINDERS_PERSONAL_DATA } from '@npa/reminders';
import { RETURNS_PERSONAL_DATA } from '@npa/returns';
import { SUPERVISION_PERSONAL_DATA } from '@npa/supervision';
import { TRAINING_PERSONAL_DATA } from '@npa/training';

export type { Find, PersonalColumn, Retention } from '@npa/platform';

/**
 * The slices' columns in one list, the people's and accounts' own names and addresses first (subject
 * access finds the person by them, and reports them first), then each slice's in order. Refused when a
 * column is declared twice or a `via` names a table not searched before it.
 */
export function collectPersonalData(declarations: readonly PersonalDataDeclaration[]): {
  personal: readonly PersonalColumn[];
  notPersonal: readonly NotPersonalColumn[];
} {
  const declared = declarations.flatMap((d) => d.personal);
  const personal = [...declared.filter((c) => c.retention === 'anonymise'), ...declared.filter((c) => c.retention !== 'anonymise')];
  const notPersonal = declarations.flatMap((d) => d.notPersonal ?? []);
  const seen = new Set<string>();
  for (const c of [...personal, ...notPersonal]) {
    const key = `${c.table}.${c.column}`;
    if (seen.has(key)) throw new Error(`PERSONAL_DATA: ${key} is declared twice`);
    seen.add(key);
  }
  personal.forEach((c, i) => {
    if (typeof c.find === 'object' && !personal.slice(0, i).some((e) => e.table === (c.find as { via: string }).via && e.find))
      throw new Error(`PERSONAL_DATA: ${c.table}.${c.column} follows ${c.find.via}, which is not searched before it`);
  });
  return { personal, notPersonal };
}

// In the order subject access searches: letters after the reminders they follow, the audit log last.
const COLLECTED = collectPersonalData([
  REGISTRY_PERSONAL_DATA,
  PLATFORM_PERSONAL_DATA,
  SUPERVISION_PERSONAL_DATA,
  TRAINING_PERSONAL_DATA,
  APPROVAL_PERSONAL_DATA,
  COMPLIANCE_PERSONAL_DATA,
  REMINDERS_PERSONAL_DATA,
  LETTERS_PERSONAL_DATA,
  RETURNS_PERSONAL_DATA,
  AUDIT_PERSONAL_DATA,
]);

export const PERSONAL_DATA: readonly PersonalColumn[] = COLLECTED.personal;

/** Columns the schema test would take for personal data, and why they are not. */
export const NOT_PERSONAL: readonly NotPersonalColumn[] = COLLECTED.notPersonal;

/** Secrets are never exported: subject access says they are held, not what they are. */
export const WITHHELD = /password|secret|hash|token/;
