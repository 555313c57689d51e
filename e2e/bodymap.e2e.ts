import type { Page } from 'playwright-core';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YES_NO_FIELDS } from '../src/core/clinical';
import { BODY_REGIONS } from '../src/core/body/regions';
import { answerLegQuestions, answerSafety, arriveAtToday, checkIn, continueFromSafety, heading, openNav, openPlaceList, seriousViolations, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});


/** Presses Tab until the focused element matches (keyboard only, as a person would). */
async function tabUntil(page: Page, what: string, matches: (arg: string) => boolean, arg = '', max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(matches, arg)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}
const tabTo = (page: Page, id: string) => tabUntil(page, `#${id}`, (want) => document.activeElement?.id === want, id);

async function checkIns(page: Page) {
  const episodes = await (await page.request.get('/api/v1/episodes')).json();
  const res = await page.request.get(`/api/v1/episodes/${episodes[0].id}/check-ins`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { bodyMap: { region: string; pain: number; spasm: boolean }[]; regions: string[]; safety: Record<string, unknown> | null; triage: { level: string; decidingRule: string } | null }[];
}

async function newPerson(colorScheme: 'light' | 'dark' = 'light') {
  const { page, errors } = await h.newPage({ colorScheme });
  await startNow(page);
  await answerSafety(page, { age: 40, pain: 5 });
  await continueFromSafety(page);
  // The start screen's list of places is the body map's list: the old label still checks a place.
  await startEpisode(page, ['Lower back, middle']);
  await arriveAtToday(page);
  await page.getByRole('link', { name: 'Check in for today' }).click();
  await heading(page, 'Check in');
  return { page, errors };
}

describe('body map', () => {
  it('works with the keyboard alone: open the list of places, set a place’s pain, mark a spasm, save', async () => {
    const { page, errors } = await newPerson();
    await checkIn(page, { painNow: 5, worst: 6, stand: 'Partly', walk: 'Under 5 minutes' });
    // Carried over from the start, with the start's pain (5).
    expect(await page.locator('#field-regions-low-back-center').isChecked()).toBe(true);
    expect(await page.locator('[data-view=back] [data-region=low-back-center]').getAttribute('data-pain')).toBe('5');

    // The list of places is collapsed under the drawing: Tab to it and open it with Enter.
    await page.locator('#field-regions-view-back-close').focus();
    await tabUntil(page, 'the list of places', () => document.activeElement?.matches('.bm-list > summary') ?? false);
    await page.keyboard.press('Enter');
    await tabTo(page, 'field-regions-low-back-right');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-regions-low-back-right-pain');
    await page.keyboard.press('7');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-regions-low-back-right-spasm');
    await page.keyboard.press('Space');
    // The drawing follows the list: the number and the cramp pattern; the words under it too.
    expect(await page.locator('g[data-region=low-back-right]').getAttribute('data-pain')).toBe('7');
    expect(await page.locator('g[data-region=low-back-right] .bm-hatch').count()).toBe(1);
    expect(await page.locator('g[data-region=low-back-right] .bm-num').textContent()).toBe('7');
    expect(await page.locator('.bm-marked [data-marked=low-back-right]').innerText()).toBe('Lower back, right: 7 — severe');
    // No new leg pain: no leg questions.
    expect(await page.getByTestId('leg-check').count()).toBe(0);

    const submit = page.getByRole('button', { name: 'Save check-in' });
    for (let i = 0; i < 80 && !(await submit.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await heading(page, 'Today');

    const list = await checkIns(page);
    const last = list[list.length - 1];
    expect(last?.bodyMap).toEqual(
      expect.arrayContaining([
        { region: 'low-back-center', pain: 5, spasm: false },
        { region: 'low-back-right', pain: 7, spasm: true },
      ]),
    );
    expect(last?.regions.sort()).toEqual(['low-back-center', 'low-back-right']);
    expect(last?.safety).toBeNull();
    expect(errors).toEqual([]);
  });

  it('every place on the drawing is at least 44 × 44 px to tap, in every view, on a 390 px phone', async () => {
    const { page } = await newPerson();
    const seen = new Set<string>();
    const small: string[] = [];
    for (const view of ['back-close', 'back', 'front']) {
      await page.locator(`#field-regions-view-${view}`).check();
      const svg = page.locator(`.bodymap svg[data-map-view=${view}]`);
      await svg.waitFor();
      const frame = await svg.boundingBox();
      expect(frame).not.toBeNull();
      const targets = svg.locator('g[data-region] path.bm-target');
      const count = await targets.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const target = targets.nth(i);
        const region = await target.evaluate((p) => p.parentElement?.getAttribute('data-region') ?? '');
        const box = await target.boundingBox();
        if (!box || !frame) throw new Error(`${region} has no box`);
        // Only the part inside the drawing can be tapped (a place cut by the close-up's edge).
        const width = Math.min(box.x + box.width, frame.x + frame.width) - Math.max(box.x, frame.x);
        const height = Math.min(box.y + box.height, frame.y + frame.height) - Math.max(box.y, frame.y);
        if (width < 44 || height < 44) small.push(`${view} ${region}: ${width.toFixed(1)} × ${height.toFixed(1)}`);
        seen.add(region);
      }
    }
    expect(small).toEqual([]);
    // Every place can be reached on the drawing in one of the views.
    expect([...seen].sort()).toEqual(BODY_REGIONS.map((r) => r.id).sort());
    // The close-up is the back, from the neck to the tops of the thighs, and it is what the map shows first.
    await page.reload();
    await heading(page, 'Check in');
    await page.locator('.bodymap svg[data-map-view=back-close]').waitFor();
    const close = await page.locator('.bodymap svg[data-map-view=back-close] g[data-region]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-region')));
    expect(close).toEqual(expect.arrayContaining(['neck-back', 'upper-back-center', 'mid-back', 'low-back-left', 'low-back-center', 'low-back-right', 'buttock-left', 'buttock-right', 'thigh-back-left']));
    expect(close).not.toContain('calf-left');
  });

  it('new pain in a leg asks the leg questions again and sends them for a fresh safety check', async () => {
    const { page, errors } = await newPerson();
    await checkIn(page, { painNow: 4, worst: 6, stand: 'Yes', walk: '5 to 15 minutes' });

    // The calf is below the close-up: show the whole back, then tap the left calf. A small panel sets its pain.
    await page.locator('#field-regions-view-back').check();
    await page.locator('[data-view=back] [data-region=calf-left] path').first().click();
    const panel = page.getByRole('group', { name: 'Left calf' });
    await panel.waitFor();
    await panel.locator('label[for="field-regions-panel-3"]').click();
    expect(await page.locator('#field-regions-calf-left').isChecked()).toBe(true);
    expect(await page.locator('.bm-marked [data-marked=calf-left]').innerText()).toBe('Left calf: 3 — mild');
    await panel.getByRole('button', { name: 'Done' }).click();

    const legs = page.getByTestId('leg-check');
    await legs.waitFor();
    expect(await legs.getByRole('heading', { name: 'A few questions about your legs' }).isVisible()).toBe(true);
    expect(await legs.innerText()).toContain('left calf');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'bodymap-leg-questions-390.png'), fullPage: true });

    // Unanswered leg questions stop the save and are marked.
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#field-safety-bilateralLegSymptoms-error').isVisible()).toBe(true);

    await answerLegQuestions(page);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await heading(page, 'Today');

    const list = await checkIns(page);
    const last = list[list.length - 1];
    expect(last?.bodyMap).toEqual(expect.arrayContaining([{ region: 'calf-left', pain: 3, spasm: false }]));
    expect(last?.safety).not.toBeNull();
    expect(last?.safety?.bilateralLegSymptoms).toBe(false);
    // The rest of the safety answers are the person's last ones, with today's pain.
    expect(last?.safety?.ageYears).toBe(40);
    expect(last?.safety?.painNRS).toBe(4);
    expect(YES_NO_FIELDS.every((f) => last?.safety?.[f] === false)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a "yes" to a leg question is triaged by the server at once', async () => {
    const { page, errors } = await newPerson();
    await checkIn(page, { painNow: 4, worst: 6, stand: 'Yes', walk: '5 to 15 minutes' });
    // The back of the right thigh is in the close-up, cut by its lower edge: tap it, set its pain.
    await page.locator('[data-view=back] [data-region=thigh-back-right] path').first().click();
    await page.getByRole('group', { name: 'Back of the right thigh' }).locator('label[for="field-regions-panel-4"]').click();
    await page.getByTestId('leg-check').waitFor();
    await answerLegQuestions(page, ['bilateralLegSymptoms']);
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/check-ins\//.test(r.url()));
    await page.getByRole('button', { name: 'Save check-in' }).click();
    expect((await saved).status()).toBe(200);
    // Both legs: an emergency sign. The emergency screen replaces everything.
    await page.locator('.emergency').waitFor();
    expect(await page.locator('.emergency').isVisible()).toBe(true);
    // The server triaged the check-in's answers, and the episode's current triage is the emergency.
    const list = await checkIns(page);
    const last = list[list.length - 1];
    expect(last?.safety?.bilateralLegSymptoms).toBe(true);
    expect(last?.triage).toMatchObject({ level: 'emergency', decidingRule: 'E2_BILATERAL_LEG_SYMPTOMS' });
    const episodes = await (await page.request.get('/api/v1/episodes')).json();
    expect(episodes[0].currentTriage).toMatchObject({ level: 'emergency', decidingRule: 'E2_BILATERAL_LEG_SYMPTOMS' });
    expect(errors).toEqual([]);
  });

  it('muscle map in Settings: tap a place, pick a muscle there, note it as weak', async () => {
    const { page, errors } = await newPerson();
    await openNav(page, 'Settings');
    const notes = page.locator('.muscle-notes');
    await notes.locator('.muscle-map g[data-region=buttock-left] path').first().click();
    await notes.getByRole('button', { name: 'Big buttock muscles' }).click();
    expect(await page.locator('#field-muscle').inputValue()).toBe('glute-max');
    // Both buttocks are picked out on the drawing; nothing else is.
    expect(await notes.locator('.muscle-map g[data-lit]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-region')).sort())).toEqual(['buttock-left', 'buttock-right']);
    expect(await notes.locator('.mm-chosen').innerText()).toContain('Big buttock muscles');
    await notes.locator('section, form').first().screenshot({ path: path.join(RESULTS_DIR, 'muscle-map-390.png') });
    await page.locator('#field-feels').getByLabel('Feels weak').check();
    await page.getByRole('button', { name: 'Add this note' }).click();
    await page.locator('.note[data-muscle=glute-max]').waitFor();
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`Check-in with the map, its panel and the leg questions has no serious or critical axe violations (${colorScheme})`, async () => {
      const { page } = await newPerson(colorScheme);
      await checkIn(page, { painNow: 6, worst: 7, stand: 'Partly', walk: 'Under 5 minutes' });
      await openPlaceList(page);
      await page.getByLabel('Lower back, middle', { exact: true }).uncheck();
      await page.getByLabel('Lower back, left', { exact: true }).check();
      await page.locator('#field-regions-low-back-left-pain').selectOption('8');
      await page.locator('#field-regions-low-back-left-spasm').check();
      await page.locator('#field-regions-view-front').check();
      await page.locator('[data-view=front] [data-region=thigh-front-left] path').first().click();
      await page.getByRole('group', { name: 'Front of the left thigh' }).waitFor();
      await page.locator('label[for="field-regions-panel-4"]').click();
      await page.getByTestId('leg-check').waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, `bodymap-checkin-${colorScheme}-390.png`), fullPage: true });
      expect(await seriousViolations(page, colorScheme === 'dark' ? ['color-contrast'] : undefined)).toEqual([]);
    }, 180_000);
  }
});
