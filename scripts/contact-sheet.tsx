// npx tsx scripts/contact-sheet.tsx [out.png]: draws every exercise's figure (first keyframe and its most telling
// one, in the exercise's own view) into one page, light theme, and saves a picture of it (docs/figures.png).
// The same sheet, rendered without the browser, is what a person checks by eye: can you tell what to do?
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { renderToStaticMarkup } from 'react-dom/server';
import { EXERCISES } from '../src/core/exercises';
import { prepare } from '../src/web/figure/drawing';
import { Figure } from '../src/web/components/Figure';
import { tellingKeyframe } from '../src/web/lib/keyframes';

const out = path.resolve(process.argv[2] ?? 'docs/figures.png');
const theme = process.argv[3] === 'dark' ? 'dark' : 'light';
const css = fs.readFileSync('src/web/styles.css', 'utf8');

// SHEET_IDS=a,b draws only those exercises (for a closer look while working on them).
const only = process.env.SHEET_IDS?.split(',').filter(Boolean);
const shown = only ? EXERCISES.filter((e) => only.includes(e.id)) : EXERCISES;

const cells = shown.map((e) => {
  const prepared = prepare(e);
  const first = e.keyframes[0];
  const peak = tellingKeyframe(e.keyframes);
  if (!first || !peak) return '';
  const figure = (pose: typeof first.pose, t: number, label: string) =>
    renderToStaticMarkup(<Figure prepared={prepared} pose={pose} cycleTime={t} label={label} className="sheet-figure" />);
  return `<figure class="sheet-cell"><div class="sheet-pair">${figure(first.pose, first.t, first.phase)}${figure(peak.pose, peak.t, peak.phase)}</div>
  <figcaption><b>${e.name}</b><br>${prepared.scene.view} · ${first.phase} → ${peak.phase}</figcaption></figure>`;
});

const html = `<!doctype html><html data-theme="${theme}"><head><meta charset="utf-8"><style>${css}
body { padding: 12px; font: 12px/1.3 system-ui, sans-serif; }
.sheet { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; }
.sheet-cell { margin: 0; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 6px; }
.sheet-pair { display: grid; grid-template-columns: 1fr 1fr; gap: 4px; }
.sheet-figure { height: 120px; background: var(--surface-2); border-radius: 6px; }
figcaption { margin-top: 4px; color: var(--text); }
${only ? '.sheet { grid-template-columns: repeat(3, 1fr); } .sheet-figure { height: 240px; }' : ''}
</style></head><body><div class="sheet">${cells.join('\n')}</div></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1800, height: 1000 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  // SHEET_ROWS=a-b saves only those rows of six, at twice the size, for a closer look.
  const rows = process.env.SHEET_ROWS?.split('-').map(Number);
  if (rows && rows.length === 2) {
    const cells = await page.locator('.sheet-cell').all();
    const firstBox = await cells[(rows[0] ?? 0) * 6]?.boundingBox();
    const lastBox = await cells[Math.min(cells.length - 1, (rows[1] ?? 0) * 6 + 5)]?.boundingBox();
    if (firstBox && lastBox) await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: firstBox.y, width: 1800, height: lastBox.y + lastBox.height - firstBox.y } });
  } else if (only) {
    const box = await page.locator('.sheet-cell').last().boundingBox();
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1800, height: (box?.y ?? 0) + (box?.height ?? 1000) + 12 } });
  } else await page.screenshot({ path: out, fullPage: true });
  console.log(`Saved ${shown.length} exercises to ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
}
