import { Module } from '@nestjs/common';
import { PeopleController } from './people/people.controller';
import { PeopleService } from './people/people.service';
import { RegistryOrganisations } from './registry.organisations';
import { RegistryScopes } from './registry.scopes';
import { ServicesController } from './services/services.controller';
import { ServicesService } from './services/services.service';
import { TeamService } from './services/team.service';
import { SettingsController } from './settings/settings.controller';
import { SettingsService } from './settings/settings.service';
import { InspectionsService } from './settings/inspections.service';

/** Services and their teams, people and their memberships, settings and their staff. */
@Module({
  controllers: [ServicesController, PeopleController, SettingsController],
  providers: [RegistryScopes, RegistryOrganisations, ServicesService, TeamService, PeopleService, SettingsService, InspectionsService],
  exports: [ServicesService, TeamService, PeopleService, SettingsService, InspectionsService],
})
export class RegistryModule {}
