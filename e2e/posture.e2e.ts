import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTURE_CUE_IDS } from '../src/core/pose/coach/cueIds';
import { AxeBuilder } from '@axe-core/playwright';
import { answerSafety, arriveAtToday, continueFromSafety, heading, openNav, startEpisode, startNow } from './flows';
import { startHarness, type Harness } from './harness';
import { carriesImage, SAMPLE_PHOTO } from './poseRig';

/**
 * The posture check end to end, with Chromium's fake camera playing a clip made now from a photo shipped in an npm
 * package (a figure standing, from the front): upright for calibration, then leaning to one side. The real model
 * runs in the page's worker.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'unclench-camera-'));
const clip = path.join(dir, 'standing.y4m');
// The figure stands on the left of the photo: cut it out, upright for 4 s, then tilted 9° for 8 s.
const FIGURE = 'crop=300:620:40:30,scale=300:620,pad=360:640:30:10:black';
execFileSync('ffmpeg', [
  '-loglevel', 'error', '-y', '-loop', '1', '-i', SAMPLE_PHOTO,
  '-filter_complex', `[0]${FIGURE},split[a][b];[a]trim=duration=4[up];[b]rotate=9*PI/180:fillcolor=black,trim=duration=8,setpts=PTS-STARTPTS[lean];[up][lean]concat=n=2,format=yuv420p[out]`,
  '-map', '[out]', '-r', '15', clip,
]);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`] });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('posture check', () => {
  it('starts the camera only after a tap, coaches from the real model, stops, and saves only the score', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 4 });
    await continueFromSafety(page);
    await startEpisode(page);
    await arriveAtToday(page);
    const episodeId: string = (await (await page.request.get('/api/v1/episodes')).json())[0].id;

    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    const opened = page.waitForResponse((r) => new URL(r.url()).pathname === '/posture' && r.request().isNavigationRequest());
    await page.getByRole('link', { name: 'Check how you stand, with the camera' }).first().click();
    const doc = await opened;
    expect(doc.headers()['permissions-policy']).toContain('camera=(self)');
    await heading(page, 'Posture check');
    await page.getByText('Nothing is recorded or sent.').waitFor();
    // Nothing asked for the camera yet.
    expect(await page.getByRole('status').filter({ hasText: 'Camera on' }).count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('video')?.srcObject ?? null)).toBeNull();

    await page.getByRole('button', { name: 'Start the camera' }).click();
    await page.getByRole('status').filter({ hasText: 'Camera on' }).waitFor();
    const cue = page.locator('.posture-cue');
    // Calibration on the upright figure, then a cue once it leans.
    await expect.poll(() => cue.getAttribute('data-stage'), { timeout: 30_000 }).toBe('coaching');
    await expect.poll(() => cue.getAttribute('data-cue'), { timeout: 30_000 }).toMatch(new RegExp(`^(${POSTURE_CUE_IDS.map((c) => c.replace('.', '\\.')).join('|')})$`));
    // Turned clockwise in the picture, the figure's right shoulder and hip are higher and its chest over to its left.
    expect(['shoulderTilt.rightHigh', 'pelvisTilt.rightHigh', 'sideShift.left']).toContain(await cue.getAttribute('data-cue'));
    expect((await cue.innerText()).length).toBeGreaterThan(20);

    await page.getByRole('button', { name: 'Stop the camera' }).click();
    await heading(page, 'Posture check');
    await page.getByRole('heading', { name: 'Camera off' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Camera on' }).count()).toBe(0);
    await page.getByText('Saved with today.').waitFor();
    expect(await page.evaluate(() => document.querySelector('video')?.srcObject ?? null)).toBeNull();

    const checks = (await (await page.request.get(`/api/v1/episodes/${episodeId}/posture-checks`)).json()) as { id: string; view: string; score: number; cues: string[] }[];
    expect(checks).toHaveLength(1);
    expect(checks[0]?.view).toBe('front');
    expect(checks[0]?.cues.length).toBeGreaterThan(0);
    expect(checks[0]?.score).toBeLessThan(100);

    // Every request the page made stayed on this server; the only write was the posture check, and none carried a picture.
    const origin = new URL(h.url).origin;
    expect(requests.filter((r) => new URL(r.url()).origin !== origin && !r.url().startsWith('blob:') && !r.url().startsWith('data:')).map((r) => r.url())).toEqual([]);
    const writes = requests.filter((r) => r.method() !== 'GET');
    // Saved now and then while measuring and once more at the end: always the same check, so it is kept once.
    expect([...new Set(writes.map((r) => `${r.method()} ${new URL(r.url()).pathname}`))]).toEqual([`PUT /api/v1/episodes/${episodeId}/posture-checks/${checks[0]?.id}`]);
    expect(requests.filter(carriesImage).map((r) => r.url())).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('reads well (no serious axe findings); left mid-check, the camera goes with the page and what was measured is saved', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 35, pain: 3 });
    await continueFromSafety(page);
    await startEpisode(page);
    await arriveAtToday(page);
    const episodeId: string = (await (await page.request.get('/api/v1/episodes')).json())[0].id;
    await page.goto('/posture');
    await heading(page, 'Posture check');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.getByRole('button', { name: 'Start the camera' }).click();
    await page.getByRole('status').filter({ hasText: 'Camera on' }).waitFor();
    const cue = page.locator('.posture-cue');
    await expect.poll(() => cue.getAttribute('data-stage'), { timeout: 30_000 }).toBe('coaching');
    // Some seconds of coaching (a cue once the figure leans), then away mid-check without pressing Stop.
    await expect.poll(() => cue.getAttribute('data-cue'), { timeout: 30_000 }).toMatch(new RegExp(`^(${POSTURE_CUE_IDS.map((c) => c.replace('.', '\\.')).join('|')})$`));
    // A cue can come within the first second, and less than a second measured is not kept (Posture.tsx).
    await page.waitForTimeout(1_500);
    // Away to Today: a whole page load (the camera is allowed only in a camera page's own document), so the camera
    // goes with the page, and the Today document may not ask for it.
    const today = page.waitForResponse((r) => new URL(r.url()).pathname === '/today' && r.request().isNavigationRequest());
    await openNav(page, 'Today');
    expect((await today).headers()['permissions-policy']).toContain('camera=()');
    await heading(page, 'Today');
    expect(await page.evaluate(() => document.querySelector('video') === null)).toBe(true);
    // What was measured before leaving is saved with the day, under the one id the check had.
    const checks = async () => (await (await page.request.get(`/api/v1/episodes/${episodeId}/posture-checks`)).json()) as { id: string; seconds: number }[];
    await expect.poll(async () => (await checks()).length, { timeout: 20_000 }).toBe(1);
    expect((await checks())[0]?.seconds).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  }, 90_000);
});
