// The public door of @npa/registry: other libs, apps and tests import only what is here.
export { AddStaffDto, EndStaffDto, InspectionDto, RejectInspectionDto, StaffQuery } from './settings/settings.dto';
export { AddTeamMemberDto, DateRangeQuery, TeamQuery, UpdateTeamMemberDto } from './services/services.dto';
export { AGE_RANGES, type AgeRange, Service } from './services/service.entity';
export { CreatePersonDto } from './people/people.dto';
export {
  anonymisePerson,
  askTheOffice,
  findOrCreatePerson,
  findPersonByEmail,
  lockPersonForRetention,
  normaliseEmail,
  personIdsByEmail,
  personNamesInUse,
  toPersonView,
} from './people/people.repository';
export { generateRegister, insertRows, random } from './demo/register-generator';
export { Induction } from './people/induction.entity';
export { Inspection, INSPECTION_STATUSES, type InspectionStatus, type OfstedGrade } from './settings/inspection.entity';
export { InspectionsService, type InspectionView } from './settings/inspections.service';
export { Membership } from './people/membership.entity';
export { NetworkingAttendance } from './services/networking-attendance.entity';
export { PeopleService } from './people/people.service';
export { Person } from './people/person.entity';
export { Qualification, type QualificationKind, type QualificationStatus } from './people/qualification.entity';
export { RegistryModule } from './registry.module';
export { ServicesService } from './services/services.service';
export { Setting, SETTING_KINDS, type SettingKind } from './settings/setting.entity';
export { SettingsService, type StaffCountChangeView } from './settings/settings.service';
export { SettingStaff } from './settings/setting-staff.entity';
export { TeamMember, TEAM_ROLES, type TeamRole } from './services/team-member.entity';
export { TeamService } from './services/team.service';
export { linkByEmail } from './people/person-access.rules';
export { organisationExists, serviceLine, serviceLines, serviceRegistrations, settingNames, teamCaseloadOn, type ServiceLine } from './register.queries';
export { membershipPeriodsOf, peopleByEmail, servicesByNumber, settingsByUrn, teamPostsOf, type PersonRef, type PostRef } from './register-lookups';
export { REGISTRY_PERSONAL_DATA } from './personal-data';
export { StaffCountChangeResponse } from './settings/settings.responses';
