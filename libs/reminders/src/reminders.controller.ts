import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, NPA_STAFF, ParseId } from '@npa/platform';
import { RemindersQuery, SweepDto } from './reminders.dto';
import { RemindersPageResponse, ReminderResponse, SweepSummaryResponse } from './reminders.responses';
import { RemindersService } from './reminders.service';
import { SweepService } from './sweep.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller()
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly sweep: SweepService,
  ) {}

  /** The reminders of a service, latest due first, with where each stands */
  @Get('services/:id/reminders')
  @Access([...NPA_STAFF, 'service_manager'], { kind: 'service', param: 'id' })
  listServiceReminders(@Param('id', ParseId) id: string): Promise<ReminderResponse[]> {
    return this.reminders.forOrganisation('service', id);
  }

  /** The reminders of a setting, latest due first, with where each stands */
  @Get('settings/:id/reminders')
  @Access([...NPA_STAFF, 'setting_contact'], { kind: 'setting', param: 'id' })
  listSettingReminders(@Param('id', ParseId) id: string): Promise<ReminderResponse[]> {
    return this.reminders.forOrganisation('setting', id);
  }

  /** Every reminder across the register, by state and kind, with the count in each state */
  @Get('reminders')
  @Access(NPA_STAFF)
  listReminders(@Query() query: RemindersQuery): Promise<RemindersPageResponse> {
    return this.reminders.list(query);
  }

  /**
   * Run the daily sweep now, as of a day
   *
   * @remarks
   * Evaluates every service and setting, records status changes and the reminders due; the worker sends what it finds.
   * A reminder is recorded once, so sweeping again finds nothing new.
   */
  @Post('sweeps')
  @HttpCode(200)
  @Access(['npa_admin'])
  runSweep(@Body() dto: SweepDto): Promise<SweepSummaryResponse> {
    return this.sweep.run(dto.asOf);
  }
}
