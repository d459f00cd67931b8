import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, Public, RateLimit, Actor, CurrentUser, NPA_STAFF, ParseId } from '@npa/platform';
import { DeliveriesQuery, TemplateDraftDto, TemplatePreviewDto } from './letters.dto';
import { LetterTemplatesService } from './letter-templates.service';
import {
  LetterPreviewResponse,
  LetterSummaryResponse,
  LetterTemplateSummaryResponse,
  LetterTemplateVersionResponse,
  LetterVerificationResponse,
  MailDeliveriesResponse,
  PublishedLetterTemplateResponse,
} from './letters.responses';
import { LETTER_HTML_HEADERS, LettersService } from './letters.service';

const READERS = [...NPA_STAFF, 'service_manager', 'setting_contact'] as const;

@ApiTags('letters')
@ApiBearerAuth()
@Controller()
export class LettersController {
  constructor(
    private readonly letters: LettersService,
    private readonly templates: LetterTemplatesService,
  ) {}

  /** The letters and emails made for a service, latest first */
  @Get('services/:id/letters')
  @Access([...NPA_STAFF, 'service_manager'], { kind: 'service', param: 'id' })
  listServiceLetters(@Param('id', ParseId) id: string): Promise<LetterSummaryResponse[]> {
    return this.letters.listFor('service', id);
  }

  /** The letters and emails made for a setting, latest first */
  @Get('settings/:id/letters')
  @Access([...NPA_STAFF, 'setting_contact'], { kind: 'setting', param: 'id' })
  listSettingLetters(@Param('id', ParseId) id: string): Promise<LetterSummaryResponse[]> {
    return this.letters.listFor('setting', id);
  }

  /** The letters made for a person (certificates, membership and qualification letters), latest first */
  @Get('people/:id/letters')
  @Access(READERS, { kind: 'person', param: 'id' })
  listPersonLetters(@Param('id', ParseId) id: string): Promise<LetterSummaryResponse[]> {
    return this.letters.listFor('person', id);
  }

  /**
   * A signed letter as PDF
   *
   * @remarks
   * An email-only reminder has no PDF (404 saying so; its HTML is at /letters/{id}.html), nor has a letter the worker
   * has not composed yet.
   */
  @Get('letters/:id.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the letter as printed', schema: { type: 'string', format: 'binary' } })
  @Access(READERS, { kind: 'letter', param: 'id' })
  async getLetterPdf(@Param('id', ParseId) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { letter, stream } = await this.letters.file(id, 'pdf');
    reply.headers({ 'content-type': 'application/pdf', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
    return new StreamableFile(stream, { disposition: `inline; filename="${letter.kind}-${letter.verificationCode}.pdf"` });
  }

  /** A letter or email as HTML, as it was sent */
  @Get('letters/:id.html')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the letter as an HTML page', schema: { type: 'string' } })
  @Access(READERS, { kind: 'letter', param: 'id' })
  async getLetterHtml(@Param('id', ParseId) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { stream } = await this.letters.file(id, 'html');
    reply.headers(LETTER_HTML_HEADERS);
    return new StreamableFile(stream);
  }

  /** Emails for NPA staff to watch, latest first: failed and unknown ones with why */
  @Get('mail-deliveries')
  @Access(NPA_STAFF)
  listMailDeliveries(@Query() query: DeliveriesQuery): Promise<MailDeliveriesResponse> {
    return this.letters.deliveries(query);
  }

  /**
   * Check a letter by the code printed on it (no sign-in)
   *
   * @remarks
   * Says what the letter is, for whom, when, and whether it still stands; an unknown or malformed code is 404.
   */
  @Get('letters/verify/:code')
  @Public()
  @RateLimit('public')
  verifyLetter(@Param('code') code: string): Promise<LetterVerificationResponse> {
    return this.letters.verify(code);
  }

  /** Every kind of letter with its template's current version */
  @Get('letter-templates')
  @Access(['npa_admin'])
  listLetterTemplates(): Promise<LetterTemplateSummaryResponse[]> {
    return this.templates.list();
  }

  /** Every published version of one letter's template, latest first */
  @Get('letter-templates/:kind')
  @Access(['npa_admin'])
  listLetterTemplateVersions(@Param('kind') kind: string): Promise<LetterTemplateVersionResponse[]> {
    return this.templates.history(kind);
  }

  /**
   * Render a draft of a letter's template (or the current one) with sample data, changing nothing
   *
   * @remarks
   * A template prints data with double braces only and uses only the letters' helpers and partials; one that does
   * not, or does not compile, is 400.
   */
  @Post('letter-templates/:kind/preview')
  @HttpCode(200)
  @Access(['npa_admin'])
  previewLetterTemplate(@Param('kind') kind: string, @Body() dto: TemplatePreviewDto): Promise<LetterPreviewResponse> {
    return this.templates.preview(kind, dto);
  }

  /**
   * Publish a new version of a letter's template; letters made from now on use it
   *
   * @remarks
   * Letters already made keep the version they were made with. The same checks as the preview apply.
   */
  @Post('letter-templates/:kind/versions')
  @Access(['npa_admin'])
  publishLetterTemplate(@Param('kind') kind: string, @Body() dto: TemplateDraftDto, @CurrentUser() actor: Actor): Promise<PublishedLetterTemplateResponse> {
    return this.templates.publish(kind, dto, actor);
  }
}
