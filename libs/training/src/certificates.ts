// A completion's certificate letter is asked for after the completion commits: training sits below the
// letters lib, so it writes the intent to the outbox in its own transaction and the letters worker makes
// the letter (one per outcome, by the job id and the letter's dedupe key).
import type { EntityManager } from 'typeorm';
import { jobId, type IsoDate, type Outbox } from '@npa/platform';
import { Outcome } from './outcome.entity';
import { currentOutcomes } from './training.rules';

/** Recorded, or its workshop confirmed: two moments that may each ask, so two ids (the letter is still one). */
export const certificateJobId = (outcomeId: string, when: 'recorded' | 'confirmed' = 'recorded') => jobId('certificate', when, outcomeId);

/** Queues the certificate letter of each of these completions, in the caller's transaction. */
export async function queueCertificates(
  outbox: Outbox,
  manager: EntityManager,
  outcomeIds: readonly string[],
  when: 'recorded' | 'confirmed' = 'recorded',
): Promise<void> {
  await outbox.addMany(
    manager,
    'certificate.issue',
    outcomeIds.map((outcomeId) => ({ payload: { outcomeId }, options: { jobId: certificateJobId(outcomeId, when) } })),
  );
}

/** What a certificate prints, and whether it may be issued now. */
export interface CertificateFacts {
  outcomeId: string;
  certificateCode: string;
  person: { id: string; name: string; email: string };
  workshop: { id: string; startDate: IsoDate; endDate: IsoDate; venue: string };
  trainer: { name: string };
  /** A correction superseded it, or the workshop waits for the NPA to confirm it: no certificate. */
  issuable: boolean;
}

/** The certificate facts of one completion; null when the outcome is not a completion. */
export async function certificateFacts(manager: EntityManager, outcomeId: string): Promise<CertificateFacts | null> {
  const outcome = await manager.findOne(Outcome, { where: { id: outcomeId }, relations: { person: true, workshop: { trainer: { person: true } } } });
  if (!outcome?.certificateCode || outcome.outcome !== 'completed' || !outcome.person || !outcome.workshop?.trainer?.person) return null;
  const superseded = await manager.existsBy(Outcome, { supersedesId: outcome.id });
  const { workshop, person } = outcome;
  return {
    outcomeId: outcome.id,
    certificateCode: outcome.certificateCode,
    person: { id: person.id, name: person.name, email: person.email },
    workshop: { id: workshop.id, startDate: workshop.startDate, endDate: workshop.endDate, venue: workshop.venue },
    trainer: { name: workshop.trainer!.person!.name },
    issuable: !superseded && !workshop.awaitingConfirmation,
  };
}

/** The completions of a workshop that stand now (for its certificates once the NPA confirms it). */
export async function standingCompletionIds(manager: EntityManager, workshopId: string): Promise<string[]> {
  const rows = await manager.find(Outcome, { where: { workshopId }, order: { recordedAt: 'ASC', id: 'ASC' } });
  return currentOutcomes(rows)
    .filter((o) => o.outcome === 'completed')
    .map((o) => o.id);
}
