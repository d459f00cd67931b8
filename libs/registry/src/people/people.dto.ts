import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery, IsIsoDate } from '@npa/platform';
import { QUALIFICATION_KINDS, QUALIFICATION_STATUSES } from './qualification.entity';
import type { QualificationKind, QualificationStatus } from './qualification.entity';

export class CreatePersonDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class PeopleQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of a name or email' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CreateMembershipDto {
  @ApiProperty({ example: 'NPA-12345' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  number: string;

  @ApiProperty()
  @IsIsoDate()
  startDate: string;

  @ApiProperty()
  @IsIsoDate()
  endDate: string;
}

export class EndMembershipDto {
  @ApiProperty({ description: 'the last day the membership covers' })
  @IsIsoDate()
  endDate: string;
}

export class CreateQualificationDto {
  @ApiProperty({ enum: QUALIFICATION_KINDS })
  @IsIn(QUALIFICATION_KINDS)
  kind: QualificationKind;

  @ApiProperty({ enum: QUALIFICATION_STATUSES })
  @IsIn(QUALIFICATION_STATUSES)
  status: QualificationStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  date?: string;
}

export class InductionDto {
  @ApiProperty()
  @IsIsoDate()
  completedOn: string;
}
