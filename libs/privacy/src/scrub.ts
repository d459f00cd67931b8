/** What to take out of the copies of a person's details, and what to put in their place. */
export interface Redaction {
  /** Ids of the person, their accounts and trainer record: an object holding one is about them. */
  ids: string[];
  /** Their addresses, replaced wherever they appear. */
  emails: string[];
  /** Their names, replaced in free text only when nobody still in the register has the same name. */
  names: string[];
  replacementName: string;
  replacementEmail: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The name as whole words (not "Jane Smith" inside "Mary-Jane Smith" or "Jane Smithson"), whatever its case. */
const wholeWord = (name: string) => new RegExp(`(?<![\\p{L}\\p{N}'’-])${escape(name)}(?![\\p{L}\\p{N}-])`, 'giu');

export function scrubText(text: string, r: Redaction): string {
  let out = text;
  for (const email of r.emails) out = out.replace(new RegExp(escape(email), 'gi'), r.replacementEmail);
  for (const name of r.names) if (name.trim() !== '') out = out.replace(wholeWord(name), r.replacementName);
  return out;
}

/**
 * A copy of `value` (text or parsed JSON) with the person's details replaced: every address and
 * unshared name in any string, and the `name` of any object that holds one of their ids or addresses
 * (a recipient, a person named in a rule's facts), shared name or not.
 */
export function scrub(value: unknown, r: Redaction): unknown {
  if (typeof value === 'string') return scrubText(value, r);
  if (Array.isArray(value)) return value.map((v) => scrub(v, r));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const emails = r.emails.map((e) => e.toLowerCase());
  const aboutThem = entries.some(([, v]) => typeof v === 'string' && (r.ids.includes(v) || emails.includes(v.toLowerCase())));
  return Object.fromEntries(entries.map(([k, v]) => [k, aboutThem && k === 'name' && typeof v === 'string' ? r.replacementName : scrub(v, r)]));
}
