import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { PageQuery, pageOf } from '../http/pagination';
import { AuditService } from './audit.service';

class AuditQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  id?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access(['npa_admin'])
  async list(@Query() query: AuditQuery) {
    const { items, total } = await this.audit.list({ entity: query.entity, id: query.id, limit: query.pageSize, offset: query.offset });
    return pageOf(items, total, query);
  }
}
