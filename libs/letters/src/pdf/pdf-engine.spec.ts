import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { LetterRenderer } from '../letter-renderer';
import { ALL_LETTER_KINDS, sampleData, sampleMeta } from '../../../../test/support/letter-kinds';
import { pdfPageCount, pdfWords } from '../testing/pdf-text';
import { CHROMIUM_PATH, ChromiumPdfEngine, warmPages } from './pdf-engine';

// Not skipped when Chromium is missing: CI installs it (.ci/run), and a letter nobody can print is a failure.
jest.setTimeout(60_000);

describe(ChromiumPdfEngine.name, () => {
  const engine = new ChromiumPdfEngine();
  const renderer = new LetterRenderer({ verifyBaseUrl: 'https://backoffice.portage.org.uk', kinds: ALL_LETTER_KINDS });

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium poppler-utils (.ci/run does)`);
    await engine.start();
  });
  afterAll(() => engine.close());

  it('prints the registration compliance letter as an A4 PDF whose text names the service, each rule and the dates', async () => {
    const letter = renderer.render('registration-compliance', sampleData('registration-compliance'), sampleMeta('registration-compliance'));
    const pdf = await engine.render(letter.html);

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfWords(pdf);
    expect(text).toContain('Registration compliance: Northshire Portage Service');
    for (const id of ['SR-MEMBERSHIP', 'SR-WORKSHOP', 'SR-SUPERVISION', 'SR-NETWORKING']) expect(text).toContain(id);
    expect(text).toContain('7 December 2026');
    expect(text).toContain('Verification code NPA-7KQ2M-X4H9P');
  });

  it('prints a certificate on one page', async () => {
    const letter = renderer.render('workshop-certificate', sampleData('workshop-certificate'), sampleMeta('workshop-certificate'));
    const pdf = await engine.render(letter.html);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(pdfWords(pdf)).toContain('Grace Obi');
  });

  it('prints several letters at once', async () => {
    const letter = renderer.render('award', sampleData('award'), sampleMeta('award'));
    const pdfs = await Promise.all(Array.from({ length: 6 }, () => engine.render(letter.html)));
    for (const pdf of pdfs) expect(pdfWords(pdf)).toContain('Little Acorns Day Nursery');
  });

  it('opens and prints on a page for each letter it prints at once as it starts, so the first letters open none', async () => {
    const two = new ChromiumPdfEngine({ concurrency: 2 });
    try {
      await two.start();
      const opened = [...two['idle']];
      expect(opened).toHaveLength(2);
      const pdfs = await Promise.all([two.render('<p>first</p>'), two.render('<p>second</p>')]);
      expect(pdfs.map(pdfWords)).toEqual(['first', 'second']);
      expect(new Set(two['idle'])).toEqual(new Set(opened));
    } finally {
      await two.close();
    }
  });

  it('carries nothing from one letter into the next on a reused page', async () => {
    await engine.render('<p>FIRST LETTER</p><p>more of the first</p>');
    const second = pdfWords(await engine.render('<p>second letter</p>'));
    expect(second).toBe('second letter');
  });

  it('lets nothing in a letter run a script or fetch anything', async () => {
    let requests = 0;
    const server: Server = createServer((_req, res) => {
      requests++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = `<img src="${url}/img.png"><link rel="stylesheet" href="${url}/x.css"><p id="p">static</p><script>document.getElementById('p').textContent = 'SCRIPT RAN'; fetch('${url}/fetch');</script>`;
      const text = pdfWords(await engine.render(html));
      expect(text).toContain('static');
      expect(text).not.toContain('SCRIPT RAN');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  describe('reads no local file into a letter', () => {
    const MARKER = 'LOCALFILEMARKER7Q3Z';
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'npa-pdf-'));
      writeFileSync(join(dir, 'secret.txt'), `${MARKER} text\n`);
      writeFileSync(join(dir, 'secret.html'), `<p>${MARKER} html</p>`);
      writeFileSync(join(dir, 'secret.svg'), `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="0" y="20">${MARKER} svg</text></svg>`);
      writeFileSync(join(dir, 'secret.css'), `body::after { content: "${MARKER} css"; }`);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const file = (name: string) => `file://${join(dir, name)}`;
    it.each([
      ['img', () => `<img src="${file('secret.svg')}" alt="">`],
      ['iframe', () => `<iframe src="${file('secret.html')}"></iframe><iframe src="${file('secret.txt')}"></iframe>`],
      [
        'object and embed',
        () =>
          `<object data="${file('secret.html')}" type="text/html"></object><object data="${file('secret.svg')}" type="image/svg+xml"></object><embed src="${file('secret.txt')}" type="text/plain">`,
      ],
      ['CSS url()', () => `<style>@import url("${file('secret.css')}"); p { background: url("${file('secret.svg')}"); }</style>`],
      ['link', () => `<link rel="stylesheet" href="${file('secret.css')}">`],
      ['a base element', () => `<base href="${file('')}/"><link rel="stylesheet" href="secret.css"><iframe src="secret.html"></iframe>`],
      [
        'a refresh to the file',
        () =>
          `<meta http-equiv="refresh" content="0; url=${file('secret.html')}"><iframe srcdoc="<meta http-equiv=refresh content='0; url=${file('secret.txt')}'>"></iframe>`,
      ],
    ])('refuses a file: %s', async (_name, html) => {
      const text = pdfWords(await engine.render(`<p>letter body</p>${html()}`));
      expect(text).toContain('letter body');
      expect(text).not.toContain(MARKER);
    });

    // The control: the same tags in a document that is itself a local file do read the files, so the
    // cases above would see a leak. A letter is never such a document: it is set as content, not opened.
    it('would read them from a document opened at a file: address', async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage({ javaScriptEnabled: false });
        writeFileSync(join(dir, 'letter.html'), `<link rel="stylesheet" href="secret.css"><iframe src="secret.html"></iframe>`);
        await page.goto(file('letter.html'));
        expect(pdfWords(await page.pdf({ format: 'A4' }))).toContain(MARKER);
      } finally {
        await browser.close();
      }
    });
  });

  it('starts a new browser after close', async () => {
    await engine.close();
    const pdf = await engine.render('<p>after a restart</p>');
    expect(pdfWords(pdf)).toContain('after a restart');
  });
});

describe(warmPages.name, () => {
  /** Pages that print, but the second one asked for fails at `failAt`; each says whether it was closed. */
  function context(failAt: 'setContent' | 'pdf' | 'newPage' | null) {
    const pages: { n: number; closed: boolean }[] = [];
    let asked = 0;
    return {
      pages,
      newPage: async () => {
        const n = ++asked;
        if (failAt === 'newPage' && n === 2) throw new Error('no page');
        const page = {
          n,
          closed: false,
          setContent: async () => {
            if (failAt === 'setContent' && n === 2) throw new Error('content refused');
          },
          pdf: async () => {
            if (failAt === 'pdf' && n === 2) throw new Error('print failed');
            return Buffer.from('%PDF-');
          },
          close: async () => {
            page.closed = true;
          },
        };
        pages.push(page);
        return page;
      },
    };
  }

  it.each([
    { failAt: null, kept: [1, 2, 3], closed: [] },
    { failAt: 'setContent' as const, kept: [1, 3], closed: [2] },
    { failAt: 'pdf' as const, kept: [1, 3], closed: [2] },
    { failAt: 'newPage' as const, kept: [1, 3], closed: [] },
  ])('keeps the pages that warmed and closes one that failed at $failAt', async ({ failAt, kept, closed }) => {
    const browser = context(failAt);
    const pages = await warmPages(browser, 3);
    expect(pages.map((p) => p.n).sort()).toEqual(kept);
    expect(browser.pages.filter((p) => p.closed).map((p) => p.n)).toEqual(closed);
  });
});
