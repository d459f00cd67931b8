import { ApiConflict } from '@npa/platform';
import { AccreditationView, TrainerView } from './trainer.dto';
import { TrainerPage } from './training.responses';
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

  /** Make a person a trainer with their first accreditation period. */
  @Post()
  @Access(NPA_STAFF)
  @ApiConflict('This person is already a trainer; add an accreditation period to their trainer record instead.')
  createTrainer(@Body() dto: CreateTrainerDto, @CurrentUser() actor: Actor): Promise<TrainerView> {
    return this.trainers.create(dto, actor);
  }

  /** Add an accreditation period to a trainer. */
  @Post(':id/accreditations')
  @Access(NPA_STAFF)
  @ApiConflict('This trainer already has an accreditation period from 2026-01-01 to 2026-12-31.')
  addAccreditation(@Param('id', ParseId) id: string, @Body() dto: AccreditationDto, @CurrentUser() actor: Actor): Promise<AccreditationView> {
    return this.trainers.addAccreditation(id, dto, actor);
  }

  /** Link a trainer's user account to their trainer record. */
  @Put(':id/user')
  @Access(['npa_admin'])
  @ApiConflict('That account is already linked to another trainer record.')
  linkTrainerAccount(@Param('id', ParseId) id: string, @Body() dto: TrainerAccountDto, @CurrentUser() actor: Actor): Promise<TrainerView> {
    return this.trainers.linkAccount(id, dto, actor);
  }

  /** List trainers. */
  @Get()
  @Access(NPA_STAFF)
  listTrainers(@Query() query: TrainerQuery): Promise<TrainerPage> {
    return this.trainers.list(query);
  }

  /** One trainer with their accreditation periods. */
  @Get(':id')
  @Access([...NPA_STAFF, 'trainer'], { kind: 'trainer', param: 'id' })
  getTrainer(@Param('id', ParseId) id: string): Promise<TrainerView> {
    return this.trainers.get(id);
  }
}
