import type { FastifyRequest } from 'fastify';
import { CSV_BODY_LIMIT } from '@npa/imports';

export interface CsvUpload {
  fields: Record<string, string>;
  csv: string | null;
  fileName: string | null;
  tooLarge: boolean;
}

/** The fields and the one CSV file of a multipart form, the file read whole (up to the API's own limit). */
export async function readCsvUpload(request: FastifyRequest): Promise<CsvUpload> {
  const upload: CsvUpload = { fields: {}, csv: null, fileName: null, tooLarge: false };
  if (!request.isMultipart()) return upload;
  try {
    for await (const part of request.parts({ limits: { fileSize: CSV_BODY_LIMIT, files: 1 } })) {
      if (part.type === 'field') upload.fields[part.fieldname] = String(part.value);
      else {
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && part.filename) Object.assign(upload, { csv: content.toString('utf8'), fileName: part.filename });
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    upload.tooLarge = true;
  }
  return upload;
}
