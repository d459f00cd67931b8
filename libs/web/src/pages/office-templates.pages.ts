import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageAccess, Actor, CurrentUser, validateInput } from '@npa/platform';
import { LETTER_TITLES, type LetterKind, LetterTemplatesService, TemplateDraftDto, TemplatePreviewDto } from '@npa/letters';
import { formErrors, page, redirectWithNotice } from './render';

const FIELDS = { html: 'The letter body', text: 'The email text', note: 'What changed' };
const title = (kind: string) => LETTER_TITLES[kind as LetterKind] ?? kind;
const draftOf = (body: Record<string, unknown>) => ({
  html: typeof body.html === 'string' ? body.html : '',
  text: typeof body.text === 'string' ? body.text : '',
  note: typeof body.note === 'string' && body.note.trim() ? body.note.trim() : undefined,
});

/** Letter templates for NPA admins: look at a change with sample data, then publish it as a new version. */
@ApiExcludeController()
@Controller('office/templates')
export class OfficeTemplatesPages {
  constructor(private readonly templates: LetterTemplatesService) {}

  @Get()
  @PageAccess(['npa_admin'])
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const templates = (await this.templates.list()).map((t) => ({ ...t, title: title(t.kind) }));
    return page(request, reply, 'office/templates', { title: 'Letter templates', templates });
  }

  @Get(':kind')
  @PageAccess(['npa_admin'])
  async edit(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('kind') kind: string, @Query('notice') notice?: string) {
    const history = await this.templates.history(kind);
    return this.editor(request, reply, kind, { html: history[0].body, text: history[0].text }, { notice, history });
  }

  @Post(':kind/preview')
  @HttpCode(200)
  @PageAccess(['npa_admin'])
  async preview(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('kind') kind: string, @Body() body: Record<string, unknown>) {
    const draft = draftOf(body);
    const history = await this.templates.history(kind);
    try {
      const dto = validateInput(TemplatePreviewDto, { html: draft.html || undefined, text: draft.text || undefined });
      const preview = await this.templates.preview(kind, dto);
      return this.editor(request, reply, kind, draft, { history, preview });
    } catch (error) {
      const errors = formErrors(error, FIELDS);
      if (!errors) throw error;
      return this.editor(request, reply, kind, draft, { history, errors }, 400);
    }
  }

  @Post(':kind')
  @PageAccess(['npa_admin'])
  async publish(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('kind') kind: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
  ) {
    const draft = draftOf(body);
    try {
      const published = await this.templates.publish(kind, validateInput(TemplateDraftDto, draft), actor);
      return redirectWithNotice(reply, `/office/templates/${published.kind}`, `Version ${published.version} published. New letters use it from now on.`);
    } catch (error) {
      const errors = formErrors(error, FIELDS);
      if (!errors) throw error;
      const history = await this.templates.history(kind);
      return this.editor(request, reply, kind, draft, { history, errors }, 400);
    }
  }

  private editor(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: string,
    draft: { html: string; text: string; note?: string },
    data: Record<string, unknown>,
    status = 200,
  ) {
    return page(request, reply, 'office/template', { title: title(kind), kind, draft, back: '/office/templates', ...data }, status);
  }
}
