// Gzipped size of the JavaScript the browser loads to show the Today screen (the entry and its static imports).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

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
