import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calmAnswers } from '../src/core/clinical/fixtures';
import type { SafetyAnswers } from '../src/core/clinical';
import { EXERCISES } from '../src/core/exercises';
import { STAGE_IDS, STAGE_LABELS } from '../src/core/plan/stages';
import { daysAgo, heading, PERSON_TIME_ZONE, seriousViolations, serverToday } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

/**
 * Safety holds everywhere (issue 9, point 7). People are set up through the API, so these tests follow the hold
 * itself and not the steps of the safety screen. Facts (clinical.md §1): urgent-doctor pauses exercise sessions
 * until the person records that a clinician has seen them; gentle walking and comfort measures stay.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Night pain is urgent rule U7: see a doctor within 24 hours, guided sessions paused. */
const PAUSED: Partial<SafetyAnswers> = { nightOrRestPain: true };
/** A movement for every stage from Stand & walk on: "Try" must be held while paused whatever the stage. */
const ANY_MOVEMENT = EXERCISES.find((e) => e.stages.length >= 3);

async function personWith(safety: Partial<SafetyAnswers>, pain = 6): Promise<{ context: BrowserContext; page: Page; errors: string[]; episodeId: string }> {
  const person = await h.newPage();
  const { page } = person;
  expect((await page.request.post('/api/v1/session/guest', { data: { timeZone: PERSON_TIME_ZONE } })).status()).toBe(201);
  const episodeId = crypto.randomUUID();
  const res = await page.request.put(`/api/v1/episodes/${episodeId}`, {
    data: { onsetDate: daysAgo(2), regions: ['low-back-center'], painNow: pain, safety: calmAnswers({ ageYears: 40, ...safety }) },
  });
  expect(res.status()).toBe(200);
  return { ...person, episodeId };
}

/** The hold, and nothing that starts a session or moves: no Start, no timer, no cue. */
async function expectHeld(page: Page) {
  await page.getByRole('heading', { level: 2, name: 'Guided movements are paused for now' }).waitFor();
  const hold = page.locator('.session-hold');
  expect(await hold.locator('.still-fine li').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Gentle walks/), expect.stringMatching(/^Comfort/)]));
  expect(await hold.getByRole('link', { name: 'Go to Move: walks and comfort' }).getAttribute('href')).toBe('/move');
  expect(await page.getByRole('button', { name: 'Start', exact: true }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Try this movement' }).count()).toBe(0);
  expect(await page.locator('[role="timer"], .player-cue, .player-list').count()).toBe(0);
}

describe('paused sessions hold on every path', () => {
  it('Library "Try", a direct /session/:id link and /session all explain the pause and lead to Move', async () => {
    if (!ANY_MOVEMENT) throw new Error('the catalogue has no movement for three stages');
    const { page, errors } = await personWith(PAUSED);
    const { today } = await serverToday(page);
    expect(today.plan.find((i: { kind: string }) => i.kind === 'session')).toMatchObject({ paused: true, exercises: [] });

    await page.goto('/library');
    await heading(page, 'Library');
    await page.locator('.session-hold.compact').waitFor();

    await page.goto(`/library/${ANY_MOVEMENT.id}`);
    await heading(page, ANY_MOVEMENT.name);
    await expectHeld(page);
    // A short word right under the title, in the first screen, with the way to what is still fine.
    const top = page.locator('.paused-top');
    expect(await top.innerText()).toContain('Guided movements are paused until you have been seen');
    expect(await top.getByRole('link', { name: 'Walks and comfort are still fine' }).getAttribute('href')).toBe('/move');
    const titleBox = await page.getByRole('heading', { level: 1, name: ANY_MOVEMENT.name }).boundingBox();
    const topBox = await top.boundingBox();
    expect(topBox?.y ?? Infinity).toBeGreaterThan(titleBox?.y ?? Infinity);
    expect((topBox?.y ?? Infinity) + (topBox?.height ?? 0)).toBeLessThanOrEqual(844);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'guard-library-paused.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page, ['color-contrast'])).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    await page.goto(`/session/${ANY_MOVEMENT.id}`);
    await heading(page, ANY_MOVEMENT.name);
    await expectHeld(page);

    await page.goto('/session');
    await heading(page, 'Today’s session');
    await expectHeld(page);
    await page.getByRole('link', { name: 'Go to Move: walks and comfort' }).click();
    expect(new URL(page.url()).pathname).toBe('/move');
    expect(errors).toEqual([]);
  });

  it('offline, the last known triage holds: a link followed in the app and a reload of /session/:id', async () => {
    if (!ANY_MOVEMENT) throw new Error('the catalogue has no movement for three stages');
    const { context, page, errors } = await personWith(PAUSED);
    await page.goto('/library');
    await heading(page, 'Library');
    // The service worker keeps the shell and the person's reads; then the network goes.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    await page.reload();
    await heading(page, 'Library');
    await page.waitForFunction(
      async () => {
        const api = await caches.open('unclench-api-v1');
        const shell = await caches.open('unclench-shell-v1');
        return Boolean((await api.match('/api/v1/episodes', { ignoreVary: true })) && (await api.match('/api/v1/me', { ignoreVary: true })) && (await api.match('/api/v1/session', { ignoreVary: true })) && (await shell.match('/')));
      },
      undefined,
      { timeout: 20_000, polling: 250 },
    );
    await context.setOffline(true);

    await page.evaluate((to) => {
      history.pushState(null, '', to);
      window.dispatchEvent(new Event('unclench:navigate'));
    }, `/session/${ANY_MOVEMENT.id}`);
    await heading(page, ANY_MOVEMENT.name);
    await expectHeld(page);
    expect(await page.locator('.session-hold').innerText()).toContain('You are offline');

    await page.reload();
    await heading(page, ANY_MOVEMENT.name);
    await expectHeld(page);
    await context.setOffline(false);
    expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});

describe('a movement for another stage', () => {
  // A Settle-stage person: pain 8, cannot stand straight, no walking yet.
  const LATER = EXERCISES.find((e) => !e.stages.includes('settle') && !e.stages.includes('stand-walk') && !e.stages.includes('move'));

  it('says so in the Library and starts only after a deliberate second tap; a direct link asks too', async () => {
    if (!LATER) throw new Error('the catalogue has no movement for Strengthen or later only');
    const meantFor = STAGE_IDS.find((s) => LATER.stages.includes(s));
    if (!meantFor) throw new Error('no stage');
    const { page, episodeId, errors } = await personWith({}, 8);
    const checkIn = { at: new Date().toISOString(), painNow: 8, painWorst24h: 9, standStraight: 'no', walkMinutes: 0 };
    expect((await page.request.put(`/api/v1/episodes/${episodeId}/check-ins/${crypto.randomUUID()}`, { data: checkIn })).status()).toBe(200);
    expect((await serverToday(page)).today.stage).toBe('settle');
    const line = `This one is for a later stage: ${STAGE_LABELS[meantFor]}. You’re in Settle.`;

    await page.goto(`/library?stage=${meantFor}`);
    await heading(page, 'Library');
    const card = page.locator('.exercise-card', { has: page.getByRole('link', { name: LATER.name, exact: true }) });
    expect(await card.locator('.stage-tag').innerText()).toBe(`For a later stage: ${STAGE_LABELS[meantFor]}`);
    await card.getByRole('link', { name: LATER.name, exact: true }).click();
    await heading(page, LATER.name);
    await page.getByText(line).waitFor();

    // The first tap only asks; the page stays, the question takes focus.
    await page.getByRole('button', { name: 'Try this movement' }).click();
    expect(new URL(page.url()).pathname).toBe(`/library/${LATER.id}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('outside-stage-line');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'guard-outside-stage.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page, ['color-contrast'])).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.getByRole('button', { name: 'Try this movement' }).click();
    await page.getByRole('button', { name: 'Try it anyway' }).click();
    expect(new URL(page.url()).pathname).toBe(`/session/${LATER.id}`);
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();

    // A direct link (a new page load, nothing chosen yet) asks the same question before anything starts.
    await page.goto(`/session/${LATER.id}`);
    await page.getByText(line).waitFor();
    expect(await page.getByRole('button', { name: 'Start', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Try it anyway' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('the clinician visit', () => {
  it('cannot be dated before the triage that paused the sessions, on the screen or at the server', async () => {
    const { page, episodeId, errors } = await personWith(PAUSED);
    const today = daysAgo(0);
    const res = await page.request.put(`/api/v1/episodes/${episodeId}/clinician-check`, { data: { seenOn: daysAgo(1) } });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.issues).toContainEqual(expect.objectContaining({ path: 'seenOn', rule: 'not_before_triage' }));

    await page.goto('/today');
    await heading(page, 'Today');
    await page.getByRole('button', { name: 'A clinician has seen me' }).click();
    const date = page.getByLabel('When were you seen?');
    expect(await date.inputValue()).toBe(today);
    expect(await date.getAttribute('min')).toBe(today);
    await date.fill(daysAgo(1));
    await page.getByRole('button', { name: 'Yes, I was seen' }).click();
    await page.locator('#field-seenOn-error').getByText(/or later: the visit needs to be after your last safety check/).waitFor();
    expect((await serverToday(page)).episode.clinicianSeenOn).toBeNull();

    await date.fill(today);
    await page.getByRole('button', { name: 'Yes, I was seen' }).click();
    await expect.poll(async () => (await serverToday(page)).episode.clinicianSeenOn).toBe(today);
    expect(errors).toEqual([]);
  });
});
