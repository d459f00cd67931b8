import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MultipartFile } from '@fastify/multipart';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@npa/platform';
import { AppConfig, DomainError, invalid, notFound, Storage } from '@npa/platform';
import { ApplicationSteps } from '../application.steps';
import { toEvidenceView } from '../approval.views';
import { Evidence } from '../evidence.entity';
import { criterion } from '../rules/criteria';
import { nextState } from '../rules/machine';
import { Application } from '../application.entity';
import { RenewalCarryOver } from '../renewal-carry-over';
import { ACCEPTED, cleanFileName, sniffFile } from './file-kind';
import { EvidenceCap, EvidenceHeld, evidenceCapRefusal } from './evidence-cap';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const tooLarge = () =>
  new DomainError('EVIDENCE.TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, 'The file is larger than 10 MB; evidence files may be 10 MB at most.');

/** The parts an upload may have (fields sent before the file): anything else is refused, as in a JSON body. */
const UPLOAD_FIELDS = ['file', 'criterionId'];

/**
 * Evidence files: streamed to a temporary file while hashed and measured, accepted by their content,
 * then moved into storage under a generated name and recorded, while the application is still editable.
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

  async upload(applicationId: string, part: MultipartFile | undefined, actor: Actor, criterionField?: string) {
    if (!part || part.fieldname !== 'file')
      throw invalid('Send the evidence as multipart/form-data with the file in a field named "file".', [{ field: 'file', problem: 'is required' }]);
    const unknown = Object.keys(part.fields).filter((name) => !UPLOAD_FIELDS.includes(name));
    if (unknown.length > 0) {
      part.file.resume();
      throw invalid(
        'The request has invalid fields.',
        unknown.map((field) => ({ field, problem: 'is not a field this request accepts' })),
      );
    }
    const criterionId = criterionField ?? fieldValue(part, 'criterionId');
    if (criterionId !== undefined && criterion(criterionId)?.kind !== 'judged') {
      part.file.resume();
      throw invalid('Evidence supports one of the judged criteria.', [
        { field: 'criterionId', problem: 'must be SA-PRINCIPLES, SA-ASSESSMENT, SA-REVIEWS or SA-RECORDS' },
      ]);
    }
    // Refuse early when the application is locked, before reading 10 MB for nothing.
    const application = await this.dataSource.getRepository(Application).findOneBy({ id: applicationId });
    if (!application) throw notFound('The application');
    nextState(application.state, 'edit');
    const full = evidenceCapRefusal(await this.held(applicationId), 0, this.cap());
    if (full) {
      part.file.resume();
      throw full;
    }

    const temp = await this.storage.tempPath();
    let key: string | null = null;
    try {
      const { size, sha256 } = await this.receive(part, temp);
      const kind = await sniffFile(temp);
      if (!kind)
        throw new DomainError('EVIDENCE.UNSUPPORTED_TYPE', HttpStatus.BAD_REQUEST, `The file is not a ${ACCEPTED} file, whatever its name says.`, [
          { field: 'file', problem: `must be a ${ACCEPTED} file` },
        ]);
      if (size === 0) throw invalid('The file is empty.', [{ field: 'file', problem: 'is empty' }]);
      key = await this.storage.adopt('evidence', temp);
      const storageKey = key;
      let saved: Evidence | undefined;
      await this.steps.take(applicationId, 'edit', actor, {
        as: 'evidence_added',
        then: async (manager) => {
          // Checked again with the file's size once the step holds the application, so two uploads at once cannot both squeeze in.
          const refusal = evidenceCapRefusal(await this.held(applicationId, manager), size, this.cap());
          if (refusal) throw refusal;
          saved = await manager.save(
            manager.create(Evidence, {
              applicationId,
              criterionId: criterionId ?? null,
              fileName: cleanFileName(part.filename),
              storageKey,
              contentType: kind.contentType,
              sizeBytes: size,
              sha256,
              uploadedBy: actor.id,
            }),
          );
        },
        audit: { fileName: cleanFileName(part.filename), criterionId, sha256 },
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
    try {
      await pipeline(part.file, measure, createWriteStream(temp, { flags: 'wx' }));
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw error;
    }
    if (part.file.truncated) throw tooLarge();
    return { size, sha256: hash.digest('hex') };
  }
}

function fieldValue(part: MultipartFile, name: string): string | undefined {
  const field = part.fields[name];
  const value = Array.isArray(field) ? field[0] : field;
  return value && value.type === 'field' && typeof value.value === 'string' ? value.value : undefined;
}
