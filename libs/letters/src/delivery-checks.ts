import { Injectable } from '@nestjs/common';
import type { Letter } from './letter.entity';

/** Answers, just before a letter is emailed, whether it should still go (a reminder whose reason has gone should not). */
export type DeliveryCheck = (letter: Letter) => Promise<{ send: true } | { send: false; reason: string }>;

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

  async verdict(letter: Letter): Promise<{ send: true } | { send: false; reason: string }> {
    for (const check of this.checks) {
      const verdict = await check(letter);
      if (!verdict.send) return verdict;
    }
    return { send: true };
  }
}
