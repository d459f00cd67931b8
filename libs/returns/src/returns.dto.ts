import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsIsoDate } from '@npa/platform';
import { REGIONS } from './local-authorities';
import type { ReturnState } from './returns.views';
import { AGE_RANGES, FUNDING_SOURCES, type AgeRange, type FundingSource, type ReturnFigures } from './rules/figures';

// The messages finish "<field> ..." sentences and say what to type instead, because the people filing
// are service managers at the end of a long year, not developers.
export class FileReturnDto implements ReturnFigures {
  @ApiProperty({ minimum: 0 })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'cannot be below 0' })
  @Max(100_000, { message: 'must be 100,000 or fewer' })
  referralsAccepted: number;

  @ApiProperty({ minimum: 0 })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'cannot be below 0' })
  @Max(100_000, { message: 'must be 100,000 or fewer' })
  childrenSupported: number;

  @ApiProperty({ minimum: 0, description: 'children waiting at the end of the year; 0 when nobody waits' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'cannot be below 0: enter 0 if no child is waiting' })
  @Max(100_000, { message: 'must be 100,000 or fewer' })
  waitingList: number;

  @ApiProperty({ enum: AGE_RANGES })
  @IsIn(AGE_RANGES, { message: `must be one of ${AGE_RANGES.join(', ')}` })
  ageRange: AgeRange;

  @ApiProperty({ enum: FUNDING_SOURCES })
  @IsIn(FUNDING_SOURCES, { message: `must be one of ${FUNDING_SOURCES.join(', ')}` })
  fundingSource: FundingSource;

  @ApiProperty({ description: 'whether the budget was cut in the last 12 months' })
  @IsBoolean({ message: 'must be true or false' })
  budgetCut: boolean;

  @ApiProperty({ description: 'full-time equivalent team size, e.g. 4.5' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'must be a number with at most two decimal places' })
  @Min(0.01, { message: 'must be more than 0' })
  @Max(500, { message: 'must be 500 or less' })
  teamFte: number;

  @ApiProperty({ description: 'whole pounds a year' })
  @IsInt({ message: 'must be a whole number of pounds' })
  @Min(1, { message: 'must be more than £0: enter the whole annual cost of the service in pounds' })
  @Max(100_000_000, { message: 'must be £100,000,000 or less' })
  annualCost: number;
}

export const RETURN_STATES = ['not_open', 'due', 'overdue', 'missing', 'filed', 'filed_late'] as const satisfies readonly ReturnState[];

export class YearStatusQuery {
  @ApiPropertyOptional({ enum: RETURN_STATES, description: 'only services whose return is in this state' })
  @IsOptional()
  @IsIn(RETURN_STATES)
  state?: ReturnState;

  @ApiPropertyOptional({ description: 'only services that have not filed (due, overdue or missing)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  notFiled?: 'true' | 'false';
}

export class UpdateReturnYearDto {
  @ApiProperty({ description: 'the date returns are due' })
  @IsIsoDate()
  dueOn: string;
}

export class CreateLocalAuthorityDto {
  @ApiProperty({ example: 'E06000065' })
  @Matches(/^[EW]\d{8}$/, { message: 'must be an ONS code like E06000065' })
  code: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS, { message: `must be one of ${REGIONS.join(', ')}` })
  region: string;

  @ApiProperty({ example: 'unitary' })
  @IsString()
  @MinLength(2)
  @MaxLength(40)
  kind: string;
}

export class UpdateLocalAuthorityDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS, { message: `must be one of ${REGIONS.join(', ')}` })
  region?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'the last day it existed (it merged or was abolished); null to undo' })
  @IsOptional()
  @IsIsoDate()
  endedOn?: string | null;
}

export class LocalAuthorityQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(REGIONS)
  region?: string;
}
