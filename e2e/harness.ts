import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startServer, type StartOptions } from '../src/server/server';
import { startOfPersonDay } from './flows';

/** One server on a fresh data directory and one Chromium per test file; a new browser context per person. */

export const WEB_ROOT = path.resolve('dist/web');
export const RESULTS_DIR = path.resolve('test-results');
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

/** `E2E_CPU_SLOWDOWN=6` runs every page on a CPU that many times slower (Chromium's throttling), to bring out races a loaded CI machine shows. */
const CPU_SLOWDOWN = Number(process.env.E2E_CPU_SLOWDOWN ?? 1);

/**
 * A test's day must not change beneath it (a check-in made today, then a plan read on the next day). A person who
 * arrives in the last 90 seconds before midnight in the person's time zone waits for the new day to begin.
 */
async function clearOfMidnight() {
  const now = Date.now();
  const msIntoDay = now - startOfPersonDay(now);
  const left = 86_400_000 - msIntoDay;
  if (left < 90_000) await new Promise((resolve) => setTimeout(resolve, left + 2_000));
}

export interface Harness {
  url: string;
  browser: Browser;
  /** A new browser context (its own cookies) and a page in it. Console errors are collected in `errors`. */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * The browser logs every failed fetch as "Failed to load resource". A 4xx is often expected (GET /me while signed
 * out answers 401; a test sends bad input on purpose), and so is a request cut off while a test is offline
 * (net::ERR_…). A 5xx never is: it stays an error, and the response listener fails the file too.
 */
export function isExpectedLoadFailure(text: string): boolean {
  if (!text.startsWith('Failed to load resource')) return false;
  return /status of 4\d\d\b/.test(text) || /net::ERR_/.test(text);
}

/**
 * `push`: the server's Web Push options (a test that plays the push service on 127.0.0.1 allows loopback);
 * `clock`: the server's clock, for a test that lets a reminder fall due;
 * `args`: extra Chromium flags for this file's browser (the fake camera, say).
 */
export async function startHarness({ args = [], ...options }: Pick<StartOptions, 'push' | 'clock'> & { args?: string[] } = {}): Promise<Harness> {
  if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error(`The web app is not built: ${WEB_ROOT}/index.html is missing. Run \`npx vite build\` before the e2e tests.`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'unclench-e2e-'));
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', webRoot: WEB_ROOT, logLevel: 'warn', ...options });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...args],
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  await mkdir(RESULTS_DIR, { recursive: true });
  const contexts: BrowserContext[] = [];
  const serverErrors: string[] = [];

  return {
    url: server.url,
    browser,
    async newPage(options = {}) {
      await clearOfMidnight();
      const context = await browser.newContext({ baseURL: server.url, viewport: PHONE, locale: 'en-GB', timezoneId: 'Europe/London', ...options });
      contexts.push(context);
      // A breach of the pages' Content-Security-Policy is an error too: the browser blocks it (and Lighthouse counts it).
      await context.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) => console.error(`content security policy: ${e.violatedDirective} blocked ${e.blockedURI} in ${e.sourceFile}`)),
      );
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      if (CPU_SLOWDOWN > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !isExpectedLoadFailure(m.text())) errors.push(`console: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 500) {
          const line = `HTTP ${r.status()} from ${r.request().method()} ${new URL(r.url()).pathname}`;
          errors.push(line);
          serverErrors.push(line);
        }
      });
      return { context, page, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      // A 5xx is a bug even when the test's own assertions passed: fail the file (its afterAll) and name it.
      if (serverErrors.length > 0) throw new Error(`The server answered with an error during this file's tests:\n${serverErrors.join('\n')}`);
    },
  };
}
