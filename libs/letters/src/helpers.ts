// The only helpers templates may call. Each returns plain text that Handlebars then escapes, except
// `link`, which escapes by hand and refuses any URL that is not http(s).
import Handlebars from 'handlebars';
import { isIsoDate } from '@npa/platform';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-11-23' -> '23 November 2026'. Read from the string, never through Date, so no time zone can shift it. */
export function formatDate(value: unknown): string {
  if (!isIsoDate(value)) return '';
  return `${Number(value.slice(8, 10))} ${MONTHS[Number(value.slice(5, 7)) - 1]} ${Number(value.slice(0, 4))}`;
}

/** `{{plural 3 "member"}}` -> '3 members'; an irregular plural is the third argument. */
export function plural(n: unknown, singular: unknown, pluralForm?: unknown): string {
  const count = Number(n);
  const one = String(singular);
  const many = typeof pluralForm === 'string' ? pluralForm : `${one}s`;
  return `${count} ${count === 1 ? one : many}`;
}

/** ['a', 'b', 'c'] -> 'a, b and c'. */
export function listOf(items: unknown): string {
  if (!Array.isArray(items)) return '';
  const words = items.map(String);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function isSafeUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An anchor for an http(s) URL; anything else (javascript:, data:, garbage) is printed as inert text. */
export function link(value: unknown): Handlebars.SafeString | string {
  if (!isSafeUrl(value)) return typeof value === 'string' ? value : '';
  const escaped = Handlebars.escapeExpression(value);
  return new Handlebars.SafeString(`<a href="${escaped}">${escaped}</a>`);
}

// Handlebars passes an options hash as the last argument; these wrappers drop it before calling the
// plain functions above, so those stay testable without Handlebars.
export const LETTER_HELPERS: Record<string, Handlebars.HelperDelegate> = {
  formatDate: (value: unknown) => formatDate(value),
  plural: (n: unknown, singular: unknown, ...rest: unknown[]) => plural(n, singular, rest.length > 1 ? rest[0] : undefined),
  listOf: (items: unknown) => listOf(items),
  link: (value: unknown) => link(value),
  eq: (a: unknown, b: unknown) => a === b,
};
