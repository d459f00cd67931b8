import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { IsoDate } from '@npa/platform';
import { notFound, containsPattern, Clock } from '@npa/platform';
import { FactsLoader, RuleParametersService } from '@npa/compliance';
import { settingNames } from '@npa/registry';
import { Award } from './award.entity';
import { PublicRegisterQuery } from './approval.dto';
import { AwardPeriod, awardPeriodFor, awardOn, awardStatus, renewalOf } from './rules/award.rules';

/** An award in force that ends soon with no renewal yet. */
export interface ExpiringAward {
  settingId: string;
  settingName: string;
  award: AwardPeriod;
  expiresOn: IsoDate;
}

/** A setting's awards: made by approvals, read as of any date, and the public register of approved settings. */
@Injectable()
export class AwardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: FactsLoader,
    private readonly parameters: RuleParametersService,
    private readonly clock: Clock,
  ) {}

  async periods(settingId: string, manager: EntityManager = this.dataSource.manager): Promise<AwardPeriod[]> {
    return (await this.periodsOf([settingId], manager)).get(settingId) ?? [];
  }

  /** Each setting's awards, earliest first, for several settings in one query. */
  async periodsOf(settingIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, AwardPeriod[]>> {
    const rows = await manager.find(Award, { where: { settingId: In([...new Set(settingIds)]) }, order: { startsOn: 'ASC' } });
    const period = (a: Award): AwardPeriod => ({ id: a.id, awardedOn: a.awardedOn, startsOn: a.startsOn, expiresOn: a.expiresOn });
    return new Map([...Map.groupBy(rows, (a) => a.settingId)].map(([settingId, awards]) => [settingId, awards.map(period)]));
  }

  /**
   * Awards granted by asOf that expire within `withinDays` of it (from asOf on) and have not been
   * renewed (renewalOf), soonest first: for the renewal reminders and the office dashboard.
   */
  async expiringUnrenewed(asOf: IsoDate, withinDays: number, limit?: number): Promise<ExpiringAward[]> {
    // Every award of the settings concerned in one query, so renewal is judged without a second read.
    const rows = await this.dataSource.query<(AwardPeriod & { settingId: string; expiring: boolean })[]>(
      `SELECT a.id, a.setting_id AS "settingId", a.awarded_on::text AS "awardedOn", a.starts_on::text AS "startsOn",
              a.expires_on::text AS "expiresOn", (a.awarded_on <= $1 AND a.expires_on >= $1 AND a.expires_on - $2::int <= $1) AS expiring
         FROM awards a
        WHERE a.setting_id IN (SELECT setting_id FROM awards WHERE awarded_on <= $1 AND expires_on >= $1 AND expires_on - $2::int <= $1)
        ORDER BY a.starts_on, a.id`,
      [asOf, withinDays],
    );
    const periods = new Map<string, AwardPeriod[]>();
    for (const { settingId, id, awardedOn, startsOn, expiresOn } of rows)
      periods.set(settingId, [...(periods.get(settingId) ?? []), { id, awardedOn, startsOn, expiresOn }]);
    const names = await settingNames(this.dataSource, [...periods.keys()]);
    const expiring = rows
      .filter((a) => a.expiring)
      .map(({ settingId, id, awardedOn, startsOn, expiresOn }) => ({
        settingId,
        settingName: names.get(settingId) ?? '',
        award: { id, awardedOn, startsOn, expiresOn },
        expiresOn,
      }))
      .filter((a) => !renewalOf(periods.get(a.settingId) ?? [], a.award, asOf))
      .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.settingName.localeCompare(b.settingName) || a.award.id.localeCompare(b.award.id));
    return limit === undefined ? expiring : expiring.slice(0, limit);
  }

  /** The award an approval makes, in the approval's transaction (the caller holds the setting's lock). */
  async grant(manager: EntityManager, settingId: string, applicationId: string, decidedOn: IsoDate): Promise<Award> {
    const current = awardOn(await this.periods(settingId, manager), decidedOn);
    return manager.save(manager.create(Award, { settingId, applicationId, awardedOn: decidedOn, ...awardPeriodFor(decidedOn, current) }));
  }

  async status(settingId: string, asOf: IsoDate = this.clock.today()) {
    const [facts, { params, version }, periods] = await Promise.all([
      this.facts.settings([settingId], asOf),
      this.parameters.current(),
      this.periods(settingId),
    ]);
    const settingFacts = facts.get(settingId);
    if (!settingFacts) throw notFound('The setting');
    return { settingId, parameterVersion: version, ...awardStatus(periods, settingFacts, params, asOf) };
  }

  /** Settings holding a Stamp of Approval today: name, kind, area and award dates, nothing else. */
  async approvedSettings(query: PublicRegisterQuery) {
    const today = this.clock.today();
    const builder = this.approved(today).orderBy('s.name').addOrderBy('s.id').offset(query.offset).limit(query.pageSize);
    if (query.q) builder.andWhere('(s.name ILIKE :q OR s.local_area ILIKE :q OR s.ofsted_urn ILIKE :q)', { q: containsPattern(query.q) });
    const [rows, total] = await Promise.all([builder.getRawMany<PublicRow>(), builder.clone().offset(undefined).limit(undefined).orderBy().getCount()]);
    return { asOf: today, items: rows.map(toPublicView), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * Anyone can check one setting by its Ofsted URN. Only a setting holding an award today is described:
   * any other answers exactly as an unknown URN does, since a childminder's setting name is often their own.
   */
  async checkSetting(ofstedUrn: string) {
    const today = this.clock.today();
    const row = await this.approved(today).andWhere('s.ofsted_urn = :urn', { urn: ofstedUrn.toUpperCase() }).getRawOne<PublicRow>();
    if (!row) throw notFound('A setting holding the Stamp of Approval with that Ofsted URN');
    return { approved: true, ...toPublicView(row), asOf: today };
  }

  private approved(today: IsoDate) {
    return this.dataSource
      .createQueryBuilder()
      .select(['s.name AS name', 's.kind AS kind', 's.local_area AS local_area', 'a.awarded_on::text AS awarded_on', 'a.expires_on::text AS expires_on'])
      .from('settings', 's')
      .innerJoin('awards', 'a', 'a.setting_id = s.id AND a.awarded_on <= :today AND a.starts_on <= :today AND a.expires_on >= :today', { today });
  }
}

interface PublicRow {
  name: string;
  kind: string;
  local_area: string | null;
  awarded_on: string;
  expires_on: string;
}

const toPublicView = (r: PublicRow) => ({ name: r.name, kind: r.kind, localArea: r.local_area, awardedOn: r.awarded_on, expiresOn: r.expires_on });
