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
 * corrected; a decision, request or reminder is a record of its day and always stands.
 */
@Injectable()
export class LetterStanding {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(letter: Letter, today: IsoDate): Promise<Standing> {
    const data = letter.data as { body?: { awardId?: string; expiresOn?: string; certificateCode?: string } };
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
        return row && !row.superseded
          ? { stands: true, why: 'The completion it records stands.' }
          : { stands: false, why: 'The completion it records was corrected.' };
      }
      default:
        return { stands: true, why: 'A record of what the NPA wrote on the day.' };
    }
  }
}
