export type RuleOutcome = 'pass' | 'fail' | 'not_applicable';

/** Essential rules decide the status; desirable ones are reported and never decide. */
export type RuleLevel = 'essential' | 'desirable';

export interface RuleResult {
  id: string;
  level: RuleLevel;
  outcome: RuleOutcome;
  /** One or two sentences for a service manager; on failure, what to do. */
  explanation: string;
  /** The people, dates and counts that decided it, so the letter can list what is missing. */
  facts: Record<string, unknown>;
}

/**
 * What a compliance snapshot keeps of a result: its outcome and the explanation given on the day, which
 * names the people a failure is about. The facts behind it are the register's, worked out again as of
 * any date; kept in every snapshot they were four fifths of a service's and ~7% of the daily sweep's
 * CPU, and nothing read them back (README, Benchmarks). Snapshots stored before then hold the facts too.
 */
export type KeptResult = Omit<RuleResult, 'facts'>;

export const keptResult = ({ id, level, outcome, explanation }: RuleResult): KeptResult => ({ id, level, outcome, explanation });

/**
 * The ids of everyone the results' facts name, once each: a snapshot keeps them beside its explanations
 * so that subject access and retention still find it by the person (COMPLIANCE_PERSONAL_DATA). Facts name
 * people in lists of PersonRef (a property test holds every rule to it), so only those lists are looked in.
 */
export function peopleIn(results: readonly RuleResult[]): string[] {
  const ids = new Set<string>();
  for (const { facts } of results)
    for (const key in facts) {
      const value = facts[key];
      if (!Array.isArray(value)) continue;
      for (const item of value) {
        const personId = (item as Partial<PersonRef> | null)?.personId;
        if (typeof personId === 'string') ids.add(personId);
      }
    }
  return [...ids];
}

/** A person as results name them. */
export interface PersonRef {
  personId: string;
  name: string;
}

/** A rule as the Code states it; `title` is the Code's wording, shown beside the result. */
export interface RuleMeta {
  id: string;
  level: RuleLevel;
  title: string;
}

export function ruleResult(rule: RuleMeta, outcome: RuleOutcome, explanation: string, facts: Record<string, unknown>): RuleResult {
  return { id: rule.id, level: rule.level, outcome, explanation, facts };
}
