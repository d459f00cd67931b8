import { ApiConflict } from '@npa/platform';
import { AttendeeView, OutcomeView, WorkshopDetailView, WorkshopView } from './workshop.dto';
import { WorkshopPage } from './training.responses';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF, NoBody, ParseId } from '@npa/platform';
import { AttendeesService } from './attendees.service';
import { OutcomesService } from './outcomes.service';
import { AddAttendeeDto, CreateWorkshopDto, RecordOutcomeDto, WorkshopQuery } from './workshop.dto';
import { WorkshopsService } from './workshops.service';

const STAFF_OR_TRAINER = [...NPA_STAFF, 'trainer'] as const;
const OWN_WORKSHOP = { kind: 'workshop', param: 'id' };

@ApiTags('training')
@ApiBearerAuth()
@Controller('workshops')
export class WorkshopsController {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly attendees: AttendeesService,
    private readonly outcomes: OutcomesService,
  ) {}

  /** Schedule a Portage Workshop run by a trainer. */
  @Post()
  @Access(STAFF_OR_TRAINER)
  createWorkshop(@Body() dto: CreateWorkshopDto, @CurrentUser() actor: Actor): Promise<WorkshopView> {
    return this.workshops.create(dto, actor);
  }

  /** List workshops (a trainer sees their own). */
  @Get()
  @Access(STAFF_OR_TRAINER)
  listWorkshops(@Query() query: WorkshopQuery, @CurrentUser() actor: Actor): Promise<WorkshopPage> {
    return this.workshops.list(query, actor);
  }

  /** One workshop with its attendees and their outcomes. */
  @Get(':id')
  @Access(STAFF_OR_TRAINER, OWN_WORKSHOP)
  getWorkshop(@Param('id', ParseId) id: string): Promise<WorkshopDetailView> {
    return this.workshops.get(id);
  }

  /** Confirm a workshop its trainer scheduled too far in the past, so its completions count. */
  @Post(':id/confirm')
  @HttpCode(200)
  @Access(NPA_STAFF)
  @ApiConflict('This workshop is not waiting for confirmation: its completions already count.')
  confirmWorkshop(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor): Promise<WorkshopView> {
    return this.workshops.confirm(id, actor);
  }

  /** Add an attendee: a person on the register, or a new one by name and email. */
  @Post(':id/attendees')
  @Access(STAFF_OR_TRAINER, OWN_WORKSHOP)
  @ApiConflict('Ann Smith already attends this workshop.', 'This workshop is full: all 12 places are taken.')
  addAttendee(@Param('id', ParseId) id: string, @Body() dto: AddAttendeeDto, @CurrentUser() actor: Actor): Promise<AttendeeView> {
    return this.attendees.add(id, dto, actor);
  }

  /** Record or correct an attendee's outcome; a completion issues a certificate code. */
  @Post(':id/outcomes')
  @Access(STAFF_OR_TRAINER, OWN_WORKSHOP)
  @ApiConflict(
    "Outcomes can be recorded from the workshop's last day, 2026-03-31; it has not come yet.",
    'The trainer was not accredited on this workshop: no accreditation period covers both its first day (2026-03-30) and its last (2026-03-31), so its outcomes cannot be recorded.',
    'This attendee\'s outcome is already "completed"; a correction must change it.',
  )
  recordOutcome(@Param('id', ParseId) id: string, @Body() dto: RecordOutcomeDto, @CurrentUser() actor: Actor): Promise<OutcomeView> {
    return this.outcomes.record(id, dto, actor);
  }

  /** Every outcome recorded for the workshop's attendees, corrections included. */
  @Get(':id/outcomes')
  @Access(STAFF_OR_TRAINER, OWN_WORKSHOP)
  listOutcomes(@Param('id', ParseId) id: string): Promise<OutcomeView[]> {
    return this.outcomes.history(id);
  }
}
