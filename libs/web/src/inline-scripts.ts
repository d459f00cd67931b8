import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VIEWS_DIR } from './view-engine';

/** An inline script: a <script> tag with no attributes (no src, no type), and what it runs. */
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/**
 * The CSP sources that allow the pages' inline scripts and nothing else, instead of 'unsafe-inline': the
 * sha256 of each one in the templates. Each must be static (no Handlebars in it), so its hash is known
 * when the process starts; one that is not stops the start, as it would otherwise be refused by browsers.
 */
export function inlineScriptSources(dir: string = VIEWS_DIR): string[] {
  const sources = templatesUnder(dir).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(INLINE_SCRIPT)].map(([, script]) => {
      if (script.includes('{{')) throw new Error(`${file}: an inline script must be static for its CSP hash; move what varies into data- attributes`);
      return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
    }),
  );
  return [...new Set(sources)].sort();
}

function templatesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return templatesUnder(path);
    return entry.name.endsWith('.hbs') ? [path] : [];
  });
}
