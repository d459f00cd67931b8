import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface Option {
  id: string;
  name: string;
}

/** The services and settings a user may belong to, by name, for the user form's selects. */
@Injectable()
export class OrganisationOptions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(): Promise<{ services: Option[]; settings: Option[] }> {
    const [services, settings] = await Promise.all([
      this.dataSource.query<Option[]>('SELECT id, name FROM services ORDER BY name, id LIMIT 2000'),
      this.dataSource.query<Option[]>('SELECT id, name FROM settings ORDER BY name, id LIMIT 2000'),
    ]);
    return { services, settings };
  }
}
