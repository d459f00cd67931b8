import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF, pageOf, ParseId } from '@npa/platform';
import { DateRangeQuery } from '@npa/registry';
import { RecordSessionDto } from './supervision.dto';
import { SupervisionService } from './supervision.service';

const STAFF_OR_MANAGER = [...NPA_STAFF, 'service_manager'] as const;
const OWN_SERVICE = { kind: 'service', param: 'id' };

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('services/:id/supervision-sessions')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Post()
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  record(@Param('id', ParseId) id: string, @Body() dto: RecordSessionDto, @CurrentUser() actor: Actor) {
    return this.supervision.record(id, dto, actor);
  }

  @Get()
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  async list(@Param('id', ParseId) id: string, @Query() query: DateRangeQuery) {
    const { items, total } = await this.supervision.list(id, query);
    return pageOf(items, total, query);
  }
}
