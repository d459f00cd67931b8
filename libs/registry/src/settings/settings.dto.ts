import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery, IsIsoDate } from '@npa/platform';
import { OFSTED_GRADES } from './inspection.entity';
import type { OfstedGrade } from './inspection.entity';
import { SETTING_KINDS } from './setting.entity';
import type { Setting, SettingKind } from './setting.entity';

// Ofsted URNs are six or seven digits, or EY/SC followed by digits.
const URN = /^(EY|SC)?\d{6,7}$/;

export class CreateSettingDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example: 'EY123456',
    pattern: '^(EY|SC)?\\d{6,7}$',
    description: 'A project rule: an Ofsted URN, six or seven digits, optionally after EY or SC (EY123456, 1234567); unique on the register (409).',
  })
  @IsString()
  @Matches(URN, { message: 'must be an Ofsted URN such as EY123456 or 1234567' })
  ofstedUrn: string;

  @ApiProperty({ enum: SETTING_KINDS })
  @IsIn(SETTING_KINDS)
  kind: SettingKind;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(1000)
  staffCount: number;

  @ApiPropertyOptional({ description: 'town or area, shown on the public register' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  localArea?: string;
}

export class UpdateSettingDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  staffCount?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  localArea?: string;
}

export class SettingQuery extends PageQuery {
  @IsOptional()
  @IsIn(SETTING_KINDS)
  kind?: SettingKind;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class InspectionDto {
  @ApiProperty()
  @IsIsoDate()
  date: string;

  @ApiProperty({ enum: OFSTED_GRADES })
  @IsIn(OFSTED_GRADES)
  grade: OfstedGrade;
}

export class AddStaffDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiProperty()
  @IsIsoDate()
  startDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  endDate?: string;
}

export class EndStaffDto {
  @ApiProperty({ description: 'the last day on the staff' })
  @IsIsoDate()
  endDate: string;
}

export class StaffQuery extends PageQuery {
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export const toSettingView = (s: Setting) => ({
  id: s.id,
  name: s.name,
  ofstedUrn: s.ofstedUrn,
  kind: s.kind,
  staffCount: s.staffCount,
  localArea: s.localArea,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
