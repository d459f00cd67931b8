import type { EntityManager } from 'typeorm';
import { usersByEmail } from '@npa/platform';
import { personIdsByEmail } from '@npa/registry';
import { trainerIdsOf } from '@npa/training';
import { Find, PERSONAL_DATA, PersonalColumn } from './personal-data';

/** Whom to look for: a person (by email), their user accounts and their trainer record. */
export interface Subject {
  email: string;
  personIds: string[];
  userIds: string[];
  trainerIds: string[];
}

export type Row = Record<string, unknown>;

/** Every table of PERSONAL_DATA with a way to find rows, in the list's order (a `via` follows its table). */
export const SEARCHED_TABLES: readonly string[] = [...new Set(PERSONAL_DATA.filter((c) => c.find).map((c) => c.table))];

/** The columns of a table that find rows, or that retention touches. */
export const columnsOf = (table: string): PersonalColumn[] => PERSONAL_DATA.filter((c) => c.table === table);

/** A LIKE pattern matching the text literally, anywhere. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Finds the subject's people, accounts and trainer records from an email. */
export async function subjectFor(db: EntityManager, email: string): Promise<Subject> {
  // One after another: the caller's transaction has one connection.
  const personIds = await personIdsByEmail(db, email);
  const userIds = (await usersByEmail(db, email)).map((u) => u.id);
  return { email, personIds, userIds, trainerIds: await trainerIdsOf(db, { personIds, userIds }) };
}

/**
 * The rows of each table that refer to the subject by any of the table's finding columns, as JSON
 * objects keyed by column. `tables` defaults to every searched table; a `via` column uses the rows
 * already found in its table, so that table must come earlier.
 */
export async function findRows(db: EntityManager, subject: Subject, tables: readonly string[] = SEARCHED_TABLES): Promise<Map<string, Row[]>> {
  const found = new Map<string, Row[]>();
  const allIds = [...subject.personIds, ...subject.userIds, ...subject.trainerIds];
  const mentions = [...allIds.map(containing), containing(JSON.stringify(subject.email.toLowerCase()))];
  for (const table of tables) {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const condition = (column: string, find: Find): string => {
      const col = `t."${column}"`;
      if (typeof find === 'object') {
        const ids = (found.get(find.via) ?? []).map((r) => r.id as string);
        if (!found.has(find.via)) throw new Error(`PERSONAL_DATA: ${table}.${column} follows ${find.via}, which is not searched before it`);
        return `${col}::text = ANY(${param(ids)}::text[])`;
      }
      switch (find) {
        case 'person':
          return `${col} = ANY(${param(subject.personIds)}::uuid[])`;
        case 'user':
          return `${col} = ANY(${param(subject.userIds)}::uuid[])`;
        case 'trainer':
          return `${col} = ANY(${param(subject.trainerIds)}::uuid[])`;
        case 'any-id':
          return `${col}::text = ANY(${param(allIds)}::text[])`;
        case 'email':
          return `lower(${col}) = lower(${param(subject.email)})`;
        case 'mentions':
          return `${col}::text ILIKE ANY(${param(mentions)}::text[])`;
      }
    };
    const where = columnsOf(table)
      .filter((c) => c.find)
      .map((c) => `(${condition(c.column, c.find!)})`);
    if (where.length === 0) throw new Error(`PERSONAL_DATA: no column of ${table} finds rows`);
    const rows = await db.query<{ row: Row }[]>(`SELECT to_jsonb(t) AS row FROM "${table}" t WHERE ${where.join(' OR ')}`, params);
    found.set(
      table,
      rows.map((r) => r.row),
    );
  }
  return found;
}
