import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, todayIn, Clock } from '@npa/platform';
import { ReturnYears, type YearSettings } from './return-years.service';
import type { YearStatusQuery } from './returns.dto';
import { isFiled, returnState, type ReturnState } from './returns.views';
import { reportingYear } from './rules/reporting-year';

export interface FilingLine {
  serviceId: string;
  serviceName: string;
  registrationNumber: string;
  localAuthority: string;
  region: string;
  state: ReturnState;
  filedAt: string | null;
  updatedAt: string | null;
  revision: number;
}

export interface FilingStatus {
  year: YearSettings;
  counts: { expected: number; filed: number; filedLate: number; notFiled: number };
  services: FilingLine[];
}

/** Which services have filed a year's return and which have not: the office's chasing list. */
@Injectable()
export class FilingStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: ReturnYears,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async status(startYear: number, query: YearStatusQuery = {}): Promise<FilingStatus> {
    const year = await this.years.settings(startYear);
    const rows = await this.dataSource.query<
      {
        id: string;
        name: string;
        registration_number: string;
        local_authority: string;
        region: string;
        filed_at: Date | null;
        updated_at: Date | null;
        revision: number | null;
      }[]
    >(
      `SELECT s.id, s.name, s.registration_number, s.local_authority, s.region, r.filed_at, r.updated_at, r.revision
         FROM services s LEFT JOIN annual_returns r ON r.service_id = s.id AND r.start_year = $1
        WHERE s.registered_on <= $2
        ORDER BY s.name, s.id`,
      [startYear, reportingYear(startYear).endsOn],
    );
    const today = this.clock.today();
    const lines: FilingLine[] = rows.map((r) => ({
      serviceId: r.id,
      serviceName: r.name,
      registrationNumber: r.registration_number,
      localAuthority: r.local_authority,
      region: r.region,
      state: returnState(r.filed_at ? todayIn(this.config.TIME_ZONE, new Date(r.filed_at)) : null, year, today),
      filedAt: r.filed_at ? new Date(r.filed_at).toISOString() : null,
      updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
      revision: r.revision ?? 0,
    }));
    const filed = lines.filter((l) => isFiled(l.state));
    const selected = lines.filter(
      (l) => (query.state ? l.state === query.state : true) && (query.notFiled ? isFiled(l.state) === (query.notFiled === 'false') : true),
    );
    return {
      year,
      counts: {
        expected: lines.length,
        filed: filed.length,
        filedLate: filed.filter((l) => l.state === 'filed_late').length,
        notFiled: lines.length - filed.length,
      },
      services: selected,
    };
  }
}
