import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineScriptSources } from './inline-scripts';
import { VIEWS_DIR } from './view-engine';

const sha = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

describe(inlineScriptSources.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'npa-views-'));
    mkdirSync(join(dir, 'pages'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['no script', '<p>hello</p>', []],
    ['an inline script', '<script>go();</script>', [sha('go();')]],
    ['the same script twice, once per file', '<script>go();</script>', [sha('go();')]],
    ['a script with a src, which self allows', '<script type="module" src="/assets/init.js"></script>', []],
    ['two scripts, sorted', '<script>b();</script><script>\n  a();\n</script>', [sha('b();'), sha('\n  a();\n')].sort()],
  ])('%s', (_name, template, expected) => {
    writeFileSync(join(dir, 'pages', 'one.hbs'), template);
    writeFileSync(join(dir, 'two.hbs'), template.includes('go()') ? template : '');
    expect(inlineScriptSources(dir)).toEqual(expected);
  });

  it('refuses a script that Handlebars fills in, whose hash could not be known', () => {
    writeFileSync(join(dir, 'pages', 'one.hbs'), '<script>var id = "{{id}}";</script>');
    expect(() => inlineScriptSources(dir)).toThrow(/must be static/);
  });

  it('hashes every inline script of the real pages: the layout’s and the import progress page’s', () => {
    const layout = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(join(VIEWS_DIR, 'partials', 'layout.hbs'), 'utf8'))![1];
    expect(inlineScriptSources()).toContain(sha(layout));
    expect(inlineScriptSources()).toHaveLength(2);
  });
});
