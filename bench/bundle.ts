// The web app's weight, from the real build (run "npm run build" first):
// - bundle.route: each screen's cold-load script and style (the entry and its static imports, plus the screen's
//   chunk and its static imports, from the Vite manifest), raw, gzip and brotli as the server sends them;
// - bundle.coldLoad: what headless Chromium actually downloads for a cold load of Welcome (signed out) and Today
//   (signed in, a week into an episode), from the transferred bytes of each response (headers included), with
//   the service worker blocked so its precache of every chunk after the load is not counted; budgets of issue 11;
// - bundle.offline: the service worker plus the outbox and offline modules (budget: 15 KB gzip).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { FIRST_SCREEN_BUDGETS, screenCosts } from '../scripts/firstLoad';
import { CHROMIUM, CHROMIUM_FLAGS, requireBuild, seedPerson, startWebServer } from './lib/webServer';

requireBuild();
const webRoot = path.resolve('dist/web');
for (const cost of screenCosts(webRoot)) {
  const zodModules = cost.modules.filter((m) => m.includes('node_modules/zod/')).length;
  console.log(JSON.stringify({ name: 'bundle.route', screen: cost.screen, js: cost.js, css: cost.css, zodModules }));
}

const server = await startWebServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
try {
  const cookie = await seedPerson(server.url);
  for (const [screen, route, signedIn] of [['Welcome', '/', false], ['Today', '/today', true]] as const) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 }, isMobile: true });
    if (signedIn) await context.addCookies([{ ...cookie, url: server.url }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map<string, { type: string; encoding: string }>();
    const bytes: Record<string, { requests: number; transferredBytes: number; encodings: string[] }> = {};
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { type: e.type, encoding: String(e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'none') }));
    cdp.on('Network.loadingFinished', (e) => {
      const { type, encoding } = types.get(e.requestId) ?? { type: 'Other', encoding: 'none' };
      const row = (bytes[type] ??= { requests: 0, transferredBytes: 0, encodings: [] });
      row.requests += 1;
      row.transferredBytes += e.encodedDataLength;
      if (!row.encodings.includes(encoding)) row.encodings.push(encoding);
    });
    await page.goto(server.url + route, { waitUntil: 'networkidle' });
    // The screen as it finally shows: Today with its plan (not the placeholder), Welcome with its heading.
    const shown = signedIn ? page.locator('.today').filter({ hasNot: page.locator('.today-skeleton') }) : page.locator('h1#screen-title');
    await shown.first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const script = bytes.Script ?? { requests: 0, transferredBytes: 0, encodings: [] };
    const budget = FIRST_SCREEN_BUDGETS[screen] ?? 0;
    const all = Object.values(bytes).reduce((sum, r) => sum + r.transferredBytes, 0);
    console.log(
      JSON.stringify({ name: 'bundle.coldLoad', screen, path: route, scriptBytes: script.transferredBytes, scriptRequests: script.requests, scriptEncodings: script.encodings, budgetBytes: budget, withinBudget: script.transferredBytes <= budget, allBytes: all, byType: bytes }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// The offline layer: sw.js as served, plus src/web/outbox and src/web/offline minified on their own (what they
// import from the rest of the app — React, the client, zod, the core — is counted in bundle.today, not here).
const OWN = [path.resolve('src/web/outbox'), path.resolve('src/web/offline')];
const modules = OWN.flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.') && f !== 'precachePlugin.ts')
    .map((f) => path.join(dir, f)),
);
const bundled = await build({
  stdin: { contents: modules.map((m) => `export * from ${JSON.stringify(m)};`).join('\n'), resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  jsx: 'automatic',
  write: false,
  logLevel: 'silent',
  plugins: [
    {
      name: 'only-the-offline-layer',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind === 'entry-point' || !args.importer) return undefined;
          const resolved = args.path.startsWith('.') ? path.resolve(args.resolveDir, args.path) : args.path;
          if (args.path.endsWith('.css')) return { path: resolved, external: true };
          return OWN.some((dir) => resolved.startsWith(dir)) ? undefined : { path: args.path, external: true };
        });
      },
    },
  ],
});
const code = bundled.outputFiles[0]?.contents ?? new Uint8Array();
const sw = fs.readFileSync(path.join(webRoot, 'sw.js'));
const swGzipBytes = zlib.gzipSync(sw, { level: 9 }).length;
const modulesGzipBytes = zlib.gzipSync(code, { level: 9 }).length;
console.log(
  JSON.stringify({
    name: 'bundle.offline',
    files: modules.length + 1,
    rawBytes: sw.length + code.length,
    gzipBytes: swGzipBytes + modulesGzipBytes,
    swGzipBytes,
    modulesGzipBytes,
    budgetGzipBytes: 15 * 1024,
  }),
);
