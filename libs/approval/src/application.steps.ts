import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, notFound, Clock } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { Application } from './application.entity';
import { ApplicationEvent } from './application-event.entity';
import { ApplicationAction, ApplicationState, nextState } from './rules/machine';

export interface StepOptions {
  message?: string | null;
  /** Other columns the step sets with the state (the reviewer, the decision time). */
  set?: Partial<Pick<Application, 'reviewerId' | 'submittedAt' | 'decidedAt' | 'decidedBy'>>;
  /** Work done in the same transaction once the step has won the application's version. */
  then?: (manager: EntityManager, application: Application, to: ApplicationState) => Promise<void>;
  /** Audit details beyond the state change. */
  audit?: object;
  /** How the history names the step, when the action's own name says too little ('edit'). */
  as?: string;
}

/**
 * Takes one step of the state machine on one application: checks the state, wins the row's version
 * (two people stepping at once: the second gets 409), records the history and the audit, and runs the
 * step's own work, all in one transaction.
 */
@Injectable()
export class ApplicationSteps {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async take(id: string, action: ApplicationAction, actor: Actor, options: StepOptions = {}): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      const application = await manager.findOneBy(Application, { id });
      if (!application) throw notFound('The application');
      const from = application.state;
      const to = nextState(from, action);
      const won = await manager
        .createQueryBuilder()
        .update(Application)
        .set({ state: to, ...options.set, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: application.version })
        .execute();
      if (won.affected !== 1) {
        throw conflict('APPLICATION.CHANGED', 'Someone else changed this application at the same moment; reload it to see what they did.');
      }
      Object.assign(application, { state: to, ...options.set, version: application.version + 1 });
      await options.then?.(manager, application, to);
      await this.record(manager, application, options.as ?? action, actor, from, options.message ?? null, options.audit);
      return application;
    });
  }

  /** One line of history and one of audit, in the caller's transaction. */
  async record(
    manager: EntityManager,
    application: Application,
    action: string,
    actor: Actor,
    from: ApplicationState | null,
    message: string | null,
    details?: object,
  ): Promise<void> {
    const to = application.state;
    await manager.insert(ApplicationEvent, {
      applicationId: application.id,
      at: this.clock.now(),
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      action,
      fromState: from === to ? null : from,
      toState: from === to ? null : to,
      message,
    });
    await this.audit.record(
      {
        actor,
        action: `application.${action}`,
        entity: 'application',
        entityId: application.id,
        before: from ? { state: from } : null,
        after: { state: to, message, ...details },
      },
      manager,
    );
  }
}
