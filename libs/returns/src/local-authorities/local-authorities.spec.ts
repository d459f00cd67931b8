import { AUTHORITY_KINDS, REGIONS, loadLocalAuthorityCsv, parseLocalAuthorityCsv, type LocalAuthority } from './local-authorities';

// The counts England has had since 1 April 2023 (Cumbria, North Yorkshire and Somerset reorganised).
const KIND_COUNTS = {
  county: 21,
  district: 164,
  unitary: 62,
  metropolitan_borough: 36,
  london_borough: 32,
  city_of_london: 1,
  isles_of_scilly: 1,
};
const REGION_COUNTS = {
  'North East': 12,
  'North West': 36,
  'Yorkshire and The Humber': 15,
  'East Midlands': 39,
  'West Midlands': 33,
  'East of England': 50,
  London: 33,
  'South East': 70,
  'South West': 29,
};
const CODE_PREFIX_BY_KIND = {
  county: 'E10',
  district: 'E07',
  unitary: 'E06',
  metropolitan_borough: 'E08',
  london_borough: 'E09',
  city_of_london: 'E09',
  isles_of_scilly: 'E06',
};

const countBy = <K extends string>(rows: LocalAuthority[], key: (row: LocalAuthority) => K) =>
  rows.reduce<Record<string, number>>((counts, row) => ({ ...counts, [key(row)]: (counts[key(row)] ?? 0) + 1 }), {});

describe('the local authorities reference table', () => {
  let rows: LocalAuthority[];
  const named = (name: string) => rows.find((row) => row.name === name);
  const coded = (code: string) => rows.find((row) => row.code === code);

  beforeAll(async () => {
    rows = await loadLocalAuthorityCsv();
  });

  it('lists the 317 English local authorities', () => {
    expect(rows).toHaveLength(317);
  });

  it('has each code and each name once', () => {
    expect(new Set(rows.map((row) => row.code)).size).toBe(317);
    expect(new Set(rows.map((row) => row.name)).size).toBe(317);
  });

  it('has 21 counties, 164 districts, 62 unitaries, 36 metropolitan and 32 London boroughs, the City and Scilly', () => {
    expect(countBy(rows, (row) => row.kind)).toEqual(KIND_COUNTS);
    expect(Object.keys(KIND_COUNTS).sort()).toEqual([...AUTHORITY_KINDS].sort());
  });

  it('gives each kind the GSS code series ONS gives it', () => {
    for (const row of rows) expect(`${row.kind} ${row.code.slice(0, 3)}`).toBe(`${row.kind} ${CODE_PREFIX_BY_KIND[row.kind]}`);
  });

  it('spreads them over the nine regions', () => {
    expect(countBy(rows, (row) => row.region)).toEqual(REGION_COUNTS);
    expect(Object.keys(REGION_COUNTS)).toEqual([...REGIONS]);
  });

  it('knows the authorities made in 2023 and none of those they replaced', () => {
    expect(coded('E06000063')).toEqual({ code: 'E06000063', name: 'Cumberland', region: 'North West', kind: 'unitary' });
    expect(coded('E06000064')).toEqual({ code: 'E06000064', name: 'Westmorland and Furness', region: 'North West', kind: 'unitary' });
    expect(coded('E06000065')).toEqual({ code: 'E06000065', name: 'North Yorkshire', region: 'Yorkshire and The Humber', kind: 'unitary' });
    expect(coded('E06000066')).toEqual({ code: 'E06000066', name: 'Somerset', region: 'South West', kind: 'unitary' });
    for (const gone of [
      'Cumbria',
      'Carlisle',
      'Eden',
      'Harrogate',
      'Selby',
      'Mendip',
      'Sedgemoor',
      'Northamptonshire',
      'Kettering',
      'Aylesbury Vale',
      'Poole',
    ]) {
      expect(named(gone)).toBeUndefined();
    }
    for (const code of ['E10000006', 'E10000023', 'E10000027', 'E10000021', 'E07000026', 'E07000163', 'E07000187', 'E07000246']) {
      expect(coded(code)).toBeUndefined();
    }
  });

  it('uses the everyday names and the codes in force since the 2025 Barnsley and Sheffield recode', () => {
    expect(coded('E06000023')?.name).toBe('Bristol');
    expect(coded('E06000047')?.name).toBe('County Durham');
    expect(coded('E06000019')?.name).toBe('Herefordshire');
    expect(coded('E06000053')).toEqual({ code: 'E06000053', name: 'Isles of Scilly', region: 'South West', kind: 'isles_of_scilly' });
    expect(coded('E09000001')).toEqual({ code: 'E09000001', name: 'City of London', region: 'London', kind: 'city_of_london' });
    expect(named('Barnsley')?.code).toBe('E08000038');
    expect(named('Sheffield')?.code).toBe('E08000039');
  });
});

describe(parseLocalAuthorityCsv.name, () => {
  const header = 'code,name,region,kind\n';

  it('reads quoted names with commas', () => {
    expect(parseLocalAuthorityCsv(`${header}E06000058,"Bournemouth, Christchurch and Poole",South West,unitary\n`)).toEqual([
      { code: 'E06000058', name: 'Bournemouth, Christchurch and Poole', region: 'South West', kind: 'unitary' },
    ]);
  });

  it.each([
    { case: 'another header', text: 'gss,name,region,kind\nE06000001,Hartlepool,North East,unitary\n', error: /header must be code,name,region,kind/ },
    { case: 'a Welsh code', text: `${header}W06000015,Cardiff,Wales,unitary\n`, error: /row 2: "W06000015" is not an English GSS code/ },
    { case: 'no name', text: `${header}E06000001,,North East,unitary\n`, error: /row 2: the name is empty/ },
    { case: 'an unknown region', text: `${header}E06000001,Hartlepool,Yorkshire,unitary\n`, error: /row 2: "Yorkshire" is not one of the nine regions/ },
    { case: 'an unknown kind', text: `${header}E06000001,Hartlepool,North East,city\n`, error: /row 2: "city" is not one of county/ },
  ])('refuses the whole table for $case', ({ text, error }) => {
    expect(() => parseLocalAuthorityCsv(text)).toThrow(error);
  });
});
