import { loadLocalAuthorityCsv, type LocalAuthority } from './local-authorities';
import { matchLocalAuthority, normaliseAuthorityName } from './match';

describe(normaliseAuthorityName.name, () => {
  it.each([
    { text: 'Leeds City Council', key: 'leeds' },
    { text: '  LONDON BOROUGH OF  Hammersmith & Fulham ', key: 'hammersmith and fulham' },
    { text: 'Royal Borough of Kensington and Chelsea', key: 'kensington and chelsea' },
    { text: 'St. Helens Metropolitan Borough Council', key: 'st helens' },
    { text: 'Saint Albans City and District Council', key: 'st albans' },
    { text: 'Borough Council of King\u2019s Lynn & West Norfolk', key: 'kings lynn and west norfolk' },
    { text: 'Bristol, City of', key: 'bristol' },
    { text: 'Herefordshire, County of', key: 'herefordshire' },
    { text: 'City of Bradford Metropolitan District Council', key: 'bradford' },
    { text: 'The Council of the Isles of Scilly', key: 'isles of scilly' },
    { text: 'City of London Corporation', key: 'city of london' },
    { text: 'Stoke-on-Trent City Council', key: 'stoke on trent' },
    { text: 'County Durham', key: 'county durham' },
    { text: 'Council', key: 'council' },
  ])('reads "$text" as "$key"', ({ text, key }) => {
    expect(normaliseAuthorityName(text)).toBe(key);
  });
});

describe(matchLocalAuthority.name, () => {
  let authorities: LocalAuthority[];

  beforeAll(async () => {
    authorities = await loadLocalAuthorityCsv();
  });

  it.each([
    { text: 'Leeds City Council', name: 'Leeds' },
    { text: 'Leeds', name: 'Leeds' },
    { text: 'London Borough of Camden', name: 'Camden' },
    { text: 'Camden Council', name: 'Camden' },
    { text: 'Royal Borough of Greenwich', name: 'Greenwich' },
    { text: 'Royal Borough of Kingston upon Thames', name: 'Kingston upon Thames' },
    { text: 'London Borough of Hammersmith & Fulham', name: 'Hammersmith and Fulham' },
    { text: 'Westminster City Council', name: 'Westminster' },
    { text: 'City of Westminster', name: 'Westminster' },
    { text: 'City of London Corporation', name: 'City of London' },
    { text: 'Corporation of London', name: 'City of London' },
    { text: 'Kent County Council', name: 'Kent' },
    { text: 'Kent', name: 'Kent' },
    { text: 'Suffolk County Council', name: 'Suffolk' },
    { text: 'Mid Suffolk District Council', name: 'Mid Suffolk' },
    { text: 'Hampshire County Council', name: 'Hampshire' },
    { text: 'East Hampshire District Council', name: 'East Hampshire' },
    { text: 'Durham County Council', name: 'County Durham' },
    { text: 'County Durham', name: 'County Durham' },
    { text: 'Durham', name: 'County Durham' },
    { text: 'Bristol City Council', name: 'Bristol' },
    { text: 'Bristol, City of', name: 'Bristol' },
    { text: 'Council of the Isles of Scilly', name: 'Isles of Scilly' },
    { text: 'Cheshire West and Chester Council', name: 'Cheshire West and Chester' },
    { text: 'Cheshire West & Chester', name: 'Cheshire West and Chester' },
    { text: 'St Helens Council', name: 'St Helens' },
    { text: 'St. Helens', name: 'St Helens' },
    { text: 'Kingston upon Hull City Council', name: 'Kingston upon Hull' },
    { text: 'Hull City Council', name: 'Kingston upon Hull' },
    { text: 'Hull', name: 'Kingston upon Hull' },
    { text: 'Herefordshire Council', name: 'Herefordshire' },
    { text: 'County of Herefordshire District Council', name: 'Herefordshire' },
    { text: 'Southend-on-Sea City Council', name: 'Southend-on-Sea' },
    { text: 'Southend', name: 'Southend-on-Sea' },
    { text: 'Telford & Wrekin Council', name: 'Telford and Wrekin' },
    { text: 'Telford', name: 'Telford and Wrekin' },
    { text: 'Brighton & Hove City Council', name: 'Brighton and Hove' },
    { text: 'Newcastle City Council', name: 'Newcastle upon Tyne' },
    { text: 'Newcastle upon Tyne City Council', name: 'Newcastle upon Tyne' },
    { text: 'Newcastle-under-Lyme Borough Council', name: 'Newcastle-under-Lyme' },
    { text: 'Newcastle Borough Council', name: 'Newcastle-under-Lyme' },
    { text: 'City of Bradford Metropolitan District Council', name: 'Bradford' },
    { text: 'City of York Council', name: 'York' },
    { text: 'Borough Council of King\u2019s Lynn and West Norfolk', name: "King's Lynn and West Norfolk" },
    { text: "King's Lynn", name: "King's Lynn and West Norfolk" },
    { text: 'Stratford-upon-Avon District Council', name: 'Stratford-on-Avon' },
    { text: 'Bournemouth, Christchurch and Poole Council', name: 'Bournemouth, Christchurch and Poole' },
    { text: 'BCP Council', name: 'Bournemouth, Christchurch and Poole' },
    { text: 'Borough of Poole', name: 'Bournemouth, Christchurch and Poole' },
    { text: 'North Yorkshire County Council', name: 'North Yorkshire' },
    { text: 'Somerset County Council', name: 'Somerset' },
    { text: 'Harrogate Borough Council', name: 'North Yorkshire' },
    { text: 'Carlisle City Council', name: 'Cumberland' },
    { text: 'South Lakeland District Council', name: 'Westmorland and Furness' },
    { text: 'Northampton Borough Council', name: 'West Northamptonshire' },
    { text: 'Aylesbury Vale District Council', name: 'Buckinghamshire' },
    { text: 'Waveney District Council', name: 'East Suffolk' },
    { text: 'E08000035', name: 'Leeds' },
    { text: 'e08000016', name: 'Barnsley' },
  ])('matches "$text" to $name', ({ text, name }) => {
    expect(matchLocalAuthority(text, authorities)?.name).toBe(name);
  });

  it.each([
    { text: '', why: 'it is empty' },
    { text: '   ', why: 'it is blank' },
    { text: 'Council', why: 'it names no place' },
    { text: 'London', why: 'London is 33 authorities, not the City' },
    { text: 'Greater London Authority', why: 'the GLA is not a local authority here' },
    { text: 'Newcastle', why: 'it could be Newcastle upon Tyne or Newcastle-under-Lyme' },
    { text: 'Kingston', why: 'it could be Kingston upon Thames or Kingston upon Hull' },
    { text: 'Richmond', why: 'it could be Richmond upon Thames or the old Richmondshire' },
    { text: 'Cumbria County Council', why: 'Cumbria went to two successors in 2023' },
    { text: 'Northamptonshire County Council', why: 'Northamptonshire went to two successors in 2021' },
    { text: 'Bedfordshire', why: 'Bedford and Central Bedfordshire are two authorities' },
    { text: 'Stafford County Council', why: 'Stafford is a borough, and the county is Staffordshire' },
    { text: 'Kent District Council', why: 'Kent is a county, not a district' },
    { text: 'Leeds County Council', why: 'Leeds is a metropolitan borough' },
    { text: 'Cardiff Council', why: 'Welsh authorities are not in the table' },
    { text: 'Glasgow City Council', why: 'Scottish authorities are not in the table' },
    { text: 'Leeds City Council Portage Service', why: 'extra words are not guessed away' },
    { text: 'Greater Manchester Combined Authority', why: 'a combined authority is not a local authority' },
    { text: 'W06000015', why: 'a Welsh code' },
    { text: 'E10000006', why: 'the code of Cumbria, abolished' },
  ])('matches nothing for "$text": $why', ({ text }) => {
    expect(matchLocalAuthority(text, authorities)).toBeNull();
  });

  describe('with a county and a district of the same name (as Durham was until 2009)', () => {
    const table = [
      { code: 'E10000010', name: 'Durham', kind: 'county' as const },
      { code: 'E07000056', name: 'Durham', kind: 'district' as const },
    ];

    it.each([
      { text: 'Durham County Council', code: 'E10000010' },
      { text: 'Durham City Council', code: 'E07000056' },
      { text: 'Durham District Council', code: 'E07000056' },
      { text: 'Durham', code: null },
      { text: 'Durham Council', code: null },
    ])('reads "$text" as $code', ({ text, code }) => {
      expect(matchLocalAuthority(text, table)?.code ?? null).toBe(code);
    });
  });

  it('finds every reference row by its own name and with "Council" after it: no two names normalise alike', () => {
    expect(new Set(authorities.map((row) => normaliseAuthorityName(row.name))).size).toBe(authorities.length);
    for (const row of authorities) {
      expect(matchLocalAuthority(row.name, authorities)).toBe(row);
      expect(matchLocalAuthority(`${row.name} Council`, authorities)).toBe(row);
    }
  });

  it('returns the row it was given, so callers can pass their own rows', () => {
    const rows = [{ code: 'E08000035', name: 'Leeds', kind: 'metropolitan_borough' as const, servicesCount: 2 }];
    expect(matchLocalAuthority('Leeds City Council', rows)).toBe(rows[0]);
  });
});
