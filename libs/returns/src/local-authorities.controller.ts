import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Actor, ApiConflict, CurrentUser, NPA_STAFF } from '@npa/platform';
import { LocalAuthoritiesService } from './local-authorities.service';
import { CreateLocalAuthorityDto, LocalAuthorityQuery, UpdateLocalAuthorityDto } from './returns.dto';
import { LocalAuthoritiesResponse, LocalAuthorityResponse } from './returns.responses';

// A handler that declares an error response of its own (409, 413, the year's 400) gets no 2xx from the swagger
// plugin (it adds one only where none is declared), so those handlers name their answer here as well.
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
  @ApiConflict('Cumberland (E06000063) is already in the table.')
  @Access(['npa_admin'])
  @ApiCreatedResponse({ type: LocalAuthorityResponse })
  addLocalAuthority(@Body() dto: CreateLocalAuthorityDto, @CurrentUser() actor: Actor): Promise<LocalAuthorityResponse> {
    return this.authorities.create(dto, actor);
  }

  @Patch(':code')
  @ApiOperation({ summary: "Correct a local authority's name or region, or record the day it ended" })
  @ApiConflict('Another local authority is already called Cumberland.')
  @Access(['npa_admin'])
  @ApiOkResponse({ type: LocalAuthorityResponse })
  updateLocalAuthority(@Param('code') code: string, @Body() dto: UpdateLocalAuthorityDto, @CurrentUser() actor: Actor): Promise<LocalAuthorityResponse> {
    return this.authorities.update(code, dto, actor);
  }
}
