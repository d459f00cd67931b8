import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, invalid, isNpaStaff, notFound, Clock } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { Inspection } from './inspection.entity';
import { Setting } from './setting.entity';
import { InspectionDto } from './settings.dto';

export const toInspectionView = (i: Inspection) => ({
  id: i.id,
  settingId: i.settingId,
  date: i.date,
  grade: i.grade,
  status: i.status,
  reportUrl: i.reportUrl,
  /** Sent by the setting rather than recorded by NPA staff. */
  proposed: i.proposedBy !== null || i.status !== 'recorded',
  decidedAt: i.decidedAt?.toISOString() ?? null,
  rejectionReason: i.rejectionReason,
  createdAt: i.createdAt.toISOString(),
});
export type InspectionView = ReturnType<typeof toInspectionView>;

/**
 * Ofsted inspections are recorded by NPA staff only: what a setting sends is a proposal (date, grade and
 * the report's address) that staff confirm against Ofsted's report or reject with a reason. Until
 * confirmed it never counts for SA-OFSTED, so no setting certifies its own grade.
 */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** NPA staff record an inspection outright; a setting contact proposes one. */
  async record(settingId: string, dto: InspectionDto, actor: Actor): Promise<InspectionView> {
    if (dto.date > this.clock.today()) throw invalid('An inspection cannot be in the future.', [{ field: 'date', problem: 'must be today or earlier' }]);
    const staff = isNpaStaff(actor.role);
    if (!staff && !dto.reportUrl)
      throw invalid('Give the address of the Ofsted report, so NPA staff can check the grade against it.', [
        { field: 'reportUrl', problem: 'is required when a setting proposes an inspection' },
      ]);
    return this.dataSource.transaction(async (manager) => {
      await lockSetting(manager, settingId);
      const inspection = manager.create(Inspection, {
        settingId,
        date: dto.date,
        grade: dto.grade,
        reportUrl: dto.reportUrl ?? null,
        status: staff ? 'recorded' : 'proposed',
        proposedBy: staff ? null : actor.id,
      });
      const view = toInspectionView(await manager.save(inspection));
      await this.audit.record(
        { actor, action: staff ? 'inspection.recorded' : 'inspection.proposed', entity: 'setting', entityId: settingId, after: view },
        manager,
      );
      return view;
    });
  }

  async confirm(settingId: string, inspectionId: string, actor: Actor): Promise<InspectionView> {
    return this.decide(settingId, inspectionId, actor, { status: 'recorded', rejectionReason: null });
  }

  async reject(settingId: string, inspectionId: string, reason: string, actor: Actor): Promise<InspectionView> {
    return this.decide(settingId, inspectionId, actor, { status: 'rejected', rejectionReason: reason.trim() });
  }

  async list(settingId: string): Promise<InspectionView[]> {
    if (!(await this.dataSource.getRepository(Setting).existsBy({ id: settingId }))) throw notFound('The setting');
    const rows = await this.dataSource.getRepository(Inspection).find({ where: { settingId }, order: { date: 'DESC', createdAt: 'DESC' } });
    return rows.map(toInspectionView);
  }

  private async decide(settingId: string, inspectionId: string, actor: Actor, outcome: Pick<Inspection, 'status' | 'rejectionReason'>) {
    return this.dataSource.transaction(async (manager) => {
      await lockSetting(manager, settingId);
      const inspection = await manager.findOneBy(Inspection, { id: inspectionId, settingId });
      if (!inspection) throw notFound('The inspection');
      if (inspection.status !== 'proposed')
        throw conflict('INSPECTION.NOT_PROPOSED', `This inspection is ${inspection.status} already; only a proposal waits for NPA staff.`);
      const before = toInspectionView(inspection);
      Object.assign(inspection, outcome, { decidedBy: actor.id, decidedAt: this.clock.now() });
      const after = toInspectionView(await manager.save(inspection));
      const action = outcome.status === 'recorded' ? 'inspection.confirmed' : 'inspection.rejected';
      await this.audit.record({ actor, action, entity: 'setting', entityId: settingId, before, after }, manager);
      return after;
    });
  }
}

async function lockSetting(manager: EntityManager, id: string): Promise<Setting> {
  const setting = await manager.findOne(Setting, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!setting) throw notFound('The setting');
  return setting;
}
