import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MultipartFile } from '@fastify/multipart';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, ProblemDetail } from '@npa/platform';
import { AppConfig, DomainError, invalid, notFound, Storage } from '@npa/platform';
import { ApplicationSteps } from '../application.steps';
import { toEvidenceView } from '../approval.views';
import { Evidence } from '../evidence.entity';
import { nextState } from '../rules/machine';
import { Application } from '../application.entity';
import { RenewalCarryOver } from '../renewal-carry-over';
import { ACCEPTED, cleanFileName, sniffFile } from './file-kind';
import { EvidenceCap, EvidenceHeld, evidenceCapRefusal } from './evidence-cap';
import type { EvidenceUpload } from './upload';
import { readCriterion } from './evidence-criterion';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const tooLarge = () =>
  new DomainError('EVIDENCE.TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, 'The file is larger than 10 MB; evidence files may be 10 MB at most.');

/** The parts an upload may have; anything else is refused, as in a JSON body. */
const UPLOAD_FIELDS = ['file', 'criterionId'];

interface Received {
  file: { fileName: string; size: number; sha256: string } | null;
  criterionId: string | undefined;
  problems: ProblemDetail[];
}

/**
 * Evidence files: streamed to a temporary file while hashed and measured, accepted by their content,
 * then moved into storage under a generated name and recorded, while the application is still editable.
 * Evidence without a criterion supports the whole application: every judged criterion.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly steps: ApplicationSteps,
    private readonly storage: Storage,
    private readonly config: AppConfig,
    private readonly carryOver: RenewalCarryOver,
  ) {}

  async upload(applicationId: string, upload: EvidenceUpload, actor: Actor) {
    // Refuse early when the application is locked or full, before reading 10 MB for nothing.
    const application = await this.dataSource.getRepository(Application).findOneBy({ id: applicationId });
    if (!application) throw notFound('The application');
    try {
      nextState(application.state, 'edit');
    } catch (locked) {
      return refuseBeforeTheFile(upload, locked);
    }
    const full = evidenceCapRefusal(await this.held(applicationId), 0, this.cap());
    if (full) return refuseBeforeTheFile(upload, full);

    const temp = await this.storage.tempPath();
    let key: string | null = null;
    try {
      const { file, criterionId, problems } = await this.readParts(upload, temp);
      upload.criterionId = criterionId ?? upload.criterionId;
      if (problems.length > 0) throw invalid('The upload has fields that cannot be accepted; nothing was stored.', problems);
      if (!file) throw invalid('Send the evidence as multipart/form-data with the file in a field named "file".', [{ field: 'file', problem: 'is required' }]);
      const kind = await sniffFile(temp);
      if (!kind)
        throw new DomainError('EVIDENCE.UNSUPPORTED_TYPE', HttpStatus.BAD_REQUEST, `The file is not a ${ACCEPTED} file, whatever its name says.`, [
          { field: 'file', problem: `must be a ${ACCEPTED} file` },
        ]);
      if (file.size === 0) throw invalid('The file is empty.', [{ field: 'file', problem: 'is empty' }]);
      key = await this.storage.adopt('evidence', temp);
      const storageKey = key;
      let saved: Evidence | undefined;
      await this.steps.take(applicationId, 'edit', actor, {
        as: 'evidence_added',
        then: async (manager) => {
          // Checked again with the file's size once the step holds the application, so two uploads at once cannot both squeeze in.
          const refusal = evidenceCapRefusal(await this.held(applicationId, manager), file.size, this.cap());
          if (refusal) throw refusal;
          saved = await manager.save(
            manager.create(Evidence, {
              applicationId,
              criterionId: criterionId ?? null,
              fileName: file.fileName,
              storageKey,
              contentType: kind.contentType,
              sizeBytes: file.size,
              sha256: file.sha256,
              uploadedBy: actor.id,
            }),
          );
        },
        audit: { fileName: file.fileName, criterionId: criterionId ?? null, sha256: file.sha256 },
      });
      return toEvidenceView(saved!);
    } catch (error) {
      // Nothing is kept from an upload that was refused or failed to record.
      if (key) await this.storage.remove(key);
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
  }

  /**
   * Reads every part, whatever their order: the one file into `temp`, the fields beside it. Problems are
   * gathered, not thrown, so the whole body is read and every problem is answered at once.
   */
  private async readParts(upload: EvidenceUpload, temp: string): Promise<Received> {
    const problems: ProblemDetail[] = [];
    const criterionValues: unknown[] = upload.queryCriterionId === undefined ? [] : [upload.queryCriterionId];
    let file: Received['file'] = null;
    for await (const part of upload.parts) {
      if (!UPLOAD_FIELDS.includes(part.fieldname)) {
        problems.push({ field: part.fieldname, problem: 'is not a field this request accepts' });
        if (part.type === 'file') await discard(part.file);
      } else if (part.type === 'field') {
        if (part.fieldname === 'file') problems.push({ field: 'file', problem: 'must be a file, not text' });
        else {
          criterionValues.push(part.valueTruncated ? null : part.value);
          // Known before the file is read, so a page can point even a too-large file's refusal at its form.
          if (typeof part.value === 'string') upload.criterionId = part.value;
        }
      } else if (part.fieldname === 'criterionId') {
        problems.push({ field: 'criterionId', problem: 'must be text, not a file' });
        await discard(part.file);
      } else if (file) {
        problems.push({ field: 'file', problem: 'is given twice: send one file per upload' });
        await discard(part.file);
      } else {
        file = { fileName: cleanFileName(part.filename), ...(await this.receive(part, temp)) };
      }
    }
    const { criterionId, problem } = readCriterion(criterionValues);
    if (problem) problems.push({ field: 'criterionId', problem });
    return { file, criterionId, problems };
  }

  async list(applicationId: string) {
    if (!(await this.dataSource.getRepository(Application).existsBy({ id: applicationId }))) throw notFound('The application');
    const rows = await this.dataSource.getRepository(Evidence).find({ where: { applicationId }, order: { createdAt: 'ASC' } });
    return rows.map(toEvidenceView);
  }

  async open(applicationId: string, evidenceId: string) {
    const evidence = await this.dataSource.getRepository(Evidence).findOneBy({ id: evidenceId });
    // Last year's file listed on this application is opened through it; any other application's is not found.
    if (!evidence || (evidence.applicationId !== applicationId && !(await this.carryOver.isOnFile(applicationId, evidenceId)))) throw notFound('The evidence');
    return { evidence, stream: await this.storage.read(evidence.storageKey) };
  }

  async remove(applicationId: string, evidenceId: string, actor: Actor) {
    // Another application's file is not found, whatever state this one is in: the answer says nothing about it.
    if (!(await this.dataSource.getRepository(Evidence).existsBy({ id: evidenceId, applicationId }))) throw notFound('The evidence');
    let key: string | null = null;
    await this.steps.take(applicationId, 'edit', actor, {
      as: 'evidence_removed',
      audit: { evidenceId },
      then: async (manager) => {
        const evidence = await manager.findOneBy(Evidence, { id: evidenceId, applicationId });
        if (!evidence) throw notFound('The evidence');
        key = evidence.storageKey;
        await manager.delete(Evidence, { id: evidenceId });
      },
    });
    if (key) await this.storage.remove(key);
  }

  private cap(): EvidenceCap {
    return { maxFiles: this.config.EVIDENCE_FILES_PER_APPLICATION, maxBytes: this.config.EVIDENCE_MB_PER_APPLICATION * 1024 * 1024 };
  }

  private async held(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<EvidenceHeld> {
    const [row] = await manager.query<{ files: number; bytes: string }[]>(
      'SELECT count(*)::int AS files, coalesce(sum(size_bytes), 0)::text AS bytes FROM evidence WHERE application_id = $1',
      [applicationId],
    );
    return { files: row.files, bytes: Number(row.bytes) };
  }

  private async receive(part: MultipartFile, temp: string): Promise<{ size: number; sha256: string }> {
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const out = createWriteStream(temp, { flags: 'wx' });
    try {
      await pipeline(part.file, measure, out);
    } catch (error) {
      // A write stream destroyed while its file is still being opened creates the file afterwards: wait
      // for it to close, so the upload's clean-up (rm in `upload`) finds the file rather than racing it.
      if (!out.closed) await once(out, 'close').catch(() => undefined);
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw error;
    }
    if (part.file.truncated) throw tooLarge();
    return { size, sha256: hash.digest('hex') };
  }
}

/**
 * Refuses an upload without reading its file. A form sends its fields before its file, so those are
 * read first: a page can then point the refusal at the form it came from.
 */
async function refuseBeforeTheFile(upload: EvidenceUpload, refusal: unknown): Promise<never> {
  if (typeof upload.queryCriterionId === 'string') upload.criterionId = upload.queryCriterionId;
  for await (const part of upload.parts) {
    if (part.type === 'file') {
      part.file.resume();
      break;
    }
    if (part.fieldname === 'criterionId' && typeof part.value === 'string') upload.criterionId = part.value;
  }
  throw refusal;
}

/** Reads a part's file to the end and throws it away, so the parser can go on to the next part. */
async function discard(stream: NodeJS.ReadableStream): Promise<void> {
  await pipeline(stream, new Writable({ write: (_chunk, _encoding, done) => done() }));
}
