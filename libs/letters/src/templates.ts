// The default templates (version 1) are files in libs/letters/templates; the build copies them beside
// the compiled code, so the same relative path works from the source tree and from dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_TEMPLATES_DIR = join(__dirname, '..', 'templates');
export const DEFAULT_TEMPLATE_VERSION = 1;

/** One kind's body: HTML for the letter (it wraps itself in {{#> layout}}) and plain text for the email. */
export interface BodyTemplate {
  version: number;
  html: string;
  text: string;
}

/** What the renderer needs besides the bodies: the layout, its partials and the stylesheet it inlines. */
export interface SharedTemplates {
  layout: string;
  styles: string;
  /** name -> source; names starting with `text-` are for the plain-text bodies. */
  partials: Record<string, string>;
}

const SHARED_PARTIALS = ['signature', 'footer', 'text-signoff'];

export function loadSharedTemplates(dir = DEFAULT_TEMPLATES_DIR): SharedTemplates {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    layout: read('layout.hbs'),
    styles: read('letter.css'),
    partials: Object.fromEntries(SHARED_PARTIALS.map((name) => [name, read(join('partials', `${name}.hbs`))])),
  };
}

/** The shipped body (version 1) of each kind: <kind>.hbs and <kind>.txt.hbs. */
export function loadDefaultBodies<K extends string>(kinds: readonly K[], dir = DEFAULT_TEMPLATES_DIR): Record<K, BodyTemplate> {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const entries = kinds.map((kind) => [kind, { version: DEFAULT_TEMPLATE_VERSION, html: read(`${kind}.hbs`), text: read(`${kind}.txt.hbs`) }]);
  return Object.fromEntries(entries) as Record<K, BodyTemplate>;
}
