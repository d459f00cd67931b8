import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, todayIn, Clock } from '@npa/platform';
import { serviceLines } from '@npa/registry';
import { AnnualReturn } from './annual-return.entity';
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
    const [services, returns] = await Promise.all([
      serviceLines(this.dataSource.manager, reportingYear(startYear).endsOn),
      this.dataSource.getRepository(AnnualReturn).find({ where: { startYear } }),
    ]);
    const returned = new Map(returns.map((r) => [r.serviceId, r]));
    const today = this.clock.today();
    const lines = services.map((s): FilingLine => {
      const r = returned.get(s.id);
      return {
        serviceId: s.id,
        serviceName: s.name,
        registrationNumber: s.registrationNumber,
        localAuthority: s.localAuthority,
        region: s.region,
        state: returnState(r ? todayIn(this.config.TIME_ZONE, r.filedAt) : null, year, today),
        filedAt: r ? r.filedAt.toISOString() : null,
        updatedAt: r ? r.updatedAt.toISOString() : null,
        revision: r?.revision ?? 0,
      };
    });
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
