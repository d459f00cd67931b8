import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF, pageOf, ParseId } from '@npa/platform';
import { CreateMembershipDto, CreatePersonDto, CreateQualificationDto, EndMembershipDto, InductionDto, PeopleQuery, UpdatePersonDto } from './people.dto';
import { PeopleService } from './people.service';
import { PERSON_CHANGE, PERSON_READ } from '../registry.scopes';

const ORGANISATIONS = [...NPA_STAFF, 'service_manager', 'setting_contact'] as const;
// Reading follows a current post; changing identity or facts others rely on needs the person to be ours alone (personAccess).
const OWN_PERSON = { kind: PERSON_READ, param: 'id' };
const OURS_ALONE = { kind: PERSON_CHANGE, param: 'id' };

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @Access([...ORGANISATIONS, 'trainer'])
  create(@Body() dto: CreatePersonDto, @CurrentUser() actor: Actor) {
    return this.people.create(dto, actor);
  }

  @Get()
  @Access(NPA_STAFF)
  async list(@Query() query: PeopleQuery) {
    const { items, total } = await this.people.list(query);
    return pageOf(items, total, query);
  }

  @Get(':id')
  @Access(ORGANISATIONS, OWN_PERSON)
  get(@Param('id', ParseId) id: string) {
    return this.people.get(id);
  }

  @Patch(':id')
  @Access(ORGANISATIONS, OURS_ALONE)
  update(@Param('id', ParseId) id: string, @Body() dto: UpdatePersonDto, @CurrentUser() actor: Actor) {
    return this.people.update(id, dto, actor);
  }

  @Post(':id/memberships')
  @Access(ORGANISATIONS, OURS_ALONE)
  addMembership(@Param('id', ParseId) id: string, @Body() dto: CreateMembershipDto, @CurrentUser() actor: Actor) {
    return this.people.addMembership(id, dto, actor);
  }

  @Get(':id/memberships')
  @Access(ORGANISATIONS, OWN_PERSON)
  listMemberships(@Param('id', ParseId) id: string) {
    return this.people.listMemberships(id);
  }

  @Patch(':id/memberships/:membershipId')
  @Access(ORGANISATIONS, OURS_ALONE)
  endMembership(
    @Param('id', ParseId) id: string,
    @Param('membershipId', ParseId) membershipId: string,
    @Body() dto: EndMembershipDto,
    @CurrentUser() actor: Actor,
  ) {
    return this.people.endMembership(id, membershipId, dto, actor);
  }

  @Post(':id/qualifications')
  @Access(ORGANISATIONS, OURS_ALONE)
  addQualification(@Param('id', ParseId) id: string, @Body() dto: CreateQualificationDto, @CurrentUser() actor: Actor) {
    return this.people.addQualification(id, dto, actor);
  }

  @Get(':id/qualifications')
  @Access(ORGANISATIONS, OWN_PERSON)
  listQualifications(@Param('id', ParseId) id: string) {
    return this.people.listQualifications(id);
  }

  @Post(':id/induction')
  @Access([...NPA_STAFF, 'service_manager'], OURS_ALONE)
  recordInduction(@Param('id', ParseId) id: string, @Body() dto: InductionDto, @CurrentUser() actor: Actor) {
    return this.people.recordInduction(id, dto, actor);
  }
}
