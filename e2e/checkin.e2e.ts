import type { Locator, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLegQuestions, answerSafety, arriveAtToday, continueFromSafety, daysAgo, heading, openPlaceList, PERSON_TIME_ZONE, seriousViolations, serverToday, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Yesterday's check-in, as the person left it: two places, each with its own pain, one cramping. */
const YESTERDAY = {
  painNow: 4,
  painWorst24h: 6,
  standStraight: 'partly',
  walkMinutes: 10,
  regions: [
    { region: 'low-back-center', pain: 5, spasm: true },
    { region: 'buttock-left', pain: 3, spasm: false },
  ],
};

interface SavedCheckIn {
  at: string;
  painNow: number;
  painWorst24h: number;
  standStraight: string;
  walkMinutes: number;
  bodyMap: { region: string; pain: number; spasm: boolean }[];
  regions: string[];
  safety: Record<string, unknown> | null;
}

/** A person whose episode began three days ago and who checked in yesterday; they are on Today. */
async function personWithYesterday(extra: { region: string; pain: number; spasm: boolean }[] = [], colorScheme: 'light' | 'dark' = 'light') {
  const { page, errors } = await h.newPage({ colorScheme });
  await startNow(page);
  await answerSafety(page, { age: 40, pain: 6 });
  await continueFromSafety(page);
  await page.locator('#field-onsetDate').fill(daysAgo(3));
  await startEpisode(page, ['Lower back, middle']);
  await arriveAtToday(page);
  const { id } = await serverToday(page);
  // Noon UTC is yesterday in London whatever the season.
  const res = await page.request.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, { data: { at: `${daysAgo(1)}T12:00:00.000Z`, ...YESTERDAY, regions: [...YESTERDAY.regions, ...extra] } });
  expect(res.status()).toBe(200);
  await page.reload();
  await heading(page, 'Today');
  return { page, errors, id };
}

async function checkIns(page: Page, id: string): Promise<SavedCheckIn[]> {
  const res = await page.request.get(`/api/v1/episodes/${id}/check-ins`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** The way to the check-in from Today's own content (not the navigation). */
const checkInLink = (page: Page) => page.getByRole('main').getByRole('link', { name: /check in/i }).first();

describe('the 30-second check-in', () => {
  it('an unchanged day takes three taps from Today: Check in, Same as yesterday, Save', async () => {
    const { page, errors, id } = await personWithYesterday();
    let taps = 0;
    const tap = async (target: Locator) => {
      taps += 1;
      await target.click();
    };

    await tap(checkInLink(page));
    await heading(page, 'Check in');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'checkin-first-screen-390.png') });
    await tap(page.getByRole('button', { name: 'Same as yesterday' }));
    await tap(page.getByRole('button', { name: 'Save check-in' }));
    await heading(page, 'Today');
    expect(taps).toBe(3);

    const list = await checkIns(page, id);
    expect(list).toHaveLength(2);
    const today = list[list.length - 1];
    expect(today).toMatchObject({ painNow: 4, painWorst24h: 6, standStraight: 'partly', walkMinutes: 10, safety: null });
    expect(today?.bodyMap).toEqual([
      { region: 'low-back-center', pain: 5, spasm: true },
      { region: 'buttock-left', pain: 3, spasm: false },
    ]);
    // It is today's check-in, in the person's time zone.
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: PERSON_TIME_ZONE }).format(new Date(today?.at ?? 0))).toBe(daysAgo(0));
    expect(errors).toEqual([]);
  });

  it('says yesterday’s answers in words, and starts the map from yesterday’s places with their own pain', async () => {
    const { page, errors } = await personWithYesterday();
    await checkInLink(page).click();
    await heading(page, 'Check in');
    expect(await page.getByTestId('same-as').innerText()).toContain('Pain was 4 (moderate), and 6 (moderate) at its worst. Standing up straight: Partly. Walking comfortably: 5 to 15 minutes.');
    expect(await page.getByTestId('same-as').innerText()).toContain('Lower back, middle (5), Left buttock (3)');

    // Before any answer: the places are on the map with yesterday's numbers, not today's pain.
    const pain = (region: string) => page.locator(`.bodymap [data-view=back] [data-region=${region}]`).getAttribute('data-pain');
    expect(await pain('low-back-center')).toBe('5');
    expect(await pain('buttock-left')).toBe('3');
    expect(await page.locator('.bodymap [data-region=low-back-center] .bm-hatch').count()).toBe(1);
    expect(await page.locator('.bm-marked [data-marked=low-back-center]').innerText()).toBe('Lower back, middle: 5 — moderate');
    // Today's pain now is 2: the places keep their own numbers.
    await page.locator('#field-painNow-2').check();
    expect(await pain('low-back-center')).toBe('5');
    expect(await pain('buttock-left')).toBe('3');
    // The list of places says the same.
    await openPlaceList(page);
    expect(await page.locator('#field-regions-buttock-left-pain').inputValue()).toBe('3');
    expect(await page.locator('#field-regions-low-back-center-spasm').isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('opened straight at /check-in (a bookmark, a reminder): its reads come inside the page, and saving works as ever', async () => {
    const { page, errors, id } = await personWithYesterday();
    const asked: string[] = [];
    page.on('request', (r) => {
      const p = new URL(r.url()).pathname;
      if (r.method() === 'GET' && (p === `/api/v1/episodes/${id}/check-ins` || p === `/api/v1/episodes/${id}/today`)) asked.push(p);
    });
    await page.goto('/check-in');
    await heading(page, 'Check in');
    expect(await page.getByTestId('same-as').innerText()).toContain('Pain was 4 (moderate), and 6 (moderate) at its worst.');
    // The page as sent names the screen's code (modulepreload), so it comes beside the entry script, not after it.
    const sent = await (await page.request.get('/check-in', { headers: { accept: 'text/html', 'sec-fetch-mode': 'navigate' } })).text();
    expect(sent).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/CheckIn-[\w-]+\.js">/);
    expect(asked).toEqual([]);
    await page.getByRole('button', { name: 'Same as yesterday' }).click();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await heading(page, 'Today');
    expect(await checkIns(page, id)).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('saving with no place marked asks once whether nothing hurts today', async () => {
    const { page, errors, id } = await personWithYesterday();
    await checkInLink(page).click();
    await heading(page, 'Check in');
    await page.getByRole('button', { name: 'Same as yesterday' }).click();
    await openPlaceList(page);
    await page.locator('#field-regions-low-back-center').uncheck();
    await page.locator('#field-regions-buttock-left').uncheck();
    expect(await page.locator('.bm-marked').innerText()).toContain('No places marked yet.');

    await page.getByRole('button', { name: 'Save check-in' }).click();
    const ask = page.locator('.no-place');
    await ask.waitFor();
    expect(await ask.innerText()).toBe('You haven’t marked any place on the body. If nothing hurts today, tap save again.');
    await heading(page, 'Check in');
    expect(await checkIns(page, id)).toHaveLength(1);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'checkin-no-place-390.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save: nothing hurts today' }).click();
    await heading(page, 'Today');
    const list = await checkIns(page, id);
    expect(list).toHaveLength(2);
    // The places that hurt yesterday are recorded as no longer hurting.
    expect(list[1]?.regions).toEqual([]);
    expect(list[1]?.bodyMap).toEqual([
      { region: 'low-back-center', pain: 0, spasm: false },
      { region: 'buttock-left', pain: 0, spasm: false },
    ]);
    expect(errors).toEqual([]);
  });

  it('"Anything new?" still asks the safety questions again', async () => {
    const { page } = await personWithYesterday();
    await checkInLink(page).click();
    await heading(page, 'Check in');
    await page.getByRole('button', { name: 'Same as yesterday' }).click();
    await page.locator('#field-anythingNew').getByLabel('Yes, something is new or different').check();
    expect(await page.locator('#field-safety-saddleNumbness').isVisible()).toBe(true);
  });

  it('new leg pain saved without the leg questions (another client): the server asks for them before any plan', async () => {
    const { page, errors, id } = await personWithYesterday([{ region: 'calf-left', pain: 4, spasm: false }]);
    // Yesterday's check-in came through the API with a new painful calf and no safety answers.
    const { today } = await serverToday(page);
    expect(today.rescreen).toEqual({ needed: true, reason: 'new_leg_pain', regions: ['calf-left'] });
    expect(today.plan).toEqual([]);

    const card = page.getByTestId('rescreen');
    await card.waitFor();
    expect(await card.innerText()).toContain('left calf');
    // Today does not ask them to check in again: they just did; the plan waits for the questions.
    expect(await page.locator('.plan .empty').innerText()).toContain('once you have answered those few questions');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'checkin-rescreen-today-390.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByRole('link', { name: 'Answer the leg questions' }).click();
    await heading(page, 'Check in');
    const legs = page.getByTestId('leg-check');
    await legs.waitFor();
    expect(await legs.innerText()).toContain('Pain in your left calf started after you last answered these questions.');

    // "Same as yesterday" alone is not enough while the leg questions are open.
    await page.getByRole('button', { name: 'Same as yesterday' }).click();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#field-safety-bladderChange-error').isVisible()).toBe(true);

    await answerLegQuestions(page);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await heading(page, 'Today');

    const after = (await serverToday(page)).today;
    expect(after.rescreen).toEqual({ needed: false });
    expect(after.plan.length).toBeGreaterThan(0);
    const list = await checkIns(page, id);
    expect(list[list.length - 1]?.safety).toMatchObject({ bilateralLegSymptoms: false, bladderChange: false, legWeakness: 'none' });
    expect(await page.getByTestId('rescreen').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('in the dark theme, the re-screen card and the check-in with yesterday’s answers keep their contrast', async () => {
    const { page } = await personWithYesterday([{ region: 'knee-left', pain: 3, spasm: false }], 'dark');
    await page.getByTestId('rescreen').waitFor();
    expect(await seriousViolations(page, ['color-contrast'])).toEqual([]);
    await page.getByTestId('rescreen').getByRole('link', { name: 'Answer the leg questions' }).click();
    await heading(page, 'Check in');
    await page.getByRole('button', { name: 'Same as yesterday' }).click();
    await page.getByTestId('leg-check').waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'checkin-dark-390.png'), fullPage: true });
    expect(await seriousViolations(page, ['color-contrast'])).toEqual([]);
  }, 180_000);
});
