import { jobId } from '@npa/platform';

/** One letter, one compose job and one deliver job, whoever queues them (the outbox, or a requeue after Redis lost its data). */
export const composeJobId = (letterId: string) => jobId('letter', 'compose', letterId);
/** Letters asked for together are composed by one job, named by the first of them (a letter is asked for once). */
export const composeManyJobId = (letterIds: string[]) => jobId('letter', 'compose-many', letterIds[0], letterIds.length);
export const deliverJobId = (letterId: string) => jobId('letter', 'deliver', letterId);
/** The emails of letters composed together go in one job, named as their compose job is. */
export const deliverManyJobId = (letterIds: string[]) => jobId('letter', 'deliver-many', letterIds[0], letterIds.length);
