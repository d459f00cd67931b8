import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, NPA_STAFF, ParseId } from '@npa/platform';
import { RemindersQuery, SweepDto } from './reminders.dto';
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

  @Get('services/:id/reminders')
  @Access([...NPA_STAFF, 'service_manager'], { kind: 'service', param: 'id' })
  forService(@Param('id', ParseId) id: string) {
    return this.reminders.forOrganisation('service', id);
  }

  @Get('settings/:id/reminders')
  @Access([...NPA_STAFF, 'setting_contact'], { kind: 'setting', param: 'id' })
  forSetting(@Param('id', ParseId) id: string) {
    return this.reminders.forOrganisation('setting', id);
  }

  @Get('reminders')
  @Access(NPA_STAFF)
  list(@Query() query: RemindersQuery) {
    return this.reminders.list(query);
  }

  /** Runs the daily sweep now (the worker sends what it finds). */
  @Post('sweeps')
  @HttpCode(200)
  @Access(['npa_admin'])
  run(@Body() dto: SweepDto) {
    return this.sweep.run(dto.asOf);
  }
}
