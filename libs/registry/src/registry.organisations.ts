import { Injectable, OnModuleInit } from '@nestjs/common';
import { Organisations } from '@npa/platform';
import { organisationExists } from './register.queries';

/** Tells platform how to find the register's organisations (the users service checks an account's). */
@Injectable()
export class RegistryOrganisations implements OnModuleInit {
  constructor(private readonly organisations: Organisations) {}

  onModuleInit(): void {
    this.organisations.register('service', (manager, id) => organisationExists(manager, 'service', id));
    this.organisations.register('setting', (manager, id) => organisationExists(manager, 'setting', id));
  }
}
