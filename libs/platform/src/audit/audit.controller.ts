import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { pageOf } from '../http/pagination';
import { AuditQuery } from './audit.dto';
import { AuditPage } from './audit.responses';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit log, newest first: every change, sign-in and refusal, optionally of one record. */
  @Get()
  @Access(['npa_admin'])
  async listAuditEntries(@Query() query: AuditQuery): Promise<AuditPage> {
    const { items, total } = await this.audit.list({ entity: query.entity, id: query.id, limit: query.pageSize, offset: query.offset });
    return pageOf(items, total, query);
  }
}
