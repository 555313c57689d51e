// The pose model in headless Chromium, as the posture check runs it: MoveNet Lightning on TensorFlow.js's WebAssembly
// backend in the app's own worker, frame after frame on a photo from an npm package. Prints, as JSON lines, the
// model's milliseconds per inference (median, 95th percentile), inferences per second, and the page's display frame
// rate while the model runs (its main thread only draws; the model is in the worker).
import { chromium } from 'playwright-core';
import { SAMPLE_PHOTO, startPoseRig } from '../e2e/poseRig';

const SECONDS = 8;
const FIGURE = { x: 40, y: 30, w: 300, h: 620 };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const round2 = (n: number) => Math.round(n * 100) / 100;

const rig = await startPoseRig({ '/photo.jpg': SAMPLE_PHOTO });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(rig.url);
  const loadStart = Date.now();
  const ready = (await page.evaluate(() => (window as unknown as { poseRig: { start(): Promise<{ backend: string }> } }).poseRig.start())) as { backend: string };
  const loadMs = Date.now() - loadStart;
  type Run = { ms: number[]; frames: number[]; perSecond: number };
  const run = (await page.evaluate(
    ([crop, seconds]) => (window as unknown as { poseRig: { bench(u: string, c: unknown, s: number): Promise<unknown> } }).poseRig.bench('/photo.jpg', crop, seconds as number),
    [FIGURE, SECONDS] as const,
  )) as Run;
  // The first inferences warm the runtime up; they are reported apart.
  const warm = run.ms.slice(5);
  const total = run.frames.reduce((s, f) => s + f, 0);
  console.log(
    JSON.stringify({
      name: 'pose.inference',
      model: 'movenet-lightning',
      backend: ready.backend,
      loadMs,
      inferences: run.ms.length,
      firstMs: round2(run.ms[0] ?? 0),
      msMedian: round2(quantile(warm, 0.5)),
      msP95: round2(quantile(warm, 0.95)),
      perSecond: round2(run.perSecond),
      uiFps: round2((run.frames.length / total) * 1000),
      uiFrameMsP95: round2(quantile(run.frames, 0.95)),
    }),
  );
} finally {
  await browser.close();
  await rig.close();
}
