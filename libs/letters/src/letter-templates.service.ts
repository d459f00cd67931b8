import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, invalid, notFound } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { LetterKinds } from './letter-kind.registry';
import type { LetterKind } from './letter-kinds';
import { LetterRenderer } from './letter-renderer';
import { LetterTemplate } from './letter-template.entity';
import { DEFAULT_TEMPLATE_VERSION, type BodyTemplate } from './templates';

/**
 * The published versions of each letter's template. Version 1 is the files shipped with the code,
 * written to the table the first time it is needed; an NPA admin publishes later versions. A letter
 * names the version it was made with and is always rendered with that one.
 */
@Injectable()
export class LetterTemplatesService {
  private readonly published = new Map<string, BodyTemplate>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderer: LetterRenderer,
    private readonly audit: AuditService,
    private readonly kinds: LetterKinds,
  ) {}

  /** The version in force, with its body (kept per process, as every published version). */
  async current(kind: LetterKind, manager: EntityManager = this.dataSource.manager): Promise<BodyTemplate> {
    return this.version(kind, await this.currentVersion(kind, manager));
  }

  /**
   * The number of the version in force, which is all a letter being requested records (its body is read
   * when the letter is composed). The first time a kind is asked for, version 1, the files shipped with
   * the code, is written to the table, in the caller's transaction.
   */
  async currentVersion(kind: LetterKind, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ version }] = await manager.query<{ version: number | null }[]>('SELECT max(version)::int AS version FROM letter_templates WHERE kind = $1', [
      kind,
    ]);
    if (version !== null) return version;
    const first = this.kinds.defaultBody(kind);
    await manager.query('INSERT INTO letter_templates (kind, version, body, text, note) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
      kind,
      DEFAULT_TEMPLATE_VERSION,
      first.html,
      first.text,
      'Shipped with the system',
    ]);
    return DEFAULT_TEMPLATE_VERSION;
  }

  /** A published version is never edited (a change is a new version), so each is read once per process. */
  async version(kind: LetterKind, version: number): Promise<BodyTemplate> {
    const key = `${kind}@${version}`;
    const kept = this.published.get(key);
    if (kept) return kept;
    const row = await this.dataSource.getRepository(LetterTemplate).findOneBy({ kind, version });
    if (row) {
      const body = toBody(row);
      this.published.set(key, body);
      return body;
    }
    // Version 1 not yet in the table is the files shipped with the code (written there by `current`).
    if (version === DEFAULT_TEMPLATE_VERSION) return this.kinds.defaultBody(kind);
    throw notFound(`Version ${version} of the ${kind} template`);
  }

  async list() {
    const rows = await this.dataSource.query<{ kind: string; version: number; published_at: Date }[]>(
      'SELECT DISTINCT ON (kind) kind, version, published_at FROM letter_templates ORDER BY kind, version DESC',
    );
    return this.kinds.kinds().map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return { kind, currentVersion: row?.version ?? DEFAULT_TEMPLATE_VERSION, publishedAt: row?.published_at.toISOString() ?? null };
    });
  }

  async history(kind: string) {
    const known = this.known(kind);
    await this.current(known);
    const rows = await this.dataSource.getRepository(LetterTemplate).find({ where: { kind: known }, order: { version: 'DESC' } });
    return rows.map((r) => ({
      kind: r.kind,
      version: r.version,
      body: r.body,
      text: r.text,
      note: r.note,
      publishedBy: r.publishedBy,
      publishedAt: r.publishedAt.toISOString(),
    }));
  }

  /** Renders a draft (or the current version) with sample data, for an admin to look at before publishing. */
  async preview(kind: string, draft?: Partial<Pick<BodyTemplate, 'html' | 'text'>>) {
    const known = this.known(kind);
    const current = await this.current(known);
    const body = { version: current.version, html: draft?.html ?? current.html, text: draft?.text ?? current.text };
    this.check(body);
    return this.renderer.render(known, this.kinds.sampleData(known), this.kinds.sampleMeta(known), body);
  }

  async publish(kind: string, draft: { html: string; text: string; note?: string }, actor: Actor) {
    const known = this.known(kind);
    this.check(draft);
    return this.dataSource.transaction(async (manager) => {
      await this.current(known, manager);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`letter_templates.${known}`]);
      const [{ max }] = await manager.query<{ max: number }[]>('SELECT max(version)::int AS max FROM letter_templates WHERE kind = $1', [known]);
      const row = await manager.save(
        manager.create(LetterTemplate, { kind: known, version: max + 1, body: draft.html, text: draft.text, note: draft.note ?? null, publishedBy: actor.id }),
      );
      await this.audit.record(
        {
          actor,
          action: 'letter_template.published',
          entity: 'letter_template',
          entityId: `${known}.${row.version}`,
          after: { kind: known, version: row.version, note: row.note },
        },
        manager,
      );
      return { kind: known, version: row.version, publishedAt: row.publishedAt.toISOString() };
    });
  }

  /** A template must compile, use only our helpers, and never print data unescaped. */
  private check(body: Pick<BodyTemplate, 'html' | 'text'>): void {
    const problems = this.renderer.problems(body);
    if (problems.length > 0)
      throw invalid("Templates print data with double braces only, so it is always escaped, and use only the letters' helpers and partials.", problems);
    try {
      this.renderer.check(body);
    } catch (error) {
      throw invalid('The template does not compile.', [{ field: 'html', problem: (error as Error).message.split('\n')[0].slice(0, 300) }]);
    }
  }

  private known(kind: string): LetterKind {
    if (!this.kinds.has(kind)) throw notFound('The letter template');
    return kind;
  }
}

const toBody = (row: LetterTemplate): BodyTemplate => ({ version: row.version, html: row.body, text: row.text });
