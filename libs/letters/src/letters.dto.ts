import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@npa/platform';

export class TemplateDraftDto {
  @ApiProperty({ description: 'the letter body (Handlebars, inside {{#> layout}}...{{/layout}})' })
  @IsString()
  @MinLength(1)
  @MaxLength(100_000)
  html: string;

  @ApiProperty({ description: 'the plain-text email that carries the letter (Handlebars)' })
  @IsString()
  @MinLength(1)
  @MaxLength(50_000)
  text: string;

  @ApiPropertyOptional({ description: 'what changed, for the history' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class TemplatePreviewDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100_000)
  html?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50_000)
  text?: string;
}

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed', 'unknown', 'suppressed'] as const;

export class DeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATES })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: (typeof DELIVERY_STATES)[number];
}
