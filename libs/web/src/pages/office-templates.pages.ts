import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, Actor, CurrentUser, validateInput } from '@npa/platform';
import { LetterKinds, LetterTemplatesService, TemplateDraftDto, TemplatePreviewDto } from '@npa/letters';
import { page, PageReply, redirectWithNotice, withFormErrors } from './render';

const FIELDS = { html: 'The letter body', text: 'The email text', note: 'What changed' };
const draftOf = (body: Record<string, unknown>) => ({
  html: typeof body.html === 'string' ? body.html : '',
  text: typeof body.text === 'string' ? body.text : '',
  note: typeof body.note === 'string' && body.note.trim() ? body.note.trim() : undefined,
});

/** Letter templates for NPA admins: look at a change with sample data, then publish it as a new version. */
@ApiExcludeController()
@Controller('office/templates')
export class OfficeTemplatesPages {
  constructor(
    private readonly templates: LetterTemplatesService,
    private readonly kinds: LetterKinds,
  ) {}

  @Get()
  @PageAccess(['npa_admin'])
  async list(@PageReply() reply: PageReply) {
    const templates = (await this.templates.list()).map((t) => ({ ...t, title: this.kinds.title(t.kind) }));
    return page(reply, 'office/templates', { title: 'Letter templates', templates });
  }

  @Get(':kind')
  @PageAccess(['npa_admin'])
  async edit(@PageReply() reply: PageReply, @Param('kind') kind: string, @Query('notice') notice?: string) {
    const history = await this.templates.history(kind);
    return this.editor(reply, kind, { html: history[0].body, text: history[0].text }, { notice, history });
  }

  @Post(':kind/preview')
  @HttpCode(200)
  @PageAccess(['npa_admin'])
  async preview(@PageReply() reply: PageReply, @Param('kind') kind: string, @Body() body: Record<string, unknown>) {
    const draft = draftOf(body);
    const history = await this.templates.history(kind);
    return withFormErrors(
      async () => {
        const dto = validateInput(TemplatePreviewDto, { html: draft.html || undefined, text: draft.text || undefined });
        const preview = await this.templates.preview(kind, dto);
        return this.editor(reply, kind, draft, { history, preview });
      },
      FIELDS,
      (errors) => this.editor(reply, kind, draft, { history, errors }, 400),
    );
  }

  @Post(':kind')
  @PageAccess(['npa_admin'])
  async publish(@PageReply() reply: PageReply, @Param('kind') kind: string, @Body() body: Record<string, unknown>, @CurrentUser() actor: Actor) {
    const draft = draftOf(body);
    return withFormErrors(
      async () => {
        const published = await this.templates.publish(kind, validateInput(TemplateDraftDto, draft), actor);
        return redirectWithNotice(reply, `/office/templates/${published.kind}`, `Version ${published.version} published. New letters use it from now on.`);
      },
      FIELDS,
      async (errors) => {
        const history = await this.templates.history(kind);
        return this.editor(reply, kind, draft, { history, errors }, 400);
      },
    );
  }

  private editor(reply: PageReply, kind: string, draft: { html: string; text: string; note?: string }, data: Record<string, unknown>, status = 200) {
    return page(reply, 'office/template', { title: this.kinds.title(kind), kind, draft, back: '/office/templates', ...data }, status);
  }
}
