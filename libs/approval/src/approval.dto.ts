import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageQuery, IsIsoDate } from '@npa/platform';

export class StatementDto {
  @ApiProperty({ description: "the setting's statement for a judged criterion" })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  statement: string;
}

export class RecommendationDto {
  @ApiProperty({ enum: ['pass', 'fail'] })
  @IsIn(['pass', 'fail'])
  outcome: 'pass' | 'fail';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  note?: string;
}

export class MessageDto {
  @ApiProperty({ description: 'what the reviewer needs, in words the setting will read' })
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  message: string;
}

/** submit and withdraw: the setting may say something, e.g. its answer to a request for information. */
export class OptionalMessageDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  message?: string;
}

export class CriterionVerdictDto {
  @ApiProperty({ example: 'SA-PRINCIPLES' })
  @IsString()
  @MaxLength(40)
  id: string;

  @ApiProperty({ enum: ['pass', 'fail'] })
  @IsIn(['pass', 'fail'])
  outcome: 'pass' | 'fail';

  @ApiProperty()
  @IsString()
  @MaxLength(5_000)
  reason: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  @IsIn(['approved', 'rejected'])
  decision: 'approved' | 'rejected';

  @ApiProperty({ type: [CriterionVerdictDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionVerdictDto)
  criteria: CriterionVerdictDto[];
}

export class AwardQuery {
  @ApiPropertyOptional({ description: 'the award as it stood on this day (default today)' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class QueueQuery extends PageQuery {}

export class PublicRegisterQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of a name, local area or Ofsted URN' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
