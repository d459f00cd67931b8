import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { liveUsersOf } from '@npa/platform';
import type { MailRecipient } from './letter-request';

/** Who letters about an organisation go to: its users with the matching role, whose accounts are live. */
@Injectable()
export class Recipients {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  settingContacts(settingId: string, manager: EntityManager = this.dataSource.manager): Promise<MailRecipient[]> {
    return liveUsersOf(manager, 'setting_contact', settingId);
  }

  serviceManagers(serviceId: string, manager: EntityManager = this.dataSource.manager): Promise<MailRecipient[]> {
    return liveUsersOf(manager, 'service_manager', serviceId);
  }
}
