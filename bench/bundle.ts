// Gzipped size of the JavaScript the browser loads to show the Today screen (the entry and its static imports),
// and of the offline layer: the service worker plus the outbox and offline modules (budget: 15 KB gzip).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';

const webRoot = path.resolve('dist/web');
const indexHtml = path.join(webRoot, 'index.html');
if (!fs.existsSync(indexHtml)) {
  console.error('dist/web is missing: run "npm run build" first.');
  process.exit(1);
}
const html = fs.readFileSync(indexHtml, 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
const seen = new Set<string>();
let rawBytes = 0;
let gzipBytes = 0;
// Follow static imports so that split chunks the entry needs at once are counted too.
const queue = [...scripts];
while (queue.length) {
  const src = queue.shift() ?? '';
  const file = path.join(webRoot, src.replace(/^\//, ''));
  if (seen.has(file) || !fs.existsSync(file)) continue;
  seen.add(file);
  const code = fs.readFileSync(file);
  rawBytes += code.length;
  gzipBytes += zlib.gzipSync(code, { level: 9 }).length;
  for (const m of code.toString('utf8').matchAll(/(?:^|[;\n])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    queue.push(path.posix.join(path.posix.dirname(src), m[1] ?? ''));
  }
}
console.log(JSON.stringify({ name: 'bundle.today', files: seen.size, rawBytes, gzipBytes }));

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
