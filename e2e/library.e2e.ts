import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSafety, arriveAtToday, continueFromSafety, heading, openNav, seriousViolations, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});


async function newPerson() {
  const person = await h.newPage();
  await startNow(person.page);
  await answerSafety(person.page, { age: 40, pain: 4 });
  await continueFromSafety(person.page);
  await startEpisode(person.page);
  await arriveAtToday(person.page);
  return person;
}

/** Waits until the library shows the answer to the current filters (not the previous list, kept while loading). */
async function settledCards(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.exercise-list[aria-busy="true"]') && document.querySelector('.result-count')?.textContent !== 'Looking…');
  return page.locator('.exercise-card');
}

type ApiExercise = { id: string; name: string; style: string; cues: string[]; easierId: string | null; keyframes: unknown[] };

describe('the library', () => {
  it('filters by style, opens a movement with its figure, steps and easier version, and shows a designed empty state', async () => {
    const { page, errors } = await newPerson();
    await openNav(page, 'Library');
    const all = await settledCards(page);
    const total = await all.count();
    expect(total).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'library-phone.png') });

    await page.getByLabel('Style', { exact: true }).selectOption('flamenco');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('style') === 'flamenco');
    const cards = await settledCards(page);
    const flamenco: ApiExercise[] = await (await page.request.get('/api/v1/exercises?style=flamenco')).json();
    expect(flamenco.length).toBeGreaterThan(0);
    expect(await cards.count()).toBe(flamenco.length);
    expect(await cards.locator('h2').allInnerTexts()).toEqual(flamenco.map((e) => e.name));
    for (const meta of await cards.locator('.exercise-meta').allInnerTexts()) expect(meta).toContain('Flamenco');
    // Each card carries a small still of the movement.
    expect(await cards.first().locator('svg[role="img"] path').count()).toBeGreaterThanOrEqual(16);
    expect(await seriousViolations(page)).toEqual([]);

    const chosen = flamenco.find((e) => e.easierId) ?? flamenco[0];
    if (!chosen) throw new Error('no flamenco movement');
    await cards.getByRole('link', { name: chosen.name, exact: true }).click();
    await heading(page, chosen.name);
    expect(new URL(page.url()).pathname).toBe(`/library/${chosen.id}`);

    // The figure at each keyframe: twelve limb pieces, a torso, a head, a floor, and a label naming the phase.
    const figures = page.locator('.keyframe-strip svg[role="img"]');
    expect(await figures.count()).toBeGreaterThanOrEqual(2);
    expect(await figures.count()).toBeLessThanOrEqual(chosen.keyframes.length);
    const first = figures.first();
    expect(await first.getAttribute('aria-label')).toMatch(/^Figure showing: \S/);
    expect(await first.locator('path.fig-near, path.fig-far, path.fig-moving, path.fig-moving-far').count()).toBeGreaterThanOrEqual(12);
    expect(await first.locator('path.fig-body, path.fig-pelvis, path.fig-moving').count()).toBeGreaterThanOrEqual(3);
    expect(await first.locator('path.fig-floor').count()).toBe(1);
    const box = await first.boundingBox();
    expect(box && box.width > 40 && box.height > 40).toBe(true);
    const outline = (figure: typeof first) => figure.locator('path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
    for (const d of await outline(first)) {
      expect(d).toMatch(/^M/);
      expect(d).not.toContain('NaN');
    }
    // Two stills of the same movement differ (it moves).
    expect(await outline(figures.nth(1))).not.toEqual(await outline(first));

    expect(await page.locator('.steps li').allInnerTexts()).toEqual(chosen.cues);
    expect(await page.locator('.dose-words').innerText()).toMatch(/repetition|Hold for|minute|second/);
    expect(await page.locator('.cautions li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'exercise-detail-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    // And in the dark theme, the contrast holds (the figure's colours come from the theme too).
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page, ['color-contrast'])).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'exercise-detail-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    const easier = page.locator('a.variant-easier');
    expect(await easier.getAttribute('href')).toBe(`/library/${chosen.easierId}`);
    const easierExercise: ApiExercise = await (await page.request.get(`/api/v1/exercises/${chosen.easierId}`)).json();
    expect(await easier.innerText()).toContain(easierExercise.name);
    await easier.click();
    await heading(page, easierExercise.name);

    // "All movements" returns to the library as it was left: still filtered by flamenco.
    await page.getByRole('link', { name: 'All movements' }).click();
    await heading(page, 'Library');
    expect(await page.getByLabel('Style', { exact: true }).inputValue()).toBe('flamenco');
    expect(await (await settledCards(page)).count()).toBe(flamenco.length);

    // Flamenco is never done lying down: a designed empty state, with a way out.
    await page.getByLabel('Position', { exact: true }).selectOption('lying');
    await page.getByText('No movements match these filters').waitFor();
    expect(await page.locator('.exercise-card').count()).toBe(0);
    await page.locator('.empty-state').getByRole('button', { name: 'Clear filters' }).click();
    expect(await (await settledCards(page)).count()).toBe(total);
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
  });
});

describe('settings', () => {
  it('keeps the chosen style and session length, and a removed muscle note comes back with Undo', async () => {
    const { page, errors } = await newPerson();
    await openNav(page, 'Settings');
    const styles = page.locator('#field-styles');
    await styles.waitFor();
    // Nothing chosen yet: plain exercises, 10 minutes.
    expect(await styles.getByLabel('Plain exercises').isChecked()).toBe(true);

    // At least one style: the rule is shown beside the field.
    await styles.getByLabel('Plain exercises').uncheck();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    expect(await page.locator('#field-styles-error').innerText()).toMatch(/at least one style/i);

    await styles.getByLabel('Yoga').check();
    await page.locator('#field-sessionMinutes').getByLabel('20 min', { exact: true }).check();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await page.getByText('Saved. Your next plan uses these choices.').waitFor();
    expect(await page.locator('#field-styles-error').count()).toBe(0);
    expect(await (await page.request.get('/api/v1/preferences')).json()).toEqual({ styles: ['yoga'], sessionMinutes: 20 });

    await page.reload();
    await heading(page, 'Settings');
    await styles.waitFor();
    expect(await styles.getByLabel('Yoga').isChecked()).toBe(true);
    expect(await styles.getByLabel('Plain exercises').isChecked()).toBe(false);
    expect(await page.locator('#field-sessionMinutes').getByLabel('20 min', { exact: true }).isChecked()).toBe(true);

    // A muscle note: added, removed, and brought back by Undo.
    const episodeId: string = (await (await page.request.get('/api/v1/episodes')).json())[0].id;
    const serverNotes = async () => (await (await page.request.get(`/api/v1/episodes/${episodeId}/muscle-notes`)).json()) as { id: string; muscle: string; feels: string }[];
    await page.locator('#field-muscle').selectOption({ label: 'Big buttock muscles' });
    await page.locator('#field-feels').getByLabel('Feels tight', { exact: true }).check();
    await page.getByRole('button', { name: 'Add this note' }).click();
    const note = page.locator('.note-list .note', { hasText: 'Big buttock muscles' });
    await note.waitFor();
    expect(await note.innerText()).toContain('feels tight');
    const [saved] = await serverNotes();
    expect(saved).toMatchObject({ muscle: 'glute-max', feels: 'tight' });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'settings-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Remove note: Big buttock muscles, feels tight' }).click();
    await note.waitFor({ state: 'detached' });
    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    // Focus goes to Undo, so a slip can be put right at once.
    expect(await undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(async () => (await serverNotes()).length).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await undo.click();
    await note.waitFor();
    await expect.poll(serverNotes).toEqual([expect.objectContaining({ id: saved?.id, muscle: 'glute-max', feels: 'tight' })]);
    await page.reload();
    await heading(page, 'Settings');
    await note.waitFor();
    expect(errors).toEqual([]);
  });
});
