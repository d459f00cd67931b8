import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageAccess, Actor, CurrentUser, DomainError, ParseId, validateInput } from '@npa/platform';
import { AttendeesService, OutcomesService, OUTCOMES, type OutcomeKind, AddAttendeeDto, WorkshopQuery, WorkshopsService } from '@npa/training';
import { FormBody, statusOf, text } from './form-input';
import { FormError, formErrors, page, redirectWithNotice } from './render';

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
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: Actor) {
    const workshops = await this.workshops.list(Object.assign(new WorkshopQuery(), { pageSize: 500, order: 'desc' }), actor);
    return page(request, reply, 'trainer/workshops', { title: 'My workshops', workshops });
  }

  @Get('workshops/:id')
  @PageAccess(TRAINER, OWN_WORKSHOP)
  async workshop(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', ParseId) id: string, @Query('notice') notice?: string) {
    return this.show(request, reply, id, { notice });
  }

  @Post('workshops/:id/attendees')
  @PageAccess(TRAINER, OWN_WORKSHOP)
  async addAttendee(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseId) id: string,
    @CurrentUser() actor: Actor,
    @Body() body: FormBody,
  ) {
    const attendee = { name: text(body, 'name') ?? '', email: text(body, 'email') ?? '' };
    try {
      const added = await this.attendees.add(id, validateInput(AddAttendeeDto, attendee), actor);
      return redirectWithNotice(reply, `/trainer/workshops/${id}`, `${added.name} added`);
    } catch (error) {
      const errors = formErrors(error, { name: 'Name', email: 'Email address' });
      if (!errors) throw error;
      return this.show(request, reply, id, { attendee, errors }, statusOf(error));
    }
  }

  /** One outcome per attendee whose choice changed, each through the same service as the API; refusals listed together. */
  @Post('workshops/:id/outcomes')
  @PageAccess(TRAINER, OWN_WORKSHOP)
  async recordOutcomes(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseId) id: string,
    @CurrentUser() actor: Actor,
    @Body() body: FormBody,
  ) {
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
    return this.show(request, reply, id, { errors, picked, recorded }, 409);
  }

  private async show(request: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown>, status = 200) {
    const workshop = await this.workshops.get(id);
    const picked = (extra.picked ?? {}) as Record<string, string | undefined>;
    const attendees = workshop.attendees.map((a) => ({ ...a, choice: picked[a.personId] ?? a.outcome }));
    return page(request, reply, 'trainer/workshop', { title: `Workshop at ${workshop.venue}`, back: '/trainer', workshop, attendees, ...extra }, status);
  }
}
