import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { invalid } from '@npa/platform';
import { EVIDENCE_MAX_BYTES } from './evidence.service';

/** The one file part of an evidence upload, with the limits that apply to it; a non-multipart body is a 400. */
export async function readUpload(request: FastifyRequest): Promise<{ part: MultipartFile | undefined; criterionId?: string }> {
  if (!request.isMultipart())
    throw invalid('Send the evidence as multipart/form-data with the file in a field named "file".', [{ field: 'file', problem: 'is required' }]);
  const part = await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5, fieldSize: 200 } });
  const query = request.query as Record<string, unknown> | undefined;
  return { part, criterionId: typeof query?.criterionId === 'string' ? query.criterionId : undefined };
}
