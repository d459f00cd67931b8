import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF } from '@npa/platform';
import { LocalAuthoritiesService } from './local-authorities.service';
import { CreateLocalAuthorityDto, LocalAuthorityQuery, UpdateLocalAuthorityDto } from './returns.dto';

@ApiTags('national snapshot')
@ApiBearerAuth()
@Controller('local-authorities')
export class LocalAuthoritiesController {
  constructor(private readonly authorities: LocalAuthoritiesService) {}

  @Get()
  @ApiOperation({ summary: "The local authorities of England: the snapshot's measure of coverage" })
  @Access(NPA_STAFF)
  list(@Query() query: LocalAuthorityQuery) {
    return this.authorities.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a local authority (one made by a reorganisation)' })
  @Access(['npa_admin'])
  create(@Body() dto: CreateLocalAuthorityDto, @CurrentUser() actor: Actor) {
    return this.authorities.create(dto, actor);
  }

  @Patch(':code')
  @ApiOperation({ summary: "Correct a local authority's name or region, or record the day it ended" })
  @Access(['npa_admin'])
  update(@Param('code') code: string, @Body() dto: UpdateLocalAuthorityDto, @CurrentUser() actor: Actor) {
    return this.authorities.update(code, dto, actor);
  }
}
