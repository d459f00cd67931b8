import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, Public, RateLimit, Actor, CurrentUser, NPA_STAFF, ParseId } from '@npa/platform';
import { DeliveriesQuery, TemplateDraftDto, TemplatePreviewDto } from './letters.dto';
import { LetterTemplatesService } from './letter-templates.service';
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

  @Get('services/:id/letters')
  @Access([...NPA_STAFF, 'service_manager'], { kind: 'service', param: 'id' })
  forService(@Param('id', ParseId) id: string) {
    return this.letters.listFor('service', id);
  }

  @Get('settings/:id/letters')
  @Access([...NPA_STAFF, 'setting_contact'], { kind: 'setting', param: 'id' })
  forSetting(@Param('id', ParseId) id: string) {
    return this.letters.listFor('setting', id);
  }

  @Get('people/:id/letters')
  @Access(READERS, { kind: 'person', param: 'id' })
  forPerson(@Param('id', ParseId) id: string) {
    return this.letters.listFor('person', id);
  }

  @Get('letters/:id.pdf')
  @Access(READERS, { kind: 'letter', param: 'id' })
  async pdf(@Param('id', ParseId) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { letter, stream } = await this.letters.file(id, 'pdf');
    reply.headers({ 'content-type': 'application/pdf', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
    return new StreamableFile(stream, { disposition: `inline; filename="${letter.kind}-${letter.verificationCode}.pdf"` });
  }

  @Get('letters/:id.html')
  @Access(READERS, { kind: 'letter', param: 'id' })
  async html(@Param('id', ParseId) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { stream } = await this.letters.file(id, 'html');
    reply.headers(LETTER_HTML_HEADERS);
    return new StreamableFile(stream);
  }

  @Get('mail-deliveries')
  @Access(NPA_STAFF)
  deliveries(@Query() query: DeliveriesQuery) {
    return this.letters.deliveries(query);
  }

  @Get('letters/verify/:code')
  @Public()
  @RateLimit('public')
  verify(@Param('code') code: string) {
    return this.letters.verify(code);
  }

  @Get('letter-templates')
  @Access(['npa_admin'])
  listTemplates() {
    return this.templates.list();
  }

  @Get('letter-templates/:kind')
  @Access(['npa_admin'])
  templateHistory(@Param('kind') kind: string) {
    return this.templates.history(kind);
  }

  @Post('letter-templates/:kind/preview')
  @HttpCode(200)
  @Access(['npa_admin'])
  preview(@Param('kind') kind: string, @Body() dto: TemplatePreviewDto) {
    return this.templates.preview(kind, dto);
  }

  @Post('letter-templates/:kind/versions')
  @Access(['npa_admin'])
  publish(@Param('kind') kind: string, @Body() dto: TemplateDraftDto, @CurrentUser() actor: Actor) {
    return this.templates.publish(kind, dto, actor);
  }
}
