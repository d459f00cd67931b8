// The English local authorities as reference data: libs/returns/data/local-authorities.csv holds the
// 317 in force since April 2023. The build copies libs/returns/data beside the compiled code, so the
// same relative path works from the source tree and from dist/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const LOCAL_AUTHORITIES_CSV = join(__dirname, '..', '..', 'data', 'local-authorities.csv');

export const REGIONS = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;
export type Region = (typeof REGIONS)[number];

/** The City of London and the Isles of Scilly are sui generis, so they keep kinds of their own. */
export const AUTHORITY_KINDS = ['county', 'district', 'unitary', 'metropolitan_borough', 'london_borough', 'city_of_london', 'isles_of_scilly'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export interface LocalAuthority {
  /** ONS GSS code: E06 unitary, E07 district, E08 metropolitan borough, E09 London, E10 county. */
  code: string;
  name: string;
  region: Region;
  kind: AuthorityKind;
}

const COLUMNS = ['code', 'name', 'region', 'kind'] as const;
const GSS_CODE = /^E(06|07|08|09|10)\d{6}$/;

const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value);
const isKind = (value: string): value is AuthorityKind => (AUTHORITY_KINDS as readonly string[]).includes(value);

/** Reads the table, refusing it whole at the first bad row: a half-read reference table would skew every share. */
export function parseLocalAuthorityCsv(text: string): LocalAuthority[] {
  const records: Record<string, string>[] = parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true });
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  if (records.length > 0 && header.join(',') !== COLUMNS.join(',')) {
    throw new Error(`local authorities CSV: the header must be ${COLUMNS.join(',')}, not ${header.join(',')}`);
  }
  return records.map(({ code, name, region, kind }, index) => {
    const row = index + 2;
    if (!GSS_CODE.test(code)) throw new Error(`local authorities CSV row ${row}: "${code}" is not an English GSS code`);
    if (name === '') throw new Error(`local authorities CSV row ${row}: the name is empty`);
    if (!isRegion(region)) throw new Error(`local authorities CSV row ${row}: "${region}" is not one of the nine regions`);
    if (!isKind(kind)) throw new Error(`local authorities CSV row ${row}: "${kind}" is not one of ${AUTHORITY_KINDS.join(', ')}`);
    return { code, name, region, kind };
  });
}

export async function loadLocalAuthorityCsv(path = LOCAL_AUTHORITIES_CSV): Promise<LocalAuthority[]> {
  return parseLocalAuthorityCsv(await readFile(path, 'utf8'));
}
