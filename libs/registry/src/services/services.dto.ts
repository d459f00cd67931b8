import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsIsoDate, PageQuery } from '@npa/platform';
import { AGE_RANGES } from './service.entity';
import type { AgeRange, Service } from './service.entity';
import { TEAM_ROLES } from './team-member.entity';
import type { TeamRole } from './team-member.entity';

export class CreateServiceDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  localAuthority: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region: string;

  @ApiProperty({ enum: AGE_RANGES })
  @IsIn(AGE_RANGES)
  ageRange: AgeRange;

  @ApiPropertyOptional({ description: 'when the NPA registered it, for services on the register before this system (default today)' })
  @IsOptional()
  @IsIsoDate()
  registeredOn?: string;
}

export class UpdateServiceDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  localAuthority?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ enum: AGE_RANGES })
  @IsOptional()
  @IsIn(AGE_RANGES)
  ageRange?: AgeRange;

  @ApiPropertyOptional({ description: 'correct the date the NPA registered it' })
  @IsOptional()
  @IsIsoDate()
  registeredOn?: string;
}

export class ServiceQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/**
 * API.md: fte in (0, 1]. Hours are kept to three decimal places (the column is numeric(4,3)), so the
 * smallest post is 0.001; each refusal says what to send instead.
 */
const IsFte = () =>
  applyDecorators(
    IsNumber({ maxDecimalPlaces: 3 }, { message: 'must be a number with at most 3 decimal places, such as 0.6 or 0.125' }),
    Min(0.001, { message: 'must be more than 0 (the smallest is 0.001)' }),
    Max(1, { message: 'must be at most 1 (full time)' }),
  );

export class AddTeamMemberDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: TEAM_ROLES })
  @IsIn(TEAM_ROLES)
  role: TeamRole;

  @ApiProperty({
    minimum: 0.001,
    maximum: 1,
    description: 'Full-time equivalent, more than 0 and at most 1. A project rule: at most three decimal places (0.125).',
  })
  @IsFte()
  fte: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(100)
  caseload: number;

  @ApiProperty()
  @IsIsoDate()
  startDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  endDate?: string;
}

export class UpdateTeamMemberDto {
  @ApiPropertyOptional({ description: 'the last day in post' })
  @IsOptional()
  @IsIsoDate()
  endDate?: string;

  @ApiPropertyOptional({ minimum: 0.001, maximum: 1, description: 'Full-time equivalent, more than 0 and at most 1, at most three decimal places.' })
  @IsOptional()
  @IsFte()
  fte?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  caseload?: number;
}

export class TeamQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only members active on this date' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @IsOptional()
  @IsIn(TEAM_ROLES)
  role?: TeamRole;
}

export class NetworkingAttendanceDto {
  @ApiProperty()
  @IsIsoDate()
  date: string;

  @ApiProperty({ example: 'South West regional networking day' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  event: string;
}

export class DateRangeQuery extends PageQuery {
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @IsOptional()
  @IsIsoDate()
  to?: string;
}

/** What a service's view is made of: the entity, or a row read with these columns. */
export type ServiceRow = Pick<
  Service,
  'id' | 'name' | 'localAuthority' | 'region' | 'ageRange' | 'registrationNumber' | 'registeredOn' | 'createdAt' | 'updatedAt'
>;

export const toServiceView = (s: ServiceRow) => ({
  id: s.id,
  name: s.name,
  localAuthority: s.localAuthority,
  region: s.region,
  ageRange: s.ageRange,
  registrationNumber: s.registrationNumber,
  registeredOn: s.registeredOn,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
