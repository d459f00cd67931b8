import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, Actor, CurrentUser, DomainError, ParseId, validateInput } from '@npa/platform';
import { AttendeesService, OutcomesService, OUTCOMES, type OutcomeKind, AddAttendeeDto, WorkshopQuery, WorkshopsService } from '@npa/training';
import { FormBody, text } from './form-input';
import { FormError, page, PageReply, redirectWithNotice, withFormErrors } from './render';

const TRAINER = ['trainer'] as const;
const OWN_WORKSHOP = { kind: 'workshop', param: 'id' };

/** A trainer's own workshops: attendees, and the outcomes of a whole workshop in one form. */
@ApiExcludeController()
@Controller('trainer')
export class TrainerPages {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly attendees: AttendeesService,
    private readonly outcomes: OutcomesService,
  ) {}

  @Get()
  @PageAccess(TRAINER)
  async home(@PageReply() reply: PageReply, @CurrentUser() actor: Actor) {
    const workshops = await this.workshops.list(Object.assign(new WorkshopQuery(), { pageSize: 500, order: 'desc' }), actor);
    return page(reply, 'trainer/workshops', { title: 'My workshops', workshops });
  }

  @Get('workshops/:id')
  @PageAccess(TRAINER, OWN_WORKSHOP)
  async workshop(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @Query('notice') notice?: string) {
    return this.show(reply, id, { notice });
  }

  @Post('workshops/:id/attendees')
  @PageAccess(TRAINER, OWN_WORKSHOP)
  async addAttendee(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @CurrentUser() actor: Actor, @Body() body: FormBody) {
    const attendee = { name: text(body, 'name') ?? '', email: text(body, 'email') ?? '' };
    return withFormErrors(
      async () => {
        const added = await this.attendees.add(id, validateInput(AddAttendeeDto, attendee), actor);
        return redirectWithNotice(reply, `/trainer/workshops/${id}`, `${added.name} added`);
      },
      { name: 'Name', email: 'Email address' },
      (errors, status) => this.show(reply, id, { attendee, errors }, status),
    );
  }

  /** One outcome per attendee whose choice changed, each through the same service as the API; refusals listed together. */
  @Post('workshops/:id/outcomes')
  @PageAccess(TRAINER, OWN_WORKSHOP)
  async recordOutcomes(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @CurrentUser() actor: Actor, @Body() body: FormBody) {
    const workshop = await this.workshops.get(id);
    const chosen = workshop.attendees.map((a) => ({ attendee: a, outcome: text(body, `outcome-${a.personId}`) as OutcomeKind | undefined }));
    const changes = chosen.filter((c) => c.outcome && OUTCOMES.includes(c.outcome) && c.outcome !== c.attendee.outcome);
    const refused = new Map<string, { names: string[]; href: string }>();
    let recorded = 0;
    for (const { attendee, outcome } of changes) {
      try {
        await this.outcomes.record(id, { personId: attendee.personId, outcome: outcome! }, actor);
        recorded += 1;
      } catch (error) {
        if (!(error instanceof DomainError) || Number(error.status) >= 500) throw error;
        const entry = refused.get(error.message) ?? { names: [], href: `#outcome-${attendee.personId}` };
        refused.set(error.message, { ...entry, names: [...entry.names, attendee.name] });
      }
    }
    if (refused.size === 0)
      return redirectWithNotice(
        reply,
        `/trainer/workshops/${id}`,
        recorded ? `${recorded} ${recorded === 1 ? 'outcome' : 'outcomes'} recorded` : 'No outcome changed',
      );
    const errors: FormError[] = [...refused].map(([message, { names, href }]) => ({ field: 'outcomes', message: `${names.join(', ')}: ${message}`, href }));
    const picked = Object.fromEntries(chosen.map((c) => [c.attendee.personId, c.outcome]));
    return this.show(reply, id, { errors, picked, recorded }, 409);
  }

  private async show(reply: PageReply, id: string, extra: Record<string, unknown>, status = 200) {
    const workshop = await this.workshops.get(id);
    const picked = (extra.picked ?? {}) as Record<string, string | undefined>;
    const attendees = workshop.attendees.map((a) => ({ ...a, choice: picked[a.personId] ?? a.outcome }));
    return page(reply, 'trainer/workshop', { title: `Workshop at ${workshop.venue}`, back: '/trainer', workshop, attendees, ...extra }, status);
  }
}
