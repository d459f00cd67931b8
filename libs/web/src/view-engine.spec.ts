// Every Handlebars file prints data escaped, nothing turns prototype access on, and the pages render
// hostile data as text. The letters' own hostile-data spec is libs/letters/src/letter-renderer.spec.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { VIEWS_DIR, pageEngine, partials } from './view-engine';

const ROOT = join(__dirname, '..', '..', '..');
const SKIP = new Set(['node_modules', 'dist', 'coverage', '.git']);

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

describe('templates', () => {
  it('prints data with double braces only: no {{{ or {{& in any Handlebars file of the repository', () => {
    const templates = filesUnder(ROOT, (name) => name.endsWith('.hbs')).map((f) => relative(ROOT, f));
    expect(templates.filter((f) => f.startsWith('libs/letters/templates/')).length).toBeGreaterThan(0);
    expect(templates.filter((f) => f.startsWith('libs/web/views/')).length).toBeGreaterThan(0);
    const unescaped = templates.filter((f) => /\{\{~?\s*[{&]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(unescaped).toEqual([]);
  });

  it('never turns on prototype access in libs/ or apps/', () => {
    const options = ['allowProtoPropertiesByDefault', 'allowProtoMethodsByDefault', 'allowedProtoProperties', 'allowedProtoMethods'];
    const pattern = new RegExp(`\\b(${options.join('|')})\\b`);
    const sources = ['libs', 'apps'].flatMap((dir) => filesUnder(join(ROOT, dir), (name) => /\.(ts|js|mjs|cjs)$/.test(name))).filter((f) => f !== __filename);
    expect(sources.length).toBeGreaterThan(100);
    const enabling = sources.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(enabling).toEqual([]);
  });
});

describe('pages and hostile data', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const URL = 'javascript:alert(1)';
  const LEAK = /PROTO-LEAK|CTOR-LEAK|\[native code\]|function Object|\[object Object\]/;
  /** An object with own __proto__ and constructor keys, as JSON.parse makes them from a request body. */
  const withProtoKeys = <T extends object>(fields: T): T => ({
    ...(JSON.parse('{"__proto__": {"polluted": "PROTO-LEAK"}, "constructor": {"prototype": {"polluted": "CTOR-LEAK"}, "name": "CTOR-LEAK"}}') as object),
    ...fields,
  });

  const engine = pageEngine();
  for (const [name, file] of Object.entries(partials())) engine.registerPartial(name, readFileSync(join(VIEWS_DIR, file), 'utf8'));
  const page = (name: string) => engine.compile(readFileSync(join(VIEWS_DIR, 'pages', `${name}.hbs`), 'utf8'));

  // What people type reaches pages as names, headings, messages and notices; links are paths the server builds.
  const hostileData = withProtoKeys({
    title: SCRIPT,
    heading: SCRIPT,
    message: `${URL} ${SCRIPT}"'&`,
    notice: SCRIPT,
    user: withProtoKeys({ name: SCRIPT, email: URL }),
    nav: [withProtoKeys({ href: '/office', text: SCRIPT, active: true })],
    errors: [withProtoKeys({ field: 'name', href: '#name', message: `${SCRIPT} ${URL}` })],
    csrfToken: '"><script>alert(1)</script>',
  });

  let consoleError: jest.SpyInstance;
  beforeEach(() => (consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined)));
  afterEach(() => consoleError.mockRestore());

  function expectSafe(html: string) {
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/(href|src|action)="javascript:/i);
    expect(html).not.toMatch(LEAK);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }

  it('escapes everything in the error page and its layout, and lets nothing reach a prototype', () => {
    const html = page('error')(hostileData);
    expectSafe(html);
    expect(html).toContain('<h1 class="govuk-heading-l">&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('javascript:alert(1) &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp;');
    expect(html).toContain(
      '<a class="govuk-link govuk-body-s npa-signed-in-as" href="/account">&lt;script&gt;alert(1)&lt;/script&gt;<span class="govuk-visually-hidden">: your account</span></a>',
    );
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<a href="#name">&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</a>');
  });

  it('escapes a hostile block given to the layout partial', () => {
    const html = engine.compile('{{#> layout}}<p>{{message}}</p>{{/layout}}')(hostileData);
    expectSafe(html);
    expect(html).toContain('<title>Error: &lt;script&gt;alert(1)&lt;/script&gt; – NPA back-office</title>');
  });

  it('reads no prototype value when a page asks for one', () => {
    const probe =
      '{{constructor.name}}|{{__proto__.polluted}}|{{user.constructor.name}}|{{lookup this "constructor"}}|{{#with constructor}}{{name}}{{/with}}|{{toString}}';
    const html = engine.compile(probe)({ user: {} });
    expect(html).toBe('|||||');
  });

  it.each(
    readdirSync(join(VIEWS_DIR, 'pages'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.hbs')),
  )('renders %s with hostile top-level data as text', (file) => {
    const html = page(file.replace(/\.hbs$/, ''))(hostileData);
    expectSafe(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
