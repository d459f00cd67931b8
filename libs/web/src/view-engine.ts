// The one Handlebars environment pages are rendered with: its own instance, our helpers, Handlebars'
// escaping and prototype protection left on. Pages wrap themselves in {{#> layout}}...{{/layout}}, so no
// template ever needs triple braces.
import Handlebars from 'handlebars';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { APPROVAL_VIEW_STATES } from '@npa/approval';
import { COMPLIANCE_VIEW_STATES } from '@npa/compliance';
import { formatDate, LETTERS_VIEW_STATES } from '@npa/letters';
import { collectViewStates } from '@npa/platform';
import { REMINDERS_VIEW_STATES } from '@npa/reminders';
import { RETURNS_VIEW_STATES } from '@npa/returns';

export const VIEWS_DIR = join(__dirname, '..', 'views');

// Each slice declares how its states look; a new state is a line in its slice's view-states.ts.
const STATES = collectViewStates([APPROVAL_VIEW_STATES, COMPLIANCE_VIEW_STATES, REMINDERS_VIEW_STATES, LETTERS_VIEW_STATES, RETURNS_VIEW_STATES]);

export const VIEW_HELPERS = {
  eq: (a: unknown, b: unknown) => a === b,
  not: (a: unknown) => !a,
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  formatDate: (value: unknown) => (typeof value === 'string' && value.length >= 10 ? formatDate(value.slice(0, 10)) : ''),
  /** GOV.UK tag colour for a state or outcome. */
  tagColour: (state: unknown) => STATES[String(state)]?.tag ?? 'grey',
  /** A state or outcome in words. */
  label: (state: unknown) => STATES[String(state)]?.label ?? (typeof state === 'string' ? state.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : ''),
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
