// The session figure's animation in headless Chromium: the React figure redrawn on every display frame, for a few
// movements, with the CPU slowed 4× to stand in for a phone. Prints frame time (median, 95th percentile, worst),
// frames per second, and the time React takes to draw one frame, as JSON lines.
import fs from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const EXERCISE_IDS = ['log-roll-get-up', 'capoeira-esquiva-lateral', 'yoga-cat-cow', 'pilates-single-leg-stretch'];
const SECONDS = 3;
const CPU_SLOWDOWN = 4;

const entry = `
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { exerciseById } from './src/core/exercises';
import { poseAt } from './src/core/pose/interpolate';
import { prepare } from './src/web/figure/drawing';
import { Figure } from './src/web/components/Figure';
import { createElement } from 'react';

window.runFigure = (id, seconds) => new Promise((resolve) => {
  const exercise = exerciseById(id);
  const prepared = prepare(exercise);
  const root = createRoot(document.getElementById('root'));
  const frames = [];
  const draws = [];
  const start = performance.now();
  let last = start;
  const frame = (now) => {
    frames.push(now - last);
    last = now;
    const t = (now - start) / 1000;
    const before = performance.now();
    flushSync(() => root.render(createElement(Figure, { prepared, pose: poseAt(exercise.keyframes, t), cycleTime: t % exercise.keyframes[exercise.keyframes.length - 1].t, label: id, className: 'figure-player' })));
    draws.push(performance.now() - before);
    if (now - start < seconds * 1000) requestAnimationFrame(frame);
    else resolve({ frames: frames.slice(2), draws: draws.slice(2) });
  };
  requestAnimationFrame(frame);
});
`;

const bundled = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'tsx' },
  bundle: true,
  minify: true,
  format: 'iife',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
  logLevel: 'silent',
});
const script = bundled.outputFiles[0]?.text ?? '';
const css = fs.readFileSync('src/web/styles.css', 'utf8');
const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css} .figure-player { height: 320px; }</style></head><body><div id="root"></div></body></html>`;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const round2 = (n: number) => Math.round(n * 100) / 100;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  for (const id of EXERCISE_IDS) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await page.setContent(html);
    await page.addScriptTag({ content: script });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const { frames, draws } = (await page.evaluate(([exercise, seconds]) => (window as unknown as { runFigure: (id: string, s: number) => Promise<{ frames: number[]; draws: number[] }> }).runFigure(exercise as string, seconds as number), [id, SECONDS])) as { frames: number[]; draws: number[] };
    const total = frames.reduce((s, f) => s + f, 0);
    console.log(
      JSON.stringify({
        name: 'figure.animate',
        exercise: id,
        cpuSlowdown: CPU_SLOWDOWN,
        frames: frames.length,
        fps: round2((frames.length / total) * 1000),
        frameMsMedian: round2(quantile(frames, 0.5)),
        frameMsP95: round2(quantile(frames, 0.95)),
        frameMsMax: round2(Math.max(...frames)),
        drawMsMedian: round2(quantile(draws, 0.5)),
        drawMsP95: round2(quantile(draws, 0.95)),
        longFrames: frames.filter((f) => f > 1000 / 60 + 8).length,
      }),
    );
    await page.close();
  }
} finally {
  await browser.close();
}
