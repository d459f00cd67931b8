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

  @Post()
  @Access(STAFF_OR_TRAINER)
  create(@Body() dto: CreateWorkshopDto, @CurrentUser() actor: Actor) {
    return this.workshops.create(dto, actor);
  }

  @Get()
  @Access(STAFF_OR_TRAINER)
  list(@Query() query: WorkshopQuery, @CurrentUser() actor: Actor) {
    return this.workshops.list(query, actor);
  }

  @Get(':id')
  @Access(STAFF_OR_TRAINER, OWN_WORKSHOP)
  get(@Param('id', ParseId) id: string) {
    return this.workshops.get(id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Access(NPA_STAFF)
  confirm(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor) {
    return this.workshops.confirm(id, actor);
  }

  @Post(':id/attendees')
  @Access(STAFF_OR_TRAINER, OWN_WORKSHOP)
  addAttendee(@Param('id', ParseId) id: string, @Body() dto: AddAttendeeDto, @CurrentUser() actor: Actor) {
    return this.attendees.add(id, dto, actor);
  }

  @Post(':id/outcomes')
  @Access(STAFF_OR_TRAINER, OWN_WORKSHOP)
  recordOutcome(@Param('id', ParseId) id: string, @Body() dto: RecordOutcomeDto, @CurrentUser() actor: Actor) {
    return this.outcomes.record(id, dto, actor);
  }

  @Get(':id/outcomes')
  @Access(STAFF_OR_TRAINER, OWN_WORKSHOP)
  outcomeHistory(@Param('id', ParseId) id: string) {
    return this.outcomes.history(id);
  }
}
