import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery, IsIsoDate } from '@npa/platform';
import { TEAM_ROLES, type TeamRole } from '@npa/registry';

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD; today when absent' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class OverviewQuery extends PageQuery {
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @IsOptional()
  @IsIn(['compliant', 'non_compliant'])
  status?: 'compliant' | 'non_compliant';

  @ApiPropertyOptional({ description: 'only services failing this rule, e.g. SR-SUPERVISION' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  rule?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;
}

// One class per kind of change keeps validation exact; `kind` says which one a client sent.
export class WhatIfChangeDto {
  @ApiProperty({ enum: ['member_leaves', 'membership_lapses', 'new_starter'] })
  @IsIn(['member_leaves', 'membership_lapses', 'new_starter'])
  kind: 'member_leaves' | 'membership_lapses' | 'new_starter';

  @ApiPropertyOptional({ description: 'member_leaves: the team member id' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ description: 'membership_lapses: the person id' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'member_leaves / membership_lapses: the last day' })
  @IsOptional()
  @IsIsoDate()
  endDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: TEAM_ROLES })
  @IsOptional()
  @IsIn(TEAM_ROLES)
  role?: TeamRole;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0.001)
  @Max(1)
  fte?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  caseload?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  startDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isMember?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isTrained?: boolean;
}

export class WhatIfDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @ApiProperty({ type: [WhatIfChangeDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WhatIfChangeDto)
  changes: WhatIfChangeDto[];
}

export class EvaluateAllDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @IsOptional()
  @Equals(true)
  settings?: true;
}
