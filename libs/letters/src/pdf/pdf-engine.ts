// HTML to PDF. One browser is started with the worker and kept warm; each letter gets its own page in
// a context with JavaScript off and every network request refused, so a letter prints only what its
// HTML holds and nothing in it can run or call out.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
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
  /** Pages printing at once; more queue. Measured: 4 pages on 2 cores is the knee (bench/letters.bench.ts). */
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
  private readonly slots: Semaphore;
  private readonly executablePath: string;
  private readonly timeoutMs: number;

  constructor(options: ChromiumPdfEngineOptions = {}) {
    super();
    this.executablePath = options.executablePath ?? CHROMIUM_PATH;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.slots = new Semaphore(options.concurrency ?? 4);
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
      const page = await this.context.newPage();
      page.setDefaultTimeout(this.timeoutMs);
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await page.close().catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const browser = this.browser;
    this.browser = null;
    this.context = null;
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
      }
    });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    this.browser = browser;
    this.context = context;
  }
}
