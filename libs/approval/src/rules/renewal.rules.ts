// What a renewal carries over from last year, and what the setting still has to confirm before it can
// submit. Plain functions over plain rows: no Nest, no database.
import { CRITERIA } from './criteria';

export interface CarriedStatement {
  criterionId: string;
  statement: string | null;
  carriedOver: boolean;
}

/** Last year's statements worth copying: the judged criteria that had one. */
export function statementsToCarry(previous: readonly Pick<CarriedStatement, 'criterionId' | 'statement'>[]): { criterionId: string; statement: string }[] {
  const judged = new Set(CRITERIA.filter((c) => c.kind === 'judged').map((c) => c.id));
  return previous.flatMap((p) => (judged.has(p.criterionId) && p.statement?.trim() ? [{ criterionId: p.criterionId, statement: p.statement }] : []));
}

/**
 * Each judged criterion whose statement was copied from last year and neither confirmed nor edited:
 * the setting must look at it again before the application can be submitted.
 */
export function carriedOverUnconfirmed(criteria: readonly CarriedStatement[]): { field: string; problem: string }[] {
  const judged = CRITERIA.filter((c) => c.kind === 'judged' && c.level === 'essential');
  return judged.flatMap((c) =>
    criteria.some((r) => r.criterionId === c.id && r.carriedOver) ? [{ field: c.id, problem: "needs last year's statement confirmed or edited" }] : [],
  );
}
