import { Injectable } from '@nestjs/common';
import type { Letter } from './letter.entity';

export type Verdict = { send: true } | { send: false; reason: string };

/**
 * Answers, just before letters are emailed, whether each should still go (a reminder whose reason has
 * gone should not): a verdict per letter, in order. Given a few letters at once, so that a check can read
 * what it needs for all of them in one query.
 */
export type DeliveryCheck = (letters: Letter[]) => Promise<Verdict[]>;

const SEND: Verdict = { send: true };

/**
 * Other modules register their checks here (the reminders module checks a reminder's stop condition),
 * so letters need not know about reminders.
 */
@Injectable()
export class DeliveryChecks {
  private readonly checks: DeliveryCheck[] = [];

  register(check: DeliveryCheck): void {
    this.checks.push(check);
  }

  async verdict(letter: Letter): Promise<Verdict> {
    const [verdict] = await this.verdicts([letter]);
    return verdict;
  }

  /** A letter held back by one check is not put to the next. */
  async verdicts(letters: Letter[]): Promise<Verdict[]> {
    const verdicts: Verdict[] = letters.map(() => SEND);
    for (const check of this.checks) {
      const open = letters.map((letter, i) => ({ letter, i })).filter(({ i }) => verdicts[i].send);
      if (open.length === 0) break;
      const answers = await check(open.map(({ letter }) => letter));
      open.forEach(({ i }, j) => (verdicts[i] = answers[j]));
    }
    return verdicts;
  }
}
