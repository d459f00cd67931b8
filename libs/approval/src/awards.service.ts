import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IsoDate } from '@npa/platform';
import { notFound, containsPattern, Clock } from '@npa/platform';
import { FactsLoader, RuleParametersService } from '@npa/compliance';
import { Award } from './award.entity';
import { PublicRegisterQuery } from './approval.dto';
import { AwardPeriod, awardPeriodFor, awardOn, awardStatus, renewalOf } from './rules/award.rules';

/** An award in force that ends soon with no renewal yet. */
export interface ExpiringAward {
  settingId: string;
  settingName: string;
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
    const rows = await manager.find(Award, { where: { settingId }, order: { startsOn: 'ASC' } });
    return rows.map((a) => ({ id: a.id, awardedOn: a.awardedOn, startsOn: a.startsOn, expiresOn: a.expiresOn }));
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

  /**
   * Awards in force on `today` that end by `until` and have not been renewed (renewalOf), soonest first.
   * One query reads every award of the settings concerned, so the rules judge renewal, not the SQL.
   */
  async expiringUnrenewed(today: IsoDate, until: IsoDate, limit = 50): Promise<ExpiringAward[]> {
    const rows = await this.dataSource.query<(AwardPeriod & { settingId: string; settingName: string })[]>(
      `SELECT a.id, a.setting_id AS "settingId", s.name AS "settingName", a.awarded_on::text AS "awardedOn", a.starts_on::text AS "startsOn",
              a.expires_on::text AS "expiresOn"
         FROM awards a JOIN settings s ON s.id = a.setting_id
        WHERE a.setting_id IN (SELECT setting_id FROM awards WHERE expires_on BETWEEN $1 AND $2 AND starts_on <= $1)`,
      [today, until],
    );
    const bySetting = new Map<string, typeof rows>();
    for (const r of rows) bySetting.set(r.settingId, [...(bySetting.get(r.settingId) ?? []), r]);
    const expiring = [...bySetting.values()].flatMap((awards) => {
      const current = awardOn(awards, today);
      if (!current || current.expiresOn > until || renewalOf(awards, current, today)) return [];
      return [{ settingId: awards[0].settingId, settingName: awards[0].settingName, expiresOn: current.expiresOn }];
    });
    expiring.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.settingName.localeCompare(b.settingName));
    return expiring.slice(0, limit);
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
