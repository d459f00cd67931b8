import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF } from '@npa/platform';
import { LocalAuthoritiesService } from './local-authorities.service';
import { CreateLocalAuthorityDto, LocalAuthorityQuery, UpdateLocalAuthorityDto } from './returns.dto';
import { LocalAuthoritiesResponse, LocalAuthorityResponse } from './returns.responses';

@ApiTags('national snapshot')
@ApiBearerAuth()
@Controller('local-authorities')
export class LocalAuthoritiesController {
  constructor(private readonly authorities: LocalAuthoritiesService) {}

  @Get()
  @ApiOperation({ summary: "The local authorities of England: the snapshot's measure of coverage" })
  @Access(NPA_STAFF)
  listLocalAuthorities(@Query() query: LocalAuthorityQuery): Promise<LocalAuthoritiesResponse> {
    return this.authorities.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a local authority (one made by a reorganisation)' })
  @Access(['npa_admin'])
  addLocalAuthority(@Body() dto: CreateLocalAuthorityDto, @CurrentUser() actor: Actor): Promise<LocalAuthorityResponse> {
    return this.authorities.create(dto, actor);
  }

  @Patch(':code')
  @ApiOperation({ summary: "Correct a local authority's name or region, or record the day it ended" })
  @Access(['npa_admin'])
  updateLocalAuthority(@Param('code') code: string, @Body() dto: UpdateLocalAuthorityDto, @CurrentUser() actor: Actor): Promise<LocalAuthorityResponse> {
    return this.authorities.update(code, dto, actor);
  }
}
