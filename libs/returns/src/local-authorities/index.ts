export { AUTHORITY_KINDS, LOCAL_AUTHORITIES_CSV, REGIONS, loadLocalAuthorityCsv, parseLocalAuthorityCsv } from './local-authorities';
export type { AuthorityKind, LocalAuthority, Region } from './local-authorities';
export { authorityMatcher, matchLocalAuthority, normaliseAuthorityName } from './match';
