// HTML to PDF. One browser is started with the worker and kept warm, with a few pages in a context that
// has JavaScript off and every network request refused, so a letter prints only what its HTML holds and
// nothing in it can run or call out. Pages are reused (setContent replaces the whole document; with no
// script nothing survives it): opening a page cost about as much as printing one.
// Local files: a letter is always set as content (an about:blank document), never opened at an address,
// and Chromium refuses such a document every file: URL (img, iframe, object, CSS, link, a refresh); the
// route below refuses everything but data: besides. pdf-engine.spec.ts proves it with a file's marker.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Semaphore } from './semaphore';

/** The port the letters job depends on; Nest can provide ChromiumPdfEngine (or a fake) under this token. */
export abstract class PdfEngine {
  abstract start(): Promise<void>;
  abstract render(html: string): Promise<Buffer>;
  abstract close(): Promise<void>;
}

export interface ChromiumPdfEngineOptions {
  /** Debian's chromium by default (apt-get install chromium); Playwright's own browser downloads are not used. */
  executablePath?: string;
  /** Pages printing at once (each kept open for the next letter); more letters queue. */
  concurrency?: number;
  timeoutMs?: number;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Headless without the sandbox (the worker runs as root in containers) and without anything that talks
// to Google: no updates, sync, QUIC or background fetches.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumPdfEngine extends PdfEngine {
  private browser: Browser | null = null;
  private context: BrowserContext | null = null;
  private starting: Promise<void> | null = null;
  private idle: Page[] = [];
  private readonly slots: Semaphore;
  private readonly concurrency: number;
  private readonly executablePath: string;
  private readonly timeoutMs: number;

  constructor(options: ChromiumPdfEngineOptions = {}) {
    super();
    this.executablePath = options.executablePath ?? CHROMIUM_PATH;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.concurrency = options.concurrency ?? 4;
    this.slots = new Semaphore(this.concurrency);
  }

  async start(): Promise<void> {
    if (this.context) return;
    this.starting ??= this.launch().finally(() => (this.starting = null));
    await this.starting;
  }

  async render(html: string): Promise<Buffer> {
    return this.slots.run(async () => {
      // A browser that crashed is started again on the next letter instead of failing every job after it.
      await this.start();
      if (!this.context) throw new Error('Chromium closed while the letter waited for it');
      const page = this.idle.pop() ?? (await this.context.newPage());
      page.setDefaultTimeout(this.timeoutMs);
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        if (!page.isClosed() && page.context() === this.context) this.idle.push(page);
        return pdf;
      } catch (error) {
        // A page that failed is not trusted with the next letter.
        await page.close().catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const browser = this.browser;
    this.browser = null;
    this.context = null;
    this.idle = [];
    await browser?.close();
  }

  // Nest calls these when the engine is a provider, so the worker's lifecycle starts and stops the browser.
  async onModuleInit(): Promise<void> {
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private async launch(): Promise<void> {
    const browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS, timeout: this.timeoutMs });
    browser.on('disconnected', () => {
      if (this.browser === browser) {
        this.browser = null;
        this.context = null;
        this.idle = [];
      }
    });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    this.idle = await warmPages(context, this.concurrency);
    this.browser = browser;
    this.context = context;
  }
}

/**
 * A page for each letter printed at once, opened and printed from now: Chromium's first pages cost it a
 * second or more of CPU (a renderer each, and the browser's own), which would otherwise fall on the first
 * letters of the day, beside the sweep's emails (README, Benchmarks). Best effort: a page that fails here
 * is closed, and a letter opens another; the pages that did warm are kept.
 */
export async function warmPages<P extends Pick<Page, 'setContent' | 'pdf' | 'close'>>(context: { newPage(): Promise<P> }, count: number): Promise<P[]> {
  const warmed = await Promise.allSettled(
    Array.from({ length: count }, async () => {
      const page = await context.newPage();
      try {
        await page.setContent('<p>Warming up</p>');
        await page.pdf({ format: 'A4' });
        return page;
      } catch (error) {
        await page.close().catch(() => undefined);
        throw error;
      }
    }),
  );
  return warmed.flatMap((w) => (w.status === 'fulfilled' ? [w.value] : []));
}
