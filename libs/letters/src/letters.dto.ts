import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
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

export class ResendDeliveryDto {
  @ApiProperty({ description: 'why it is sent again (e.g. "the recipient says it never arrived"), kept in the audit log', minLength: 3, maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ description: 'a corrected address: the email goes there alone instead of to its recipients', example: 'manager@portage.example.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  to?: string;
}

/** An email queued to be sent again. */
export class ResentDelivery {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  letterId: string;

  @ApiProperty({ enum: ['pending'] })
  state: 'pending';

  @ApiProperty({ type: [String], description: 'where it will go' })
  recipients: string[];
}
