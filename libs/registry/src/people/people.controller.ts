import { ApiConflict } from '@npa/platform';
import { InductionResponse, MembershipResponse, PersonDetailResponse, PersonPage, PersonResponse, QualificationResponse } from './people.responses';
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

  /** Add a person to the register (a practitioner, supervisor, manager or member of staff). */
  @Post()
  @Access([...ORGANISATIONS, 'trainer'])
  @ApiConflict('A person with this email is already on the register.')
  createPerson(@Body() dto: CreatePersonDto, @CurrentUser() actor: Actor): Promise<PersonResponse> {
    return this.people.create(dto, actor);
  }

  /** List people on the register. */
  @Get()
  @Access(NPA_STAFF)
  async listPeople(@Query() query: PeopleQuery): Promise<PersonPage> {
    const { items, total } = await this.people.list(query);
    return pageOf(items, total, query);
  }

  /** One person with their memberships, qualifications and induction. */
  @Get(':id')
  @Access(ORGANISATIONS, OWN_PERSON)
  getPerson(@Param('id', ParseId) id: string): Promise<PersonDetailResponse> {
    return this.people.get(id);
  }

  /** Change a person's name or email. */
  @Patch(':id')
  @Access(ORGANISATIONS, OURS_ALONE)
  @ApiConflict('A person with this email is already on the register.')
  updatePerson(@Param('id', ParseId) id: string, @Body() dto: UpdatePersonDto, @CurrentUser() actor: Actor): Promise<PersonResponse> {
    return this.people.update(id, dto, actor);
  }

  /** Record an NPA professional membership. */
  @Post(':id/memberships')
  @Access(ORGANISATIONS, OURS_ALONE)
  @ApiConflict('This person already has a membership covering some of those dates.')
  addMembership(@Param('id', ParseId) id: string, @Body() dto: CreateMembershipDto, @CurrentUser() actor: Actor): Promise<MembershipResponse> {
    return this.people.addMembership(id, dto, actor);
  }

  /** A person's memberships. */
  @Get(':id/memberships')
  @Access(ORGANISATIONS, OWN_PERSON)
  listMemberships(@Param('id', ParseId) id: string): Promise<MembershipResponse[]> {
    return this.people.listMemberships(id);
  }

  /** End a membership early. */
  @Patch(':id/memberships/:membershipId')
  @Access(ORGANISATIONS, OURS_ALONE)
  endMembership(
    @Param('id', ParseId) id: string,
    @Param('membershipId', ParseId) membershipId: string,
    @Body() dto: EndMembershipDto,
    @CurrentUser() actor: Actor,
  ): Promise<MembershipResponse> {
    return this.people.endMembership(id, membershipId, dto, actor);
  }

  /** Record a qualification achieved or being worked towards. */
  @Post(':id/qualifications')
  @Access(ORGANISATIONS, OURS_ALONE)
  addQualification(@Param('id', ParseId) id: string, @Body() dto: CreateQualificationDto, @CurrentUser() actor: Actor): Promise<QualificationResponse> {
    return this.people.addQualification(id, dto, actor);
  }

  /** A person's qualifications. */
  @Get(':id/qualifications')
  @Access(ORGANISATIONS, OWN_PERSON)
  listQualifications(@Param('id', ParseId) id: string): Promise<QualificationResponse[]> {
    return this.people.listQualifications(id);
  }

  /** Record that the NPA induction checklist was completed. */
  @Post(':id/induction')
  @Access([...NPA_STAFF, 'service_manager'], OURS_ALONE)
  recordInduction(@Param('id', ParseId) id: string, @Body() dto: InductionDto, @CurrentUser() actor: Actor): Promise<InductionResponse> {
    return this.people.recordInduction(id, dto, actor);
  }
}
