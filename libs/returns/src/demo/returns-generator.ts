import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, minDate, type IsoDate } from '@npa/platform';
import { insertRows, random, serviceRegistrations } from '@npa/registry';
import { defaultDueOn, latestFilingYear, reportingYear } from '../rules/reporting-year';
import type { ReturnFigures } from '../rules/figures';

export interface ReturnsDemoOptions {
  seed: number;
  today: IsoDate;
  serviceIds: string[];
  /** Who the demo returns are recorded as filed by (an NPA admin's user id). */
  filedBy: string;
}

/**
 * Two years of annual returns for the demo register, so the snapshot shows a trend at once: the older
 * year closed by the NPA with a few returns never filed, the latest still open with more missing, and
 * demand rising by about a tenth, as the NPA's own snapshot reports.
 */
export async function generateReturns(dataSource: DataSource, options: ReturnsDemoOptions): Promise<{ returns: number; years: string[] }> {
  const rnd = random(options.seed + 17);
  const latest = latestFilingYear(options.today);
  const years = [reportingYear(latest.startYear - 1), latest];
  const services = await serviceRegistrations(dataSource.manager, options.serviceIds);
  const rows: Record<string, unknown>[] = [];
  const revisions: Record<string, unknown>[] = [];
  const lastYear = new Map<string, ReturnFigures>();
  for (const [index, year] of years.entries()) {
    const latestYear = index === years.length - 1;
    for (const s of services) {
      if (s.registeredOn > year.endsOn || rnd.chance(latestYear ? 0.12 : 0.05)) continue;
      const before = lastYear.get(s.id);
      const referralsAccepted = before ? Math.round(before.referralsAccepted * (0.95 + rnd.next() * 0.3)) : 60 + rnd.int(180);
      const childrenSupported = Math.min(referralsAccepted + (before?.childrenSupported ?? 40), Math.round(referralsAccepted * (0.85 + rnd.next() * 0.25)));
      const funding = rnd.next();
      const figures: ReturnFigures = {
        referralsAccepted,
        childrenSupported,
        waitingList: rnd.chance(0.97) ? 3 + rnd.int(45) : 0,
        ageRange: s.ageRange,
        fundingSource: funding < 0.95 ? 'local_authority' : funding < 0.98 ? 'charity' : 'independent',
        budgetCut: rnd.chance(0.1),
        teamFte: Math.round((2.5 + rnd.next() * 4) * 10) / 10,
        annualCost: Math.round((childrenSupported * (2100 + rnd.int(600))) / 100) * 100,
      };
      lastYear.set(s.id, figures);
      const id = randomUUID();
      // Most file in the spring; some late ones in the summer. Never after today.
      const filedAt = `${minDate(addDays(year.opensOn, 10 + rnd.int(100)), options.today)}T09:00:00Z`;
      rows.push({
        id,
        service_id: s.id,
        start_year: year.startYear,
        ...snake(figures),
        revision: 1,
        filed_by: options.filedBy,
        filed_at: filedAt,
        updated_by: options.filedBy,
        updated_at: filedAt,
        version: 1,
      });
      revisions.push({ id: randomUUID(), return_id: id, revision: 1, figures, filed_by: options.filedBy, filed_by_name: 'Demo data', filed_at: filedAt });
    }
  }
  await dataSource.transaction(async (m) => {
    await insertRows(
      m,
      'annual_returns',
      {
        id: 'uuid',
        service_id: 'uuid',
        start_year: 'int',
        referrals_accepted: 'int',
        children_supported: 'int',
        waiting_list: 'int',
        age_range: 'text',
        funding_source: 'text',
        budget_cut: 'boolean',
        team_fte: 'numeric',
        annual_cost: 'int',
        revision: 'int',
        filed_by: 'uuid',
        filed_at: 'timestamptz',
        updated_by: 'uuid',
        updated_at: 'timestamptz',
        version: 'int',
      },
      rows,
    );
    await insertRows(
      m,
      'annual_return_revisions',
      { id: 'uuid', return_id: 'uuid', revision: 'int', figures: 'jsonb', filed_by: 'uuid', filed_by_name: 'text', filed_at: 'timestamptz' },
      revisions,
    );
    // The older year is closed; the latest stays open (its snapshot is provisional).
    const older = years[0];
    await m.query(
      `INSERT INTO return_years (start_year, due_on, closed_at, closed_by, version) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (start_year) DO UPDATE SET closed_at = EXCLUDED.closed_at, closed_by = EXCLUDED.closed_by`,
      [older.startYear, defaultDueOn(older), `${addDays(defaultDueOn(older), 60)}T17:00:00Z`, options.filedBy],
    );
  });
  return { returns: rows.length, years: years.map((y) => y.label) };
}

function snake(f: ReturnFigures) {
  return {
    referrals_accepted: f.referralsAccepted,
    children_supported: f.childrenSupported,
    waiting_list: f.waitingList,
    age_range: f.ageRange,
    funding_source: f.fundingSource,
    budget_cut: f.budgetCut,
    team_fte: f.teamFte,
    annual_cost: f.annualCost,
  };
}
