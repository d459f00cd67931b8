import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { IsoDate } from '@npa/platform';
import { PageQuery, IsIsoDate } from '@npa/platform';
import type { Person } from '@npa/registry';
import type { Accreditation } from './accreditation.entity';
import type { Trainer } from './trainer.entity';
import { isAccreditedOn } from './training.rules';

export class AccreditationDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-04-01' })
  @IsIsoDate()
  accreditedFrom: IsoDate;

  @ApiProperty({ type: String, format: 'date', example: '2026-04-01' })
  @IsIsoDate()
  accreditedTo: IsoDate;
}

export class CreateTrainerDto extends AccreditationDto {
  @ApiProperty({ description: 'The person (POST /people) who becomes a trainer' })
  @IsUUID()
  personId: string;
}

export class TrainerAccountDto {
  @ApiProperty({ description: "The trainer's own user account (role trainer)" })
  @IsUUID()
  userId: string;
}

export class TrainerQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: accredited today; false: not accredited today' })
  @IsOptional()
  @IsIn(['true', 'false'])
  current?: 'true' | 'false';
}

/** One period a trainer is accredited for (YYYY-MM-DD to YYYY-MM-DD, both days included). */
export class PeriodView {
  id: string;
  accreditedFrom: IsoDate;
  accreditedTo: IsoDate;
}

export class AccreditationView extends PeriodView {
  trainerId: string;
}

export class TrainerView {
  id: string;
  personId: string;
  /** The trainer's account, linked by id (null until NPA staff link one). */
  userId: string | null;
  name: string;
  email: string;
  accreditations: PeriodView[];
  accreditedNow: boolean;
}

const toPeriodView = (a: Accreditation): PeriodView => ({ id: a.id, accreditedFrom: a.accreditedFrom, accreditedTo: a.accreditedTo });
export const toAccreditationView = (a: Accreditation): AccreditationView => ({ ...toPeriodView(a), trainerId: a.trainerId });

export function toTrainerView(trainer: Trainer, person: Person, periods: Accreditation[], today: IsoDate): TrainerView {
  const accreditations = [...periods]
    .sort((a, b) => a.accreditedFrom.localeCompare(b.accreditedFrom) || a.accreditedTo.localeCompare(b.accreditedTo))
    .map(toPeriodView);
  return {
    id: trainer.id,
    personId: person.id,
    userId: trainer.userId,
    name: person.name,
    email: person.email,
    accreditations,
    accreditedNow: isAccreditedOn(periods, today),
  };
}
