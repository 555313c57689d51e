import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSafety, arriveAtToday, continueFromSafety, heading, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';
import { carriesImage, hingeClip } from './poseRig';

/**
 * Form coaching in a guided session, end to end: Chromium's fake camera plays hip hinges made now from a photo in an
 * npm package (e2e/poseRig.ts), and the real model runs in the page's worker. The camera starts only after the
 * person has read what it is for and tapped; it counts repetitions, gives a cue when a hinge stops short, stops at
 * once for "This hurts", and the counted repetitions go into the session log. No request carries a picture.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'unclench-form-'));
const clip = path.join(dir, 'hinge.y4m');
hingeClip(dir, clip);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`] });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const EXERCISE = 'hip-hinge-practice';
/** The model on a loaded 2-core machine: minutes, not seconds, before giving up on what it should see. */
const SEE = { timeout: 90_000, interval: 250 };

async function shots(page: Page, name: string) {
  for (const [size, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]] as const) {
    await page.setViewportSize(viewport);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Where the session puts itself (it scrolls its own top into view), as the person sees it from the mat.
      await page.evaluate(() => document.querySelector('section.player')?.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(RESULTS_DIR, `${name}-${size}-${scheme}.png`) });
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('form coaching in the guided session', () => {
  it('turns the camera on only after it is explained, counts a repetition, gives a form cue, stops when the page is hidden and at once for "This hurts", and logs the count', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 4 });
    await continueFromSafety(page);
    await startEpisode(page);
    await arriveAtToday(page);
    const episodeId: string = (await (await page.request.get('/api/v1/episodes')).json())[0].id;

    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    const opened = page.waitForResponse((r) => new URL(r.url()).pathname === `/session/${EXERCISE}` && r.request().isNavigationRequest());
    await page.goto(`/session/${EXERCISE}`);
    // The guided session's own document may ask for the camera.
    expect((await opened).headers()['permissions-policy']).toContain('camera=(self)');
    const tryAnyway = page.getByRole('button', { name: 'Try it anyway' });
    await Promise.race([tryAnyway.waitFor(), page.locator('#field-painBefore-2').waitFor()]);
    if (await tryAnyway.isVisible()) await tryAnyway.click();
    await page.locator('#field-painBefore-2').check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const player = page.locator('section.player');
    await expect.poll(() => player.getAttribute('data-status')).toBe('running');

    // Offered, explained, and only then asked for: nothing has touched the camera yet.
    await page.getByRole('button', { name: 'Watch my form with the camera' }).click();
    await page.getByText('Nothing is recorded or sent.', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'player-camera-explain-phone.png') });
    expect(await page.evaluate(() => (document.querySelector('video.form-camera-video') as HTMLVideoElement | null)?.srcObject ?? null)).toBeNull();
    // Nor has the page fetched the pose code: the worker, its runtime and the model weights come with the tap (the service
    // worker precaches only the small files).
    const poseFiles = () => requests.filter((r) => /pose\.worker|movenet[^/]*\.bin|wasm-simd/i.test(new URL(r.url()).pathname)).length;
    expect(poseFiles()).toBe(0);
    await page.getByRole('button', { name: 'Turn the camera on' }).click();
    await page.getByRole('status').filter({ hasText: 'Camera on' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => player.getAttribute('data-camera'), SEE).toBe('on');
    expect(poseFiles()).toBeGreaterThan(0);

    // Getting ready, then the movement: the camera counts what it sees, and says what to change when a hinge stops short.
    await expect.poll(async () => Number((await player.getAttribute('data-counted')) || 0), SEE).toBeGreaterThanOrEqual(1);
    const cue = page.locator('.form-cue');
    await expect.poll(() => cue.getAttribute('data-advice'), SEE).toBe('change');
    const words = await cue.innerText();
    expect(words).toMatch(/a little/);
    await page.getByText(/^Counted by the camera: [1-9]/).waitFor();
    await shots(page, 'player-camera');

    const keepTrack = () =>
      page.evaluate(() => {
        const stream = (document.querySelector('video.form-camera-video') as HTMLVideoElement | null)?.srcObject as MediaStream | null;
        (window as unknown as { cameraTrack?: MediaStreamTrack }).cameraTrack = stream?.getVideoTracks()[0];
        return stream?.getVideoTracks()[0]?.readyState ?? null;
      });
    const kept = () => page.evaluate(() => (window as unknown as { cameraTrack?: MediaStreamTrack }).cameraTrack?.readyState);
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);

    // The page hidden (another app, the screen locked): the camera stops; it starts again only with a new tap.
    expect(await keepTrack()).toBe('live');
    await setHidden(true);
    await expect.poll(kept).toBe('ended');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Camera on' }).count()).toBe(0);
    await setHidden(false);
    expect(await player.getAttribute('data-camera')).toBe('off');
    await page.getByRole('button', { name: 'Watch my form with the camera' }).click();
    await page.getByRole('button', { name: 'Turn the camera on' }).click();
    await expect.poll(() => player.getAttribute('data-camera'), SEE).toBe('on');

    // "This hurts" while the camera runs: it stops at once, camera and all.
    await expect.poll(keepTrack, SEE).toBe('live');
    const pressed = Date.now();
    await page.getByRole('button', { name: 'This hurts' }).click();
    await page.getByRole('heading', { name: 'Let’s stop here' }).waitFor({ timeout: 5_000 });
    const stoppedInMs = Date.now() - pressed;
    expect(await player.getAttribute('data-status')).toBe('hurt');
    expect(await page.getByRole('status').filter({ hasText: 'Camera on' }).count()).toBe(0);
    await expect.poll(kept).toBe('ended');
    const counted = Number(await player.getAttribute('data-counted'));
    expect(counted).toBeGreaterThanOrEqual(1);

    await page.locator('#field-painDuring-3').check();
    await page.getByRole('button', { name: 'End the session' }).click();
    await page.getByRole('heading', { level: 2, name: 'That’s it for now' }).waitFor();
    await page.locator('#field-painAfter-3').check();
    await page.locator('#field-feel').getByLabel(/^About right/).check();
    await page.getByRole('button', { name: 'Save and go to Today' }).click();
    await heading(page, 'Today');

    // The log has the camera's count for the movement.
    const sessions = async () => (await (await page.request.get(`/api/v1/episodes/${episodeId}/sessions`)).json()) as { exercises: { exerciseId: string; outcome: string; reps?: number; painDuring?: number }[] }[];
    await expect.poll(async () => (await sessions()).length, { timeout: 30_000 }).toBe(1);
    expect((await sessions())[0]?.exercises[0]).toMatchObject({ exerciseId: EXERCISE, outcome: 'skipped', reps: counted, painDuring: 3 });

    // Everything stayed on this server; the only write was the session, and nothing carried a picture.
    const origin = new URL(h.url).origin;
    expect(requests.filter((r) => new URL(r.url()).origin !== origin && !r.url().startsWith('blob:') && !r.url().startsWith('data:')).map((r) => r.url())).toEqual([]);
    const writes = requests.filter((r) => r.method() !== 'GET');
    expect([...new Set(writes.map((r) => `${r.method()} ${new URL(r.url()).pathname.replace(/[0-9a-f-]{36}/g, ':id')}`))]).toEqual(['PUT /api/v1/episodes/:id/sessions/:id']);
    expect(requests.filter(carriesImage).map((r) => r.url())).toEqual([]);
    expect(errors).toEqual([]);
    console.log(JSON.stringify({ name: 'e2e.formCoach', counted, cue: words, hurtStoppedInMs: stoppedInMs }));
  }, 240_000);
});
