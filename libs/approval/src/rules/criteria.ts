// The Stamp of Approval criteria of the Code (section 3), in the order letters and pages list them:
// the computed ones come from the register through the compliance rules, the judged ones from a reviewer.
import { JUDGED_SETTING_CRITERIA, SETTING_RULES } from '@npa/compliance';
import type { RuleMeta } from '@npa/compliance';

export type CriterionKind = 'computed' | 'judged';

export interface Criterion extends RuleMeta {
  kind: CriterionKind;
}

const ORDER = ['SA-PRINCIPLES', 'SA-OFSTED', 'SA-ASSESSMENT', 'SA-REVIEWS', 'SA-RECORDS', 'SA-TRAINED', 'SA-MEMBER', 'SA-LEVEL3'];

export const CRITERIA: readonly Criterion[] = Object.freeze(
  [...SETTING_RULES.map((r) => ({ ...r, kind: 'computed' as const })), ...JUDGED_SETTING_CRITERIA.map((r) => ({ ...r, kind: 'judged' as const }))].sort(
    (a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id),
  ),
);

export const criterion = (id: string): Criterion | undefined => CRITERIA.find((c) => c.id === id);

/** The criteria an award depends on: every essential one. SA-LEVEL3 is reported and never decides. */
export const ESSENTIAL_CRITERIA = CRITERIA.filter((c) => c.level === 'essential');

/** While an award runs, the setting must keep these; losing one puts the award at risk. */
export const WATCHED_CRITERIA = ['SA-TRAINED', 'SA-MEMBER'] as const;
