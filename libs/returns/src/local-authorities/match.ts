// Services write their local authority as free text ("Leeds City Council", "London Borough of Camden",
// "Hull"). Matching is exact on a normalised name, never by substring: "Suffolk County Council" must
// not become Mid Suffolk, and "Newcastle" is two places. Anything that leaves two candidates is null.
import type { AuthorityKind, LocalAuthority } from './local-authorities';

type Matchable = Pick<LocalAuthority, 'code' | 'name' | 'kind'>;

// A phrase comes before any shorter one inside it, so "borough council" goes before "council" leaves "borough" behind.
const PREFIXES = [
  'metropolitan borough of',
  'borough council of',
  'london borough of',
  'royal borough of',
  'council of the',
  'borough of',
  'council of',
  'county of',
  'city of',
  'the',
];
const SUFFIXES = [
  'metropolitan borough council',
  'metropolitan district council',
  'city and district council',
  'county borough council',
  'metropolitan borough',
  'metropolitan district',
  'borough council',
  'district council',
  'county council',
  'city council',
  'city corporation',
  'unitary authority',
  'corporation',
  'council',
  'district',
  'borough',
  'county',
  'city of',
  'county of',
  'city',
  'ua',
];

/** Lower case, no accents or punctuation, "&" as "and", "St." and "Saint" as "st". */
const spell = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bsaint\b/g, 'st');

/** The name spelled as above, with the council words around it dropped. */
export function normaliseAuthorityName(name: string): string {
  let text = spell(name);
  for (let before = ''; before !== text;) {
    before = text;
    const prefix = PREFIXES.find((p) => text.startsWith(`${p} `) && !(p === 'city of' && /^city of london\b/.test(text)));
    if (prefix) text = text.slice(prefix.length + 1);
    const suffix = SUFFIXES.find((s) => text.endsWith(` ${s}`));
    if (suffix) text = text.slice(0, -(suffix.length + 1));
  }
  return text;
}

// Everyday names, and authorities abolished since 2019 whose whole area went to one successor. Counties
// split between two successors (Cumbria, Northamptonshire) are left out on purpose: they match nothing.
const ALIASES: Record<string, string> = {
  Hull: 'E06000010',
  Durham: 'E06000047',
  Southend: 'E06000033',
  Telford: 'E06000020',
  Brighton: 'E06000043',
  Stockton: 'E06000004',
  Redcar: 'E06000003',
  Blackburn: 'E06000008',
  Stoke: 'E06000021',
  Bath: 'E06000022',
  BANES: 'E06000022',
  BCP: 'E06000058',
  RBWM: 'E06000040',
  'East Riding': 'E06000011',
  'Cheshire West': 'E06000050',
  'Medway Towns': 'E06000035',
  Scilly: 'E06000053',
  'Corporation of London': 'E09000001',
  "King's Lynn": 'E07000146',
  'Stratford-upon-Avon': 'E07000221',
  Shepway: 'E07000112',
  // April 2019: Dorset and Suffolk.
  Bournemouth: 'E06000058',
  Poole: 'E06000058',
  Christchurch: 'E06000058',
  'East Dorset': 'E06000059',
  'North Dorset': 'E06000059',
  Purbeck: 'E06000059',
  'West Dorset': 'E06000059',
  'Weymouth and Portland': 'E06000059',
  'Forest Heath': 'E07000245',
  'St Edmundsbury': 'E07000245',
  'Suffolk Coastal': 'E07000244',
  Waveney: 'E07000244',
  // April 2020 and 2021: Buckinghamshire and Northamptonshire.
  'Aylesbury Vale': 'E06000060',
  Chiltern: 'E06000060',
  'South Bucks': 'E06000060',
  Wycombe: 'E06000060',
  Corby: 'E06000061',
  'East Northamptonshire': 'E06000061',
  Kettering: 'E06000061',
  Wellingborough: 'E06000061',
  Daventry: 'E06000062',
  Northampton: 'E06000062',
  'South Northamptonshire': 'E06000062',
  // April 2023: Cumbria, North Yorkshire and Somerset.
  Allerdale: 'E06000063',
  Carlisle: 'E06000063',
  Copeland: 'E06000063',
  'Barrow-in-Furness': 'E06000064',
  Eden: 'E06000064',
  'South Lakeland': 'E06000064',
  Craven: 'E06000065',
  Hambleton: 'E06000065',
  Harrogate: 'E06000065',
  Richmondshire: 'E06000065',
  Ryedale: 'E06000065',
  Scarborough: 'E06000065',
  Selby: 'E06000065',
  Mendip: 'E06000066',
  Sedgemoor: 'E06000066',
  'Somerset West and Taunton': 'E06000066',
  'South Somerset': 'E06000066',
  'Taunton Deane': 'E06000066',
  'West Somerset': 'E06000066',
};
const ALIAS_CODES = new Map(Object.entries(ALIASES).map(([name, code]) => [normaliseAuthorityName(name), code]));

// Council names that only tell the place apart with their council words, matched as spelled in full:
// "Newcastle" alone stays ambiguous.
const FULL_NAMES: Record<string, string> = {
  'Newcastle City Council': 'E08000021',
  'Newcastle Borough Council': 'E07000195',
};
const FULL_NAME_CODES = new Map(Object.entries(FULL_NAMES).map(([name, code]) => [spell(name), code]));

/** Codes replaced one for one (the same authority recoded), so a code from older data still matches. */
const FORMER_CODES: Record<string, string> = {
  E06000048: 'E06000057', // Northumberland, 2009
  E08000020: 'E08000037', // Gateshead, 2013
  E08000016: 'E08000038', // Barnsley, 2025
  E08000019: 'E08000039', // Sheffield, 2025
  E10000023: 'E06000065', // North Yorkshire, 2023
  E10000027: 'E06000066', // Somerset, 2023
};

/**
 * "Kent County Council" may only be a county or a unitary that kept the name (Durham, Rutland); a district,
 * borough or city council is never the county. The hint settles a county and a district of the same name.
 */
function tierAllows(text: string, kind: AuthorityKind): boolean {
  const words = ` ${text.toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  if (words.includes(' county council ')) return kind === 'county' || kind === 'unitary';
  if (/ (district|borough|city) council /.test(words)) return kind !== 'county';
  return true;
}

/** The reference row the text names, or null when it names none or could be more than one. */
export function matchLocalAuthority<T extends Matchable>(name: string, authorities: readonly T[]): T | null {
  return authorityMatcher(authorities)(name);
}

/**
 * matchLocalAuthority for many names against one table: the table's names are normalised once, so a
 * snapshot of a thousand services does not normalise 317 names a thousand times.
 */
export function authorityMatcher<T extends Matchable>(authorities: readonly T[]): (name: string) => T | null {
  const byCode = new Map(authorities.map((a) => [a.code, a]));
  const byKey = new Map<string, T[]>();
  for (const a of authorities) {
    const key = normaliseAuthorityName(a.name);
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  return (name) => {
    const key = normaliseAuthorityName(name);
    if (key === '') return null;
    const code = /^e\d{8}$/.test(key) ? key.toUpperCase() : undefined;
    const codes = [FULL_NAME_CODES.get(spell(name)), ALIAS_CODES.get(key), code, code && FORMER_CODES[code]];
    const candidates = new Set([...codes.map((c) => (c ? byCode.get(c) : undefined)), ...(byKey.get(key) ?? [])]);
    const allowed = [...candidates].filter((a): a is T => a !== undefined && tierAllows(name, a.kind));
    return allowed.length === 1 ? allowed[0] : null;
  };
}
