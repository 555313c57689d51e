import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page, Request } from 'playwright-core';

/**
 * The pose worker exactly as the app ships it (src/web/posture/pose.worker.ts), bundled on its own and served with
 * the model and runtime files from node_modules on a local port, for the real-model test and bench/pose.ts.
 * The page gets `window.poseRig`: start the worker, then estimate a photo (a URL on the same server).
 */

export const MODEL_DIR = path.resolve('node_modules/@vladmandic/human/models');
export const WASM_DIR = path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist');
/** MIT-licensed, shipped in @vladmandic/human: a rendered figure standing, seen from the front, on the left. */
export const SAMPLE_PHOTO = path.resolve('node_modules/@vladmandic/human/assets/screenshot-vrm.jpg');

const FILES: Record<string, string> = {
  '/movenet.json': path.join(MODEL_DIR, 'movenet-lightning.json'),
  '/movenet.bin': path.join(MODEL_DIR, 'movenet-lightning.bin'),
  '/tfjs-backend-wasm.wasm': path.join(WASM_DIR, 'tfjs-backend-wasm.wasm'),
  '/tfjs-backend-wasm-simd.wasm': path.join(WASM_DIR, 'tfjs-backend-wasm-simd.wasm'),
  '/tfjs-backend-wasm-threaded-simd.wasm': path.join(WASM_DIR, 'tfjs-backend-wasm-threaded-simd.wasm'),
};

const PAGE = `<!doctype html><meta charset="utf-8"><body><script type="module">
const files = { modelJson: '/movenet.json', modelWeights: '/movenet.bin', wasm: '/tfjs-backend-wasm.wasm', wasmSimd: '/tfjs-backend-wasm-simd.wasm', wasmThreadedSimd: '/tfjs-backend-wasm-threaded-simd.wasm' };
let worker;
const next = () => new Promise((resolve, reject) => {
  worker.onmessage = (e) => (e.data.type === 'error' ? reject(new Error(e.data.message)) : resolve(e.data));
});
window.poseRig = {
  async start() { worker = new Worker('/worker.js'); const ready = next(); worker.postMessage({ type: 'init', files }); return ready; },
  async photo(url, crop) {
    const blob = await (await fetch(url)).blob();
    const whole = await createImageBitmap(blob);
    const c = crop ?? { x: 0, y: 0, w: whole.width, h: whole.height };
    const bitmap = await createImageBitmap(whole, c.x, c.y, c.w, c.h);
    const answer = next();
    worker.postMessage({ type: 'frame', frame: bitmap, at: performance.now() }, [bitmap]);
    return answer;
  },
  /** The model back to back on one photo for some seconds, while the page counts its own display frames. */
  async bench(url, crop, seconds) {
    const blob = await (await fetch(url)).blob();
    const whole = await createImageBitmap(blob);
    const ms = [];
    const frames = [];
    const end = performance.now() + seconds * 1000;
    let last = performance.now();
    const tick = (now) => { frames.push(now - last); last = now; if (now < end) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    let inferences = 0;
    const started = performance.now();
    while (performance.now() < end) {
      const bitmap = await createImageBitmap(whole, crop.x, crop.y, crop.w, crop.h);
      const answer = next();
      worker.postMessage({ type: 'frame', frame: bitmap, at: performance.now() }, [bitmap]);
      ms.push((await answer).ms);
      inferences += 1;
    }
    return { ms, frames: frames.slice(2), perSecond: inferences / ((performance.now() - started) / 1000) };
  },
};
</script>`;

export interface PoseRig {
  url: string;
  close(): Promise<void>;
}

export async function startPoseRig(extra: Record<string, string> = {}): Promise<PoseRig> {
  const bundled = await build({
    entryPoints: ['src/web/posture/pose.worker.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const worker = bundled.outputFiles[0]?.contents ?? new Uint8Array();
  const files = { ...FILES, ...extra };
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (pathname === '/worker.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(worker);
    const file = files[pathname];
    if (!file) return void res.writeHead(404).end();
    const type = file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface RigAnswer {
  type: string;
  keypoints: { x: number; y: number; score: number }[];
  ms: number;
}

export async function estimatePhoto(page: Page, url: string, crop?: { x: number; y: number; w: number; h: number }): Promise<RigAnswer> {
  return (await page.evaluate(([u, c]) => (window as unknown as { poseRig: { photo(u: unknown, c: unknown): Promise<unknown> } }).poseRig.photo(u, c), [url, crop] as const)) as RigAnswer;
}

/** A still photo as a short .y4m clip, the format Chromium's fake camera reads (made with Debian's ffmpeg). */
export function photoToY4m(photo: string, out: string, crop: string, seconds = 2): void {
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', photo, '-t', String(seconds), '-vf', `${crop},scale=360:640,format=yuv420p`, '-r', '15', out]);
}

/**
 * A clip of hip hinges for Chromium's fake camera, made from SAMPLE_PHOTO with ffmpeg: the figure's upper body is
 * turned about its hips while the legs stay, which a side-view measure reads as a hinge (trunk and hips bending
 * together, knees still). Turned this way (ffmpeg's negative angle), the model sees it tip forwards. The schedule:
 * standing, two full hinges, then one that stops part way for a few seconds (where a form cue belongs).
 */
export const HINGE_FIGURE = 'crop=300:620:40:30,pad=360:640:30:10:black';
const HIP = { x: 145, y: 265 };

export function hingeClip(dir: string, out: string): void {
  const fps = 15;
  const angles: number[] = [];
  const hold = (deg: number, s: number) => angles.push(...Array.from({ length: Math.round(s * fps) }, () => deg));
  const ramp = (from: number, to: number, s: number) => {
    const n = Math.round(s * fps);
    angles.push(...Array.from({ length: n }, (_, i) => from + ((to - from) * (i + 1)) / n));
  };
  hold(0, 1.5);
  for (let rep = 0; rep < 2; rep++) {
    ramp(0, 42, 1.2);
    hold(42, 1.2);
    ramp(42, 0, 1.2);
    hold(0, 1);
  }
  ramp(0, 20, 0.8);
  hold(20, 5);
  ramp(20, 0, 0.8);
  hold(0, 1);
  // Angles to the nearest 3°, each drawn once; the clip lists a still per frame.
  const steps = angles.map((a) => Math.round(a / 3) * 3);
  const C = 1200;
  for (const deg of new Set(steps)) {
    execFileSync('ffmpeg', [
      '-loglevel', 'error', '-y', '-i', SAMPLE_PHOTO, '-filter_complex',
      `[0]${HINGE_FIGURE},split[a][b];[a]drawbox=x=0:y=0:w=360:h=${HIP.y}:color=black:t=fill[legs];` +
        `[b]crop=360:${HIP.y}:0:0,pad=${C}:${C}:${C / 2 - HIP.x}:${C / 2 - HIP.y}:black,rotate=${(-deg * Math.PI) / 180}:c=black,crop=360:640:${C / 2 - HIP.x}:${C / 2 - HIP.y}[up];` +
        `[legs][up]blend=all_mode=lighten,format=rgb24`,
      '-frames:v', '1', path.join(dir, `hinge-${deg}.png`),
    ]);
  }
  const list = steps.map((deg) => `file '${path.join(dir, `hinge-${deg}.png`)}'\nduration ${1 / fps}`).join('\n');
  fs.writeFileSync(path.join(dir, 'hinge.txt'), `${list}\nfile '${path.join(dir, `hinge-${steps.at(-1)}.png`)}'\n`);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', path.join(dir, 'hinge.txt'), '-vf', `fps=${fps},format=yuv420p`, '-r', String(fps), out]);
}

/** Anything that could carry a picture: a body that is not small JSON text, or one naming an image. */
export function carriesImage(r: Request): boolean {
  const body = r.postDataBuffer();
  if (!body) return false;
  const text = body.toString('utf8');
  return body.length > 4_000 || /image\/|base64|data:/i.test(text) || !/^[\x20-\x7e\s]*$/.test(text);
}
