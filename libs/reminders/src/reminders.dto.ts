import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery, IsIsoDate } from '@npa/platform';
export const REMINDER_STATES = ['pending', 'sent', 'suppressed', 'failed', 'unknown'] as const;

export class RemindersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REMINDER_STATES, description: 'pending is due and not yet sent' })
  @IsOptional()
  @IsIn(REMINDER_STATES)
  state?: (typeof REMINDER_STATES)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;
}

export class SweepDto {
  @ApiPropertyOptional({ description: 'the day to sweep as of (default today)' })
  @IsOptional()
  @IsIsoDate()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  asOf?: string;
}
