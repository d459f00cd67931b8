// The one Handlebars environment pages are rendered with: its own instance, our helpers, Handlebars'
// escaping and prototype protection left on. Pages wrap themselves in {{#> layout}}...{{/layout}}, so no
// template ever needs triple braces.
import Handlebars from 'handlebars';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatDate } from '@npa/letters';

export const VIEWS_DIR = join(__dirname, '..', 'views');

const TAGS: Record<string, string> = {
  draft: 'grey',
  submitted: 'blue',
  under_review: 'light-blue',
  information_requested: 'yellow',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'grey',
  active: 'green',
  at_risk: 'orange',
  expired: 'red',
  none: 'grey',
  compliant: 'green',
  non_compliant: 'red',
  pass: 'green',
  fail: 'red',
  not_applicable: 'grey',
  pending: 'blue',
  sent: 'green',
  suppressed: 'grey',
  failed: 'red',
  unknown: 'orange',
  // An annual return's state (libs/returns returns.views.ts).
  due: 'blue',
  overdue: 'orange',
  missing: 'red',
  filed: 'green',
  filed_late: 'yellow',
  not_open: 'grey',
};

const LABELS: Record<string, string> = {
  under_review: 'Under review',
  information_requested: 'Information requested',
  at_risk: 'At risk',
  non_compliant: 'Not compliant',
  not_applicable: 'Does not apply',
  pass: 'Met',
  fail: 'Not met',
};

export const VIEW_HELPERS = {
  eq: (a: unknown, b: unknown) => a === b,
  not: (a: unknown) => !a,
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  formatDate: (value: unknown) => (typeof value === 'string' && value.length >= 10 ? formatDate(value.slice(0, 10)) : ''),
  /** GOV.UK tag colour for a state or outcome. */
  tagColour: (state: unknown) => TAGS[String(state)] ?? 'grey',
  /** A state or outcome in words. */
  label: (state: unknown) => LABELS[String(state)] ?? (typeof state === 'string' ? state.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : ''),
  count: (n: unknown, one: unknown, many: unknown) => `${Number(n)} ${Number(n) === 1 ? String(one) : String(many)}`,
  /** The error for one field of a form, from the error list the page was rendered with. */
  errorFor: (errors: unknown, field: unknown) =>
    Array.isArray(errors) ? (errors as { field: string; message: string }[]).find((e) => e.field === field)?.message : undefined,
};

export function pageEngine(): typeof Handlebars {
  const engine = Handlebars.create();
  engine.registerHelper(VIEW_HELPERS);
  return engine;
}

/** Every partial in views/partials, by file name, as @fastify/view wants them. */
export function partials(): Record<string, string> {
  return Object.fromEntries(readdirSync(join(VIEWS_DIR, 'partials')).map((f) => [f.replace(/\.hbs$/, ''), join('partials', f)]));
}
