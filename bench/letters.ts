// Letters per second at each stage, beside the floor of bare Handlebars: the renderer (HTML and email
// text), then HTML to PDF with each engine tried, one letter at a time and a few at once. Run:
// npm run bench -- letters [--letters 200 --concurrency 4]
// The pure-JS engine (pdfmake fed by html-to-pdfmake over jsdom) is not a dependency; it is measured
// when its packages resolve, e.g. after `npm i --no-save pdfmake html-to-pdfmake jsdom@26`.
import Handlebars from 'handlebars';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ChromiumPdfEngine, type LetterKind, LetterRenderer } from '@npa/letters';
import { ALL_LETTER_KINDS, LETTER_KINDS, sampleData, sampleMeta } from '../test/support/letter-kinds';
import { pdfWords } from '@npa/letters/testing';
import { inChild, perSecond, row, serveChild, type Row } from './support';

interface Engine {
  name: string;
  start(): Promise<void>;
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

const kindOf = (i: number): LetterKind => LETTER_KINDS[i % LETTER_KINDS.length];

/** pdfmake over html-to-pdfmake: pure JS, no browser; loaded only if installed. */
function pureJsEngine(): Engine | string {
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { JSDOM } = require('jsdom');
    const htmlToPdfmake = require('html-to-pdfmake');
    const pdfmake = require('pdfmake');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const { window } = new JSDOM('');
    pdfmake.setFonts({ Roboto: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } });
    // Only its built-in standard fonts (names, not files); no URL and no other file.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path: string) => /^Helvetica/.test(path));
    return {
      name: 'pdfmake + html-to-pdfmake (pure JS)',
      start: async () => undefined,
      close: async () => undefined,
      render: async (html: string) => {
        const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
        const content = htmlToPdfmake(body, { window });
        const doc = pdfmake.createPdf({ pageSize: 'A4', pageMargins: [57, 51, 57, 51], content, defaultStyle: { fontSize: 10 } });
        return Buffer.from(await doc.getBuffer());
      },
    };
  } catch (error) {
    return `not installed (${(error as Error).message.split('\n')[0]})`;
  }
}

/**
 * Floor (d): Chromium's own page.pdf() of the same letters' HTML on one reused page, no app code, in a
 * process of its own; the same print options as ChromiumPdfEngine, one letter at a time.
 */
async function barePdf(input: { html: string[]; letters: number }): Promise<number> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const print = async (i: number) => {
      await page.setContent(input.html[i % input.html.length], { waitUntil: 'load' });
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    };
    await perSecond(10, 1, print); // warm-up, as the engine's
    return await perSecond(input.letters, 1, print);
  } finally {
    await browser.close();
  }
}

serveChild({ barePdf });

export async function lettersPart(options: { letters: number; concurrency: number }): Promise<Row[]> {
  const { letters, concurrency } = options;
  const renderer = new LetterRenderer({ verifyBaseUrl: 'https://backoffice.portage.org.uk', kinds: ALL_LETTER_KINDS });
  const html = LETTER_KINDS.map((kind) => renderer.render(kind, sampleData(kind), sampleMeta(kind)).html);
  const rows: Row[] = [];

  // Floor: a precompiled template of the same size with no layout, partials or helpers.
  const bare = Handlebars.create().compile(html[0].replace(/\{\{/g, '{ {') + '{{service.name}}');
  const bareData = sampleData('registration-compliance');
  const floor = await perSecond(letters * 100, 1, () => bare(bareData));
  const floorIs = 'bare Handlebars, one precompiled template';
  const htmlRate = await perSecond(letters * 100, 1, (i) => renderer.render(kindOf(i), sampleData(kindOf(i)), sampleMeta(kindOf(i))));
  rows.push(
    row({
      part: 'letters',
      figure: 'LetterRenderer: HTML and email text, all kinds in turn (letters/s)',
      unit: 'letters/s',
      value: htmlRate,
      floorIs,
      floor,
      target: null,
      met: null,
    }),
  );

  const pureJs = pureJsEngine();
  const engines: Engine[] = [Object.assign(new ChromiumPdfEngine({ concurrency }), { name: 'Chromium via playwright-core, pages reused' })];
  if (typeof pureJs === 'string') console.log(`letters: pdfmake + html-to-pdfmake (pure JS): ${pureJs}`);
  else engines.push(pureJs);

  for (const engine of engines) {
    const started = process.hrtime.bigint();
    await engine.start();
    const startMs = Number(process.hrtime.bigint() - started) / 1e6;
    try {
      const check = pdfWords(await engine.render(html[0]));
      if (!check.includes('Northshire Portage Service')) throw new Error(`${engine.name}: the PDF does not name the service`);
      await perSecond(10, 1, (i) => engine.render(html[i % html.length])); // warm-up: fonts, first page
      const sequential = await perSecond(letters, 1, (i) => engine.render(html[i % html.length]));
      const parallel = await perSecond(letters, concurrency, (i) => engine.render(html[i % html.length]));
      const pdfFloor = await inChild<{ html: string[]; letters: number }, number>(join(__dirname, 'letters.ts'), 'barePdf', { html, letters });
      const pdfFloorIs = "Chromium's page.pdf() of the same HTML, one reused page, no app code";
      console.log(
        `letters: ${engine.name}: started in ${startMs.toFixed(0)} ms; ${sequential.toFixed(1)} PDFs/s one at a time, ${parallel.toFixed(1)} ${concurrency} at once; bare page.pdf() ${pdfFloor.toFixed(1)}/s`,
      );
      rows.push(
        row({
          part: 'letters',
          figure: `PDF: ${engine.name}, one at a time (letters/s)`,
          unit: 'letters/s',
          value: sequential,
          floorIs: pdfFloorIs,
          floor: pdfFloor,
          target: '>= 0.8 of floor',
          met: sequential >= 0.8 * pdfFloor,
        }),
        row({
          part: 'letters',
          figure: `PDF: ${engine.name}, ${concurrency} at once (letters/s)`,
          unit: 'letters/s',
          value: parallel,
          floorIs: pdfFloorIs,
          floor: pdfFloor,
          target: null,
          met: null,
        }),
      );
    } finally {
      await engine.close();
    }
  }
  console.log(`letters: ${letters} letters per PDF run (x100 for the HTML rows), ${LETTER_KINDS.length} kinds in turn; floor ${Math.round(floor)} renders/s`);
  return rows;
}
