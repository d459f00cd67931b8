import { jobId } from '@npa/platform';

/** One letter, one compose job and one deliver job, whoever queues them (the outbox, or a requeue after Redis lost its data). */
export const composeJobId = (letterId: string) => jobId('letter', 'compose', letterId);
export const deliverJobId = (letterId: string) => jobId('letter', 'deliver', letterId);
