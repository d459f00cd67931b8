import type { ProblemDetail } from '@npa/platform';
import type { ImportProblem } from './import-kinds';

/** Enough to fix a file by; the dry run lists the rest rather than one answer of megabytes. */
export const MAX_DETAILS = 200;

export const problemField = (p: ImportProblem) => (p.column === null ? `row ${p.row}` : `row ${p.row}: ${p.column}`);

/** API.md's `details` for a refused import: `{ field: "row 7: email", problem }`, capped, with the count of the rest. */
export function toDetails(problems: readonly ImportProblem[], max = MAX_DETAILS): ProblemDetail[] {
  const shown: ProblemDetail[] = problems.slice(0, max).map((p) => ({ field: problemField(p), problem: p.problem }));
  const rest = problems.length - shown.length;
  if (rest > 0) shown.push({ field: 'file', problem: `and ${rest} more ${rest === 1 ? 'problem' : 'problems'}; a dry run (?dryRun=true) lists every one` });
  return shown;
}

export const problemCount = (n: number) => `${n} ${n === 1 ? 'problem' : 'problems'}`;
