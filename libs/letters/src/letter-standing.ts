import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IsoDate } from '@npa/platform';
import { certificateStanding } from '@npa/training';
import type { Letter } from './letter.entity';

export interface Standing {
  stands: boolean;
  why: string;
}

/**
 * Whether a letter still stands. A compliance letter stands until a later one replaces it; an award
 * letter or certificate while its award runs; a workshop certificate while the completion has not been
 * corrected (withdrawn from the correction on); a lapse notice records the day the award lapsed; a decision, request or reminder is a record of its day and always stands.
 */
@Injectable()
export class LetterStanding {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(letter: Letter, today: IsoDate): Promise<Standing> {
    const data = letter.data as { body?: { awardId?: string; expiresOn?: string; certificateCode?: string; lapsedOn?: string } };
    switch (letter.kind) {
      case 'registration-compliance': {
        const [later] = await this.dataSource.query<{ created_at: Date }[]>(
          `SELECT created_at FROM letters WHERE kind = $1 AND subject_id = $2 AND created_at > $3 ORDER BY created_at LIMIT 1`,
          [letter.kind, letter.subjectId, letter.createdAt],
        );
        return later
          ? { stands: false, why: `A later registration compliance letter (${later.created_at.toISOString().slice(0, 10)}) replaces this one.` }
          : { stands: true, why: 'This is the latest registration compliance letter for the service.' };
      }
      case 'award':
      case 'award-certificate': {
        const expiresOn = data.body?.expiresOn;
        if (!expiresOn) return { stands: true, why: 'An award letter.' };
        return today <= expiresOn
          ? { stands: true, why: `The Stamp of Approval runs until ${expiresOn}.` }
          : { stands: false, why: `The Stamp of Approval it records expired on ${expiresOn}.` };
      }
      case 'workshop-certificate': {
        const code = data.body?.certificateCode;
        if (!code) return { stands: true, why: 'A workshop certificate.' };
        const row = await certificateStanding(this.dataSource.manager, code);
        if (row?.awaiting) return { stands: false, why: 'The workshop it records waits for the NPA to confirm it.' };
        if (!row) return { stands: false, why: 'The completion it records is no longer on the register.' };
        return row.supersededAt
          ? { stands: false, why: `Withdrawn since ${row.supersededAt.toISOString()}: the completion it records was corrected.` }
          : { stands: true, why: 'The completion it records stands.' };
      }
      case 'lapse-notice':
        return this.lapseNotice(letter);
      default:
        return { stands: true, why: 'A record of what the NPA wrote on the day.' };
    }
  }

  /** A record of the day the award lapsed, unless it was held back because a renewal came first. */
  private async lapseNotice(letter: Letter): Promise<Standing> {
    const body = (letter.data as { body?: { lapsedOn?: string; setting?: { name?: string } } }).body;
    const [held] = await this.dataSource.query<{ reason: string | null }[]>(
      `SELECT reason FROM mail_deliveries WHERE letter_id = $1 AND state = 'suppressed'`,
      [letter.id],
    );
    if (held) return { stands: false, why: `Not sent: ${held.reason ?? 'the award was renewed before it went'}` };
    return {
      stands: true,
      why: `The Stamp of Approval of ${body?.setting?.name ?? letter.subjectName} lapsed on ${body?.lapsedOn ?? 'the day after it ended'}.`,
    };
  }
}
