import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Application } from './application.entity';
import { ApplicationCriterion } from './application-criterion.entity';
import { Award } from './award.entity';
import { Evidence } from './evidence.entity';
import { EvidenceOnFile } from './evidence-on-file.entity';
import { statementsToCarry } from './rules/renewal.rules';

/** Last year's application as a renewal shows it beside this year's. */
export interface PreviousYear {
  application: Application;
  criteria: ApplicationCriterion[];
  award: Award | null;
}

/**
 * A renewal starts from last year: the statements of the application that won the setting's latest award
 * are copied, each marked carried over until the setting confirms or edits it, and the evidence that
 * supported it is listed as on file (referenced, not copied).
 */
@Injectable()
export class RenewalCarryOver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In the opening transaction: fills the new application from last year's, if the setting has or had an award. */
  async carryInto(manager: EntityManager, application: Application): Promise<void> {
    const award = await manager.findOne(Award, { where: { settingId: application.settingId }, order: { expiresOn: 'DESC' } });
    if (!award) return;
    const previousId = award.applicationId;
    await manager.update(Application, { id: application.id }, { previousApplicationId: previousId });
    application.previousApplicationId = previousId;
    const statements = statementsToCarry(await manager.findBy(ApplicationCriterion, { applicationId: previousId }));
    for (const s of statements) {
      await manager.update(ApplicationCriterion, { applicationId: application.id, criterionId: s.criterionId }, { statement: s.statement, carriedOver: true });
    }
    const ids = await this.evidenceIdsOf(previousId, manager);
    if (ids.length > 0)
      await manager.insert(
        EvidenceOnFile,
        ids.map((evidenceId) => ({ applicationId: application.id, evidenceId })),
      );
  }

  /** The files an application holds, its own uploads and what is on file from last year alike. */
  async evidenceIdsOf(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const [own, onFile] = await Promise.all([
      manager.find(Evidence, { where: { applicationId }, select: { id: true } }),
      manager.find(EvidenceOnFile, { where: { applicationId } }),
    ]);
    return [...new Set([...own.map((e) => e.id), ...onFile.map((e) => e.evidenceId)])];
  }

  /** Last year's evidence listed on this application, oldest first. */
  async onFile(applicationId: string): Promise<Evidence[]> {
    const refs = await this.dataSource.getRepository(EvidenceOnFile).findBy({ applicationId });
    if (refs.length === 0) return [];
    return this.dataSource.getRepository(Evidence).find({ where: { id: In(refs.map((r) => r.evidenceId)) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Evidence that supports the application: its own uploads, then last year's on file. */
  async supporting(applicationId: string): Promise<Evidence[]> {
    const [own, onFile] = await Promise.all([this.dataSource.getRepository(Evidence).findBy({ applicationId }), this.onFile(applicationId)]);
    return [...own, ...onFile];
  }

  async isOnFile(applicationId: string, evidenceId: string): Promise<boolean> {
    return this.dataSource.getRepository(EvidenceOnFile).existsBy({ applicationId, evidenceId });
  }

  async previousYear(application: Application): Promise<PreviousYear | null> {
    if (!application.previousApplicationId) return null;
    const [previous, criteria, award] = await Promise.all([
      this.dataSource.getRepository(Application).findOneBy({ id: application.previousApplicationId }),
      this.dataSource.getRepository(ApplicationCriterion).findBy({ applicationId: application.previousApplicationId }),
      this.dataSource.getRepository(Award).findOneBy({ applicationId: application.previousApplicationId }),
    ]);
    return previous ? { application: previous, criteria, award } : null;
  }
}
