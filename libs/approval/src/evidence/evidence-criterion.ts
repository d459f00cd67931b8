// The criterion an evidence upload names, if any: none means evidence for the whole application.
import { criterion } from '../rules/criteria';

const JUDGED_IDS = 'SA-PRINCIPLES, SA-ASSESSMENT, SA-REVIEWS or SA-RECORDS';

/**
 * The criterion an upload names, from the query string and the form's fields together: none is evidence
 * for the whole application; one judged criterion, given once (or the same each time), refines it;
 * anything else is refused rather than dropped.
 */
export function readCriterion(values: readonly unknown[]): { criterionId?: string; problem?: string } {
  if (values.length === 0) return {};
  if (values.some((v) => typeof v !== 'string')) return { problem: `could not be read: send it once, as text (${JUDGED_IDS})` };
  const distinct = [...new Set(values as string[])];
  if (distinct.length > 1) return { problem: `is given more than once, with different values: send one of ${JUDGED_IDS}` };
  const id = distinct[0].trim();
  if (id === '') return { problem: `is empty: leave it out for evidence that supports the whole application, or send one of ${JUDGED_IDS}` };
  const found = criterion(id);
  if (!found) return { criterionId: id, problem: `"${id}" is not a Stamp of Approval criterion: send one of ${JUDGED_IDS}, or leave it out` };
  if (found.kind !== 'judged') return { criterionId: id, problem: `${id} is decided from the register and takes no evidence: send one of ${JUDGED_IDS}` };
  return { criterionId: id };
}
