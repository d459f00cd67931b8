import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { invalid } from '@npa/platform';
import { EVIDENCE_MAX_BYTES } from './evidence.service';

/**
 * An evidence upload as it arrives. Its parts are read lazily, in whatever order the client sent them,
 * so that a locked application is refused before its file is read.
 */
export interface EvidenceUpload {
  parts: AsyncIterableIterator<Multipart>;
  /** `criterionId` from the query string, as sent (a string, several, or none). */
  queryCriterionId: unknown;
  /** The criterion as read so far; set by the service as it reads, so a page can point an error at its form. */
  criterionId?: string;
}

/** Opens an evidence upload; a body that is not multipart is a 400 straight away. */
export function readUpload(request: FastifyRequest): EvidenceUpload {
  if (!request.isMultipart())
    throw invalid('Send the evidence as multipart/form-data with the file in a field named "file".', [{ field: 'file', problem: 'is required' }]);
  // Two files allowed by the parser, so a second one is refused by name (400) rather than as too large (413).
  const parts = request.parts({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 2, fields: 5, fieldSize: 200 } });
  const query = request.query as Record<string, unknown> | undefined;
  return { parts, queryCriterionId: query?.criterionId };
}
