import { SupervisionSessionPage, SupervisionSessionResponse } from './supervision.responses';
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

  /** Record a supervision session: its supervisor and the practitioners supervised. */
  @Post()
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  recordSupervisionSession(@Param('id', ParseId) id: string, @Body() dto: RecordSessionDto, @CurrentUser() actor: Actor): Promise<SupervisionSessionResponse> {
    return this.supervision.record(id, dto, actor);
  }

  /** The service's supervision log. */
  @Get()
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  async listSupervisionSessions(@Param('id', ParseId) id: string, @Query() query: DateRangeQuery): Promise<SupervisionSessionPage> {
    const { items, total } = await this.supervision.list(id, query);
    return pageOf(items, total, query);
  }
}
