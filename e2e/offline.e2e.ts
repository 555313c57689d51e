import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_LABELS, type StageId } from '../src/core/plan/stages';
import { answerSafety, arriveAtToday, checkIn, continueFromSafety, heading, openNav, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The quiet line in the header: "All saved" or "N waiting to sync". */
const syncLine = (page: Page) => page.locator('.sync-status .sync-text');

/** Waits until the service worker controls the page and has kept the shell, the build's files and the person's reads. */
async function readyForOffline(page: Page, episodeId: string) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(
    async (id) => {
      const list = await (await fetch('/precache.json')).json();
      const assets = await caches.open('unclench-assets-v1');
      for (const url of list) if (!(await assets.match(url))) return false;
      if (!(await (await caches.open('unclench-shell-v1')).match('/'))) return false;
      const api = await caches.open('unclench-api-v1');
      const episodes = await api.match('/api/v1/episodes', { ignoreVary: true });
      if (!episodes || !(await episodes.json()).some((e: { id: string }) => e.id === id)) return false;
      for (const read of ['check-ins', 'movements', 'comfort', 'sessions', 'muscle-notes']) if (!(await api.match(`/api/v1/episodes/${id}/${read}`, { ignoreVary: true }))) return false;
      return Boolean(await api.match('/api/v1/me', { ignoreVary: true })) && Boolean(await api.match('/api/v1/session', { ignoreVary: true })) && (await api.match('/api/v1/session', { ignoreVary: true })) && Boolean(await api.match('/api/v1/preferences', { ignoreVary: true }));
    },
    episodeId,
    { timeout: 20_000, polling: 250 },
  );
}

describe('offline and installable', () => {
  it('keeps working offline — check-in, walk, comfort, a reload — then syncs each write exactly once', async () => {
    const { context, page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 6 });
    await continueFromSafety(page);
    await startEpisode(page);
    await arriveAtToday(page);
    const episodeId: string = (await (await page.request.get('/api/v1/episodes')).json())[0].id;
    await readyForOffline(page, episodeId);
    expect(await syncLine(page).innerText()).toBe('All saved');

    // Installability basics: a linked manifest with 192 and 512 PNG icons, and a service worker with a fetch handler.
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBe('/manifest.webmanifest');
    const manifest = await (await page.request.get(manifestHref ?? '')).json();
    expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'Unclench', start_url: '/', display: 'standalone', theme_color: expect.any(String), background_color: expect.any(String) });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i: { sizes: string; purpose?: string }) => i.sizes === size && (i.purpose ?? 'any').includes('any'));
      expect(icon, `an icon of ${size}`).toBeDefined();
      const res = await page.request.get(icon.src);
      expect(res.headers()['content-type']).toBe('image/png');
      const png = await res.body();
      const [w, hgt] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${w}x${hgt}`).toBe(size);
    }
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toMatch(/\/sw\.js$/);

    // The network goes.
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // The service worker's own requests fail too: reads now come from what it kept.
    expect(await page.evaluate(async () => (await fetch('/api/v1/me')).headers.get('x-unclench-offline'))).toBe('1');

    await openNav(page, 'Check in');
    await checkIn(page, { painNow: 4, worst: 6, stand: 'Partly', walk: '5 to 15 minutes' });
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await heading(page, 'Today');
    await page.locator('#checkin-summary').waitFor();
    await page.locator('.offline-note', { hasText: 'Offline: worked out on this device' }).waitFor();
    expect(await page.locator('#checkin-summary').innerText()).toContain('4');
    const offlineStage = await page.locator('#stage-title').innerText();

    await openNav(page, 'Move', 'Keep moving');
    await page.getByText('Walked without the timer? Add it').click();
    await page.getByLabel('How many minutes?').fill('7');
    await page.getByRole('button', { name: 'Add this walk' }).click();
    await page.locator('#walk-progress-text', { hasText: '1 walk, 7 min' }).waitFor();

    await page.locator('#field-comfortKind').getByLabel('Heat', { exact: true }).check();
    await page.getByLabel('Name', { exact: true }).fill('Heat pack');
    await page.getByLabel('For how many minutes?').fill('20');
    await page.getByRole('button', { name: 'Save this entry' }).click();
    await page.locator('.comfort-entry', { hasText: 'Heat pack' }).waitFor();

    await syncLine(page).filter({ hasText: '3 waiting to sync' }).waitFor();
    expect(await page.locator('.sync-status').innerText()).toContain('Offline');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'offline-move.png'), fullPage: true });

    // A reload while offline: the service worker serves the app, and every entry is still here.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await heading(page, 'Keep moving');
    await page.locator('.comfort-entry', { hasText: 'Heat pack' }).waitFor();
    // Offline after a reload, today's plan is worked out on the device once the waiting writes are read back:
    // the walk counts against the plan of the offline check-in.
    await page.locator('#walk-progress-text', { hasText: '1 walk, 7 min' }).waitFor({ timeout: 15_000 });
    await syncLine(page).filter({ hasText: '3 waiting to sync' }).waitFor();
    await openNav(page, 'Today');
    await page.locator('#checkin-summary').waitFor();
    await page.locator('.offline-note').waitFor();
    expect(await page.locator('#stage-title').innerText()).toBe(offlineStage);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // Back online: the outbox sends everything, once.
    await context.setOffline(false);
    await syncLine(page).filter({ hasText: 'All saved' }).waitFor({ timeout: 20_000 });
    await page.locator('.offline-note').waitFor({ state: 'detached' });
    const list = async (what: string) => (await (await page.request.get(`/api/v1/episodes/${episodeId}/${what}`)).json()) as Record<string, unknown>[];
    const [checkIns, movements, comfort] = [await list('check-ins'), await list('movements'), await list('comfort')];
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]).toMatchObject({ painNow: 4, painWorst24h: 6, standStraight: 'partly' });
    expect(movements).toHaveLength(1);
    expect(movements[0]).toMatchObject({ kind: 'walk', minutes: 7 });
    expect(comfort).toHaveLength(1);
    expect(comfort[0]).toMatchObject({ kind: 'heat', name: 'Heat pack', amount: 20 });

    // What was worked out on the device is what the server now says.
    const today = await (await page.request.get(`/api/v1/episodes/${episodeId}/today`)).json();
    expect(offlineStage).toContain(STAGE_LABELS[today.stage as StageId]);
    expect(await page.locator('#stage-title').innerText()).toBe(offlineStage);
    expect(errors).toEqual([]);
  });

  it('offline, new safety answers are never silently delayed: the app says so, shows the signs, and checks them once back online', async () => {
    const { context, page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 5 });
    await continueFromSafety(page);
    await startEpisode(page);
    await arriveAtToday(page);
    const episodeId: string = (await (await page.request.get('/api/v1/episodes')).json())[0].id;
    await readyForOffline(page, episodeId);

    await context.setOffline(true);
    await openNav(page, 'Check in');
    await checkIn(page, { painNow: 5, worst: 6, stand: 'Partly', walk: '5 to 15 minutes', anythingNew: true });
    // The last answers are filled in; a fever is new.
    await page.locator('#field-safety-fever').getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await heading(page, 'Today');
    const notice = page.locator('.pending-safety');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('will finish when you’re back online');
    expect(await notice.locator('.signs li').count()).toBeGreaterThan(2);
    expect(await page.locator('.sync-status').innerText()).toContain('1 waiting to sync');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'offline-safety-pending.png'), fullPage: true });

    // Back online: the server checks the answers at once, and its answer (see a doctor) shows without a reload.
    await context.setOffline(false);
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator('.sync-status .sync-text', { hasText: 'All saved' }).waitFor();
    const episode = await (await page.request.get(`/api/v1/episodes/${episodeId}`)).json();
    expect(episode.currentTriage.level).toBe('urgent-doctor');
    await page.locator('.offline-note').waitFor({ state: 'detached' });
    const checkIns = (await (await page.request.get(`/api/v1/episodes/${episodeId}/check-ins`)).json()) as { triage: { level: string } | null }[];
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]?.triage?.level).toBe('urgent-doctor');
    expect(errors).toEqual([]);
  });

  it('never sends one person’s waiting writes under another person’s session', async () => {
    const { context, page } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 5 });
    await continueFromSafety(page);
    await startEpisode(page);
    await arriveAtToday(page);
    const episodeId: string = (await (await page.request.get('/api/v1/episodes')).json())[0].id;
    await readyForOffline(page, episodeId);

    await context.setOffline(true);
    await openNav(page, 'Move', 'Keep moving');
    await page.getByText('Walked without the timer? Add it').click();
    await page.getByLabel('How many minutes?').fill('3');
    await page.getByRole('button', { name: 'Add this walk' }).click();
    await syncLine(page).filter({ hasText: '1 waiting to sync' }).waitFor();

    // The session ends (signed out elsewhere) and someone else starts on this device; then the network returns.
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await context.clearCookies();
    await context.setOffline(false);
    await page.goto('/');
    await heading(page, /Let’s ease it, gently/);
    await page.getByRole('button', { name: 'Start now' }).click();
    await heading(page, 'First, a few safety questions');
    await syncLine(page).filter({ hasText: 'All saved' }).waitFor();
    await page.waitForTimeout(1_000);
    expect(sent.filter((r) => r.includes(episodeId))).toEqual([]);
    // The other person's walk stays on the device, unsent; it belongs to the first person only.
    const stored = await page.evaluate(
      () =>
        new Promise<{ ownerId: string; path: string }[]>((resolve, reject) => {
          const open = indexedDB.open('unclench');
          open.onsuccess = () => {
            const req = open.result.transaction('outbox').objectStore('outbox').getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.path).toContain(episodeId);
    expect(await syncLine(page).innerText()).toBe('All saved');
  });
});
