// The letter kinds every slice declares, collected once and checked: a duplicate kind, or a kind with no
// title, sample or template, stops the boot rather than failing on the first letter of that kind.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LetterData, LetterKind, LetterKindDeclaration, LetterMeta } from './letter-kinds';
import { DEFAULT_TEMPLATES_DIR, loadDefaultBodies, type BodyTemplate } from './templates';

/** Every problem of a set of declarations against the template files in `dir`, one line each. */
export function letterKindProblems(declarations: readonly LetterKindDeclaration[], dir = DEFAULT_TEMPLATES_DIR): string[] {
  const seen = new Set<string>();
  return declarations.flatMap((d) => {
    const problems: string[] = [];
    if (seen.has(d.kind)) problems.push(`Letter kind ${d.kind} is declared twice`);
    seen.add(d.kind);
    if (!d.title?.trim()) problems.push(`Letter kind ${d.kind} has no title`);
    if (typeof d.subjectName !== 'function') problems.push(`Letter kind ${d.kind} has no subjectName`);
    if (!d.sample || !d.sampleRecipient) problems.push(`Letter kind ${d.kind} has no sample`);
    for (const file of [`${d.kind}.hbs`, `${d.kind}.txt.hbs`]) if (!existsSync(join(dir, file))) problems.push(`Letter kind ${d.kind} has no template ${file}`);
    return problems;
  });
}

/** The letter kinds in force, with their default (version 1) templates read once. */
export class LetterKinds {
  private readonly byKind = new Map<string, LetterKindDeclaration>();
  private readonly bodies: Record<string, BodyTemplate>;

  constructor(declarations: readonly LetterKindDeclaration[], dir = DEFAULT_TEMPLATES_DIR) {
    const problems = letterKindProblems(declarations, dir);
    if (problems.length) throw new Error(`Letter kinds: ${problems.join('; ')}`);
    for (const d of declarations) this.byKind.set(d.kind, d);
    this.bodies = loadDefaultBodies(this.kinds(), dir);
  }

  kinds(): LetterKind[] {
    return [...this.byKind.keys()] as LetterKind[];
  }

  has(kind: string): kind is LetterKind {
    return this.byKind.has(kind);
  }

  get<K extends LetterKind>(kind: K): LetterKindDeclaration<K> {
    const declaration = this.byKind.get(kind);
    if (!declaration) throw new Error(`No letter kind ${kind}`);
    return declaration as LetterKindDeclaration<K>;
  }

  /** The kind's title, or the kind itself for a kind no longer declared (an old letter in the table). */
  title(kind: string): string {
    return this.byKind.get(kind)?.title ?? kind;
  }

  /** Letters are printed to PDF and emailed as an attachment; an email-only kind is sent as the email's body. */
  isPrinted(kind: string): boolean {
    return this.byKind.get(kind)?.printed !== false;
  }

  defaultBody(kind: LetterKind): BodyTemplate {
    this.get(kind);
    return this.bodies[kind];
  }

  sampleData<K extends LetterKind>(kind: K): LetterData<K> {
    return structuredClone(this.get(kind).sample);
  }

  sampleMeta(kind: LetterKind): LetterMeta {
    return {
      letterDate: '2026-11-23',
      verificationCode: 'NPA-7KQ2M-X4H9P',
      recipient: structuredClone(this.get(kind).sampleRecipient),
      signatory: { name: 'Dr Anne Whitfield', role: 'Chair of the Registration Committee' },
    };
  }
}
