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

export class AddTeamMemberDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: TEAM_ROLES })
  @IsIn(TEAM_ROLES)
  role: TeamRole;

  @ApiProperty({ description: 'full-time equivalent, more than 0 and at most 1' })
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(1)
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(1)
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
