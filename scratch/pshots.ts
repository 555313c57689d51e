import { chromium } from 'playwright-core';
import { copyFileSync, writeFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const files = process.argv.slice(2);
for (const f of files) {
  const name = f.replace(/.*\//, '').replace('.png', '');
  copyFileSync(f, `/tmp/${name}.png`);
  writeFileSync(`/tmp/${name}.html`, `<html><body style="margin:0"><img id=i src="${name}.png" style="display:block"></body></html>`);
  const p = await b.newPage({ viewport: { width: 390, height: 1000 } });
  await p.goto(`file:///tmp/${name}.html`);
  const h = await p.evaluate(() => (document.getElementById('i') as HTMLImageElement).naturalHeight);
  for (let y = 0, k = 0; y < h; y += 1000, k++) await p.screenshot({ path: `/tmp/s-${name}-${k}.png`, clip: { x: 0, y, width: 390, height: Math.min(1000, h - y) }, fullPage: true });
  console.log(name, h);
}
await b.close();
