import { addMonths, IsoDate } from '@npa/platform';

/** The last day a link may have ended on and still be kept as of `asOf`: the day `years` before. */
export const retentionCutoff = (asOf: IsoDate, years: number): IsoDate => addMonths(asOf, -12 * years);

/**
 * Kept through the last day of the period, anonymised the day after: a link that ended on 2020-03-01
 * is kept until 2026-03-01 with six years, and its person is anonymised as of 2026-03-02. A person
 * with any link still open (lastLinkEnded null) is kept.
 */
export const isPastRetention = (lastLinkEnded: IsoDate | null, asOf: IsoDate, years: number): boolean =>
  lastLinkEnded !== null && lastLinkEnded < retentionCutoff(asOf, years);

/** What an anonymised person is called from then on; the number comes from former_member_seq. */
export const formerMemberName = (n: number) => `Former member ${n}`;

/** An address that can never be delivered (.invalid is reserved, RFC 2606) and stays unique. */
export const formerMemberEmail = (n: number) => `former-member-${n}@anonymised.invalid`;
