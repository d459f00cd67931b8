import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../platform/src/auth/access.decorator';
import { Actor, CurrentUser } from '../../platform/src/auth/current-user';
import { NPA_STAFF } from '../../platform/src/auth/roles';
import { pageOf } from '../../platform/src/http/pagination';
import { ParseId } from '../../platform/src/http/validation';
import { DateRangeQuery } from '../../registry/src/services/services.dto';
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
