import { Injectable } from '@nestjs/common';
import { ServicesService, SettingsService } from '@npa/registry';

export interface Option {
  id: string;
  name: string;
}

/** The services and settings a user may belong to, by name, for the user form's selects. */
@Injectable()
export class OrganisationOptions {
  constructor(
    private readonly services: ServicesService,
    private readonly settings: SettingsService,
  ) {}

  async all(): Promise<{ services: Option[]; settings: Option[] }> {
    const [services, settings] = await Promise.all([this.services.options(), this.settings.options()]);
    return { services, settings };
  }
}
