// The session figure's animation in headless Chromium, for a few movements, with the CPU slowed 4× to stand in for
// a phone. Two ways of drawing a display frame, in the same run so they can be compared on a loaded machine:
// - before: the whole figure component re-rendered each frame, its box not contained (what the player did before);
// - rerender: the same, in the player's contained box on its own layer (player.css);
// - live: LiveFigure on SVG in that box, rewriting only the body's changed path outlines (the player until the canvas);
// - canvas-page: LiveFigure with the body painted on a canvas on the main thread;
// - canvas: LiveFigure with the body drawn and painted on a canvas in a worker (OffscreenCanvas), sent each frame's
//   pose and lit parts: the player's way now;
// - idle: the figure drawn once and left still while the frames run: what the page and the measuring cost alone;
// - player: the session player's own figure (PlayerFigure) with a running timer, drawing from its own frame loop.
// Prints frame time (median, 95th percentile, worst), frames per second, the share of display frames dropped, the
// script time of one frame (drawing plus DOM writes) and its main-thread work (script, style, layout and paint),
// as JSON lines. Frame times suffer from anything else on the machine; the work per frame is what the figure costs.
// BENCH_MODES=live,player runs only those ways; BENCH_LABEL=… is copied into every line (to tell two trees apart);
// BENCH_EXERCISES=a,b picks the movements, BENCH_DPR the pixel ratio (2), BENCH_TRACE_TOP=n adds the main thread's n
// costliest trace events per frame, BENCH_CHROMIUM_ARGS extra browser flags.
//
// What it showed (2026-12, 4× slowdown): on SVG most of a frame's main-thread work is the browser's, not ours —
// restyle, layout and paint of the rewritten paths (~5 of ~10–14 ms). A canvas on the main thread removes those but,
// with CPU raster (headless Chromium here; a phone that rasterises canvases on its GPU pays less), pays ~8–12 ms in
// the commit instead, where the canvas is rasterised. Painting it in a worker takes that off the main thread:
// `canvas` and `player` come to about what `idle` costs (the page and the measuring alone) plus our drawing.
// Then the drawing went into the worker too (the page sends only the pose and lit parts; the worker draws it on its
// own next frame). Main and that tree in turns in one run (BENCH_LABEL, four movements, medians): frame callback
// 3.0 → 1.9 ms in `canvas`, 3.7 → 2.2 ms in `player` (idle 1.3–1.4); main-thread work per frame 7.9 → 6.9 ms in
// `canvas`, 9.2 → 7.1 ms in `player` (idle 4.6–4.7); dropped frames canvas 3 → 4 %, player 5 → 1 %, idle 1 % (noise
// on this loaded machine). Drawing on the worker's frames rather than per message: canvas 5.1 → 4.3 ms (idle 4.2).
import fs from 'node:fs';
import { build, type Plugin } from 'esbuild';
import { chromium, type CDPSession } from 'playwright-core';

const EXERCISE_IDS = process.env.BENCH_EXERCISES?.split(',') ?? ['log-roll-get-up', 'capoeira-esquiva-lateral', 'yoga-cat-cow', 'pilates-single-leg-stretch'];
const DPR = Number(process.env.BENCH_DPR ?? 2);
const EXTRA_ARGS = process.env.BENCH_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? [];
const SECONDS = 3;
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU ?? 4);
const ALL_MODES = ['idle', 'before', 'rerender', 'live', 'canvas-page', 'canvas', 'player'] as const;
const MODES = process.env.BENCH_MODES ? ALL_MODES.filter((m) => process.env.BENCH_MODES?.split(',').includes(m)) : ALL_MODES;
const LABEL = process.env.BENCH_LABEL;
const TRACE_TOP = Number(process.env.BENCH_TRACE_TOP ?? 0);
/** What the player's box looked like before it was contained. */
const UNCONTAINED = '.player-figure { contain: none; } .figure-player { will-change: auto; }';

const entry = `
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { exerciseById } from './src/core/exercises';
import { poseAt } from './src/core/pose/interpolate';
import { prepare } from './src/web/figure/drawing';
import { Figure, LiveFigure } from './src/web/components/Figure';
import { litAt } from './src/web/figure/drawing';
import { createElement } from 'react';
import { PlayerFigure } from './src/web/player/PlayerFigure';
import { createTimer, reduce } from './src/core/session/timer';

window.runFigure = (id, seconds, mode) => new Promise((resolve) => {
  const exercise = exerciseById(id);
  const prepared = prepare(exercise);
  const root = createRoot(document.getElementById('root'));
  const cycle = exercise.keyframes[exercise.keyframes.length - 1].t;
  let paint = null;
  if (mode === 'player') {
    // The player with its own clock and frame loop, as in a session: one entry of this exercise, started now.
    const entry = { exerciseId: id, dose: exercise.dose, prepareSeconds: 0, cueCount: 1 };
    const at = performance.now();
    const timer = reduce(createTimer([entry]), { type: 'start', at });
    flushSync(() => root.render(createElement(PlayerFigure, { exercise, timer, now: at, reducedMotion: false })));
  }
  if (mode === 'live' || mode === 'idle' || mode === 'canvas' || mode === 'canvas-page') {
    const surface = mode === 'canvas' ? 'canvas' : mode === 'canvas-page' ? 'canvas-on-page' : 'svg';
    flushSync(() => root.render(createElement(LiveFigure, { prepared, label: id, className: 'figure-player', surface, onPaint: (p) => { paint = p; } })));
  }
  const frames = [];
  const draws = [];
  const works = [];
  // A message posted from the frame callback is handled once the frame's style, layout and paint are done: the
  // time until then is the frame's main-thread work.
  const channel = new MessageChannel();
  let began = 0;
  channel.port1.onmessage = () => works.push(performance.now() - began);
  const start = performance.now();
  let last = start;
  const frame = (now) => {
    frames.push(now - last);
    last = now;
    const t = (now - start) / 1000;
    const before = performance.now();
    began = before;
    channel.port2.postMessage(0);
    const pose = poseAt(exercise.keyframes, t);
    const cycleTime = t % cycle;
    if (mode === 'live' || mode === 'canvas' || mode === 'canvas-page') paint(pose, cycleTime, litAt(prepared, cycleTime));
    else if (mode === 'idle') { if (!frames.length) paint(pose, cycleTime, litAt(prepared, cycleTime)); }
    else if (mode === 'player') void 0;
    else flushSync(() => root.render(createElement(Figure, { prepared, pose, cycleTime, label: id, className: 'figure-player' })));
    draws.push(performance.now() - before);
    if (now - start < seconds * 1000) requestAnimationFrame(frame);
    else setTimeout(() => resolve({ frames: frames.slice(2), draws: draws.slice(2), works: works.slice(2) }), 50);
  };
  requestAnimationFrame(frame);
});
`;

// The figure's paint worker, bundled alone and started from a blob: the page is not served, so there is no file
// for `new URL('./paint.worker.ts', import.meta.url)` to name.
const workerBundle = await build({
  entryPoints: ['src/web/figure/paint.worker.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  logLevel: 'silent',
});
const workerScript = workerBundle.outputFiles[0]?.text ?? '';
const paintWorkerFromBlob: Plugin = {
  name: 'paint-worker-from-blob',
  setup(b) {
    b.onLoad({ filter: /figure[\\/]paintWorker\.ts$/ }, () => ({
      loader: 'ts',
      contents: `export function startPaintWorker() { return new Worker(URL.createObjectURL(new Blob([${JSON.stringify(workerScript)}], { type: 'text/javascript' }))); }`,
    }));
  },
};

const bundled = await build({
  plugins: [paintWorkerFromBlob],
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'tsx' },
  bundle: true,
  minify: true,
  format: 'iife',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
  logLevel: 'silent',
  loader: { '.css': 'empty' },
});
const script = bundled.outputFiles[0]?.text ?? '';
const css = ['src/web/styles.css', 'src/web/player/player.css'].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css} .figure-player { height: 320px; }</style></head><body><div id="root" class="player-figure"></div></body></html>`;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}
const STEPS: Record<string, string> = { FireAnimationFrame: 'frameCallback', UpdateLayoutTree: 'style', Layout: 'layout', Paint: 'paint', PrePaint: 'prePaint', Commit: 'commit', MinorGC: 'gc', MajorGC: 'gc' };

/** Traces the page's main thread; `stop` gives its CPU time in ms, in all and by rendering step. */
async function startTrace(cdp: CDPSession): Promise<{ stop: () => Promise<{ total: number; byStep: Record<string, number>; top: [string, number][] }> }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => {
    events.push(...(d.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
  return {
    stop: async () => {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.tdur === 'number');
      const ms = (es: TraceEvent[]) => es.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
      const byStep: Record<string, number> = {};
      for (const [name, step] of Object.entries(STEPS)) byStep[step] = (byStep[step] ?? 0) + ms(onMain.filter((e) => e.name === name));
      const byName = new Map<string, number>();
      for (const e of onMain) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
      const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, TRACE_TOP);
      return { total: ms(onMain.filter((e) => e.name === 'RunTask')), byStep, top };
    },
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const round2 = (n: number) => Math.round(n * 100) / 100;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', ...EXTRA_ARGS] });
try {
  for (const id of EXERCISE_IDS) {
    for (const mode of MODES) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: DPR });
      await page.setContent(mode === 'before' ? html.replace('</style>', `${UNCONTAINED}</style>`) : html);
      await page.addScriptTag({ content: script });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      const trace = await startTrace(cdp);
      const { frames, draws, works } = (await page.evaluate(
        ([exercise, seconds, how]) => (window as unknown as { runFigure: (id: string, s: number, mode: string) => Promise<{ frames: number[]; draws: number[]; works: number[] }> }).runFigure(exercise as string, seconds as number, how as string),
        [id, SECONDS, mode] as const,
      )) as { frames: number[]; draws: number[]; works: number[] };
      const cpu = await trace.stop();
      const perFrame = (ms: number) => round2(ms / Math.max(1, frames.length + 2));
      const total = frames.reduce((s, f) => s + f, 0);
      // A frame that took n display intervals dropped n − 1 of them (the display's interval: the usual frame).
      const interval = quantile(frames, 0.5);
      const dropped = frames.reduce((s, f) => s + Math.max(0, Math.round(f / interval) - 1), 0);
      console.log(
        JSON.stringify({
          name: 'figure.animate',
          ...(LABEL ? { label: LABEL } : {}),
          exercise: id,
          mode,
          cpuSlowdown: CPU_SLOWDOWN,
          frames: frames.length,
          fps: round2((frames.length / total) * 1000),
          frameMsMedian: round2(quantile(frames, 0.5)),
          frameMsP95: round2(quantile(frames, 0.95)),
          frameMsMax: round2(Math.max(...frames)),
          droppedShare: round2(dropped / Math.max(1, frames.length + dropped)),
          drawMsMedian: round2(quantile(draws, 0.5)),
          drawMsP95: round2(quantile(draws, 0.95)),
          workMsMedian: round2(quantile(works, 0.5)),
          workMsP95: round2(quantile(works, 0.95)),
          // Main-thread CPU time per frame from the trace (thread time, so waiting for a busy machine does not
          // count): all of it, and the frame callback, style, layout, paint and commit.
          cpuMsPerFrame: perFrame(cpu.total),
          cpuMs: Object.fromEntries(Object.entries(cpu.byStep).map(([k, v]) => [k, perFrame(v)])),
          longFrames: frames.filter((f) => f > 1000 / 60 + 8).length,
          // BENCH_TRACE_TOP=n: the main thread's n costliest trace events (nested ones count in their parents too).
          ...(TRACE_TOP > 0 ? { traceTop: Object.fromEntries(cpu.top.map(([k, v]) => [k, perFrame(v)])) } : {}),
        }),
      );
      await page.close();
    }
  }
} finally {
  await browser.close();
}
