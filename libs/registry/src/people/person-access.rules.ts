import { isNpaStaff, ORGANISATION_OF, Role, type OrganisationKind } from '@npa/platform';

/** A post a person holds or held: a place on a service's team or a setting's staff, over its dates. */
export interface Post {
  organisation: OrganisationKind;
  organisationId: string;
  startDate: string;
  endDate: string | null;
}

/**
 * What an organisation may do with a person's record:
 * - `none`: nothing (not theirs, or no longer, or not yet);
 * - `read`: what the post needs (the record, memberships, qualifications, letters), while it lasts;
 * - `manage`: also identity (name, email) and the facts other organisations rely on (memberships,
 *   qualifications, induction).
 */
export type PersonAccess = 'none' | 'read' | 'manage';

const covers = (post: Post, day: string) => post.startDate <= day && (post.endDate === null || post.endDate >= day);

/**
 * The one rule for who may see and change a person. A link (a post) gives an organisation the record
 * only for the post's dates, so a backdated post gives nothing today. Changes that others rely on are
 * the NPA office's, or the organisation's alone while the person works there today and nowhere else.
 */
export function personAccess(viewer: { role: Role; organisationId: string | null }, posts: readonly Post[], today: string): PersonAccess {
  if (isNpaStaff(viewer.role)) return 'manage';
  const kind = ORGANISATION_OF[viewer.role];
  if (!kind || !viewer.organisationId) return 'none';
  const current = posts.filter((post) => covers(post, today));
  const ours = (post: Post) => post.organisation === kind && post.organisationId === viewer.organisationId;
  if (!current.some(ours)) return 'none';
  return current.every(ours) ? 'manage' : 'read';
}

/** A name as people type it: case, accents, punctuation and spacing aside. */
const nameKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export const sameName = (a: string, b: string) => nameKey(a) !== '' && nameKey(a) === nameKey(b);

/**
 * Adding someone by email from a form: the person already on the register only when the name typed is
 * theirs too; a new person when nobody has the email; otherwise the office must do it. So an email
 * typed into a form never reveals whose it is.
 */
export type EmailLink = { kind: 'existing'; personId: string } | { kind: 'new' } | { kind: 'ask-office' };

export function linkByEmail(existing: { id: string; name: string } | null, typedName: string): EmailLink {
  if (!existing) return { kind: 'new' };
  return sameName(existing.name, typedName) ? { kind: 'existing', personId: existing.id } : { kind: 'ask-office' };
}
