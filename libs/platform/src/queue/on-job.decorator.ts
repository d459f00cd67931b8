import { SetMetadata } from '@nestjs/common';
import type { JobName } from './jobs';

export const ON_JOB = 'npa:on-job';

/** Marks a provider method as the handler of one job name; the worker finds it at boot. */
export const OnJob = (name: JobName) => SetMetadata(ON_JOB, name);
