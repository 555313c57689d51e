import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { point, type Keypoint } from '../src/core/pose/coach/keypoints';
import { postureMeasures, viewOf } from '../src/core/pose/coach/posture';
import { estimatePhoto, SAMPLE_PHOTO, startPoseRig, type PoseRig } from './poseRig';

/**
 * The real model (MoveNet Lightning on the WebAssembly backend, in the app's own worker) on a photo shipped by
 * an npm package: a figure standing, facing the camera, on the left of @vladmandic/human's screenshot-vrm.jpg (MIT).
 */
const FIGURE = { x: 40, y: 30, w: 300, h: 620 };
let rig: PoseRig;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rig = await startPoseRig({ '/photo.jpg': SAMPLE_PHOTO });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  await page.goto(rig.url);
  const ready = (await page.evaluate(() => (window as unknown as { poseRig: { start(): Promise<{ backend: string }> } }).poseRig.start())) as { backend: string };
  expect(ready.backend).toBe('wasm');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

const y = (frame: Keypoint[], name: Parameters<typeof point>[1]) => point(frame, name)?.y ?? NaN;

describe('the pose model on a real photo', () => {
  it('finds a standing figure from head to feet, facing the camera, near level (the figure stands a little hip-cocked)', async () => {
    const { keypoints } = await estimatePhoto(page, '/photo.jpg', FIGURE);
    const seen = keypoints.filter((k) => k.score >= 0.3).length;
    expect(seen).toBeGreaterThanOrEqual(15);
    // Top to bottom, in image coordinates.
    for (const side of ['L', 'R'] as const) {
      expect(y(keypoints, 'nose')).toBeLessThan(y(keypoints, `shoulder${side}`));
      expect(y(keypoints, `shoulder${side}`)).toBeLessThan(y(keypoints, `hip${side}`));
      expect(y(keypoints, `hip${side}`)).toBeLessThan(y(keypoints, `knee${side}`));
      expect(y(keypoints, `knee${side}`)).toBeLessThan(y(keypoints, `ankle${side}`));
    }
    // Facing us, the figure's left shoulder is on the right of the picture.
    expect(point(keypoints, 'shoulderL')!.x).toBeGreaterThan(point(keypoints, 'shoulderR')!.x);
    expect(viewOf(keypoints)).toBe('front');
    const m = postureMeasures(keypoints, 'front');
    expect(Math.abs(m.shoulderTilt!)).toBeLessThan(10);
    expect(Math.abs(m.pelvisTilt!)).toBeLessThan(10);
  });

  it('sees nobody in an empty part of the same picture', async () => {
    const { keypoints } = await estimatePhoto(page, '/photo.jpg', { x: 420, y: 420, w: 200, h: 200 });
    expect(viewOf(keypoints)).toBeNull();
  });
});
