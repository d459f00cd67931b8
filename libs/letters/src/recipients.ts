import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MailRecipient } from './letter-request';

/** Who letters about an organisation go to: its users with the matching role, whose accounts are live. */
@Injectable()
export class Recipients {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  settingContacts(settingId: string, manager: EntityManager = this.dataSource.manager): Promise<MailRecipient[]> {
    return this.users(manager, `role = 'setting_contact' AND organisation_id = $1`, [settingId]);
  }

  serviceManagers(serviceId: string, manager: EntityManager = this.dataSource.manager): Promise<MailRecipient[]> {
    return this.users(manager, `role = 'service_manager' AND organisation_id = $1`, [serviceId]);
  }

  private users(manager: EntityManager, where: string, args: unknown[]): Promise<MailRecipient[]> {
    return manager.query<MailRecipient[]>(`SELECT email, name FROM users WHERE ${where} AND disabled_at IS NULL ORDER BY lower(email)`, args);
  }
}
