import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF, ParseId } from '@npa/platform';
import { AccreditationDto, CreateTrainerDto, TrainerAccountDto, TrainerQuery } from './trainer.dto';
import { TrainersService } from './trainers.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('trainers')
export class TrainersController {
  constructor(private readonly trainers: TrainersService) {}

  @Post()
  @Access(NPA_STAFF)
  create(@Body() dto: CreateTrainerDto, @CurrentUser() actor: Actor) {
    return this.trainers.create(dto, actor);
  }

  @Post(':id/accreditations')
  @Access(NPA_STAFF)
  addAccreditation(@Param('id', ParseId) id: string, @Body() dto: AccreditationDto, @CurrentUser() actor: Actor) {
    return this.trainers.addAccreditation(id, dto, actor);
  }

  @Put(':id/user')
  @Access(['npa_admin'])
  linkAccount(@Param('id', ParseId) id: string, @Body() dto: TrainerAccountDto, @CurrentUser() actor: Actor) {
    return this.trainers.linkAccount(id, dto, actor);
  }

  @Get()
  @Access(NPA_STAFF)
  list(@Query() query: TrainerQuery) {
    return this.trainers.list(query);
  }

  @Get(':id')
  @Access([...NPA_STAFF, 'trainer'], { kind: 'trainer', param: 'id' })
  get(@Param('id', ParseId) id: string) {
    return this.trainers.get(id);
  }
}
