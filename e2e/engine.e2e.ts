import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_IDS, STAGE_LABELS, type StageId } from '../src/core/plan/stages';
import { answerSafety, arriveAtToday, checkIn, checkInFor, continueFromSafety, daysAgo, heading, openNav, PERSON_TIME_ZONE, serverToday, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Day = { ago: number; painNow: number; worst: number; stand: 'Yes' | 'Partly' | 'Not yet'; walk: string };

/** A week that gets better, one check-in a day, each filled in afterwards through "This is for". */
const IMPROVING_WEEK: Day[] = [
  { ago: 7, painNow: 8, worst: 9, stand: 'Not yet', walk: 'Not yet' },
  { ago: 6, painNow: 7, worst: 8, stand: 'Not yet', walk: 'Not yet' },
  { ago: 5, painNow: 6, worst: 7, stand: 'Partly', walk: 'Under 5 minutes' },
  { ago: 4, painNow: 5, worst: 6, stand: 'Partly', walk: 'Under 5 minutes' },
  { ago: 3, painNow: 5, worst: 6, stand: 'Partly', walk: '5 to 15 minutes' },
  { ago: 2, painNow: 4, worst: 5, stand: 'Yes', walk: '5 to 15 minutes' },
  { ago: 1, painNow: 3, worst: 4, stand: 'Yes', walk: '15 to 30 minutes' },
];

/** The stage shown on Today, read from the page, and the code of the reason shown with it. */
async function shownStage(page: Page): Promise<{ stage: StageId; code: string | null }> {
  const title = await page.locator('#stage-title').innerText();
  const stage = STAGE_IDS.find((s) => title.includes(STAGE_LABELS[s]));
  expect(stage, `a stage label in "${title}"`).toBeDefined();
  return { stage: stage as StageId, code: await page.locator('#stage-title ~ .stage-reason').getAttribute('data-reason-code') };
}

describe('the recovery engine, seen through Today', () => {
  it('a week of improving check-ins moves the stage on, and a flare steps it back, each with its reason', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 8 });
    await continueFromSafety(page);
    await page.locator('#field-onsetDate').fill(daysAgo(8));
    await startEpisode(page);
    await arriveAtToday(page);
    expect((await shownStage(page)).stage).toBe('settle');

    for (const day of IMPROVING_WEEK) {
      await openNav(page, 'Check in');
      await checkInFor(page, daysAgo(day.ago));
      await checkIn(page, day);
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await heading(page, 'Today');
      await page.locator('#stage-title').waitFor();
    }

    // Every check-in landed on the day it was filled in for, at 8 in the evening there.
    const { id, today } = await serverToday(page);
    const checkIns: { at: string }[] = await (await page.request.get(`/api/v1/episodes/${id}/check-ins`)).json();
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: PERSON_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const placed = checkIns.map((c) => {
      const part = (type: string) => local.formatToParts(new Date(c.at)).find((p) => p.type === type)?.value;
      return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
    });
    expect(placed).toEqual(IMPROVING_WEEK.map((d) => `${daysAgo(d.ago)} 20:00`));

    // The stage has moved on from Settle, and the reason beside it says it was earned on two check-ins in a row.
    const improved = await shownStage(page);
    expect(improved.stage).toBe(today.stage);
    expect(STAGE_IDS.indexOf(improved.stage)).toBeGreaterThan(STAGE_IDS.indexOf('settle'));
    expect(improved.code).toBe('stage-up');
    expect(today.reasons[0].code).toBe('stage-up');
    // The stage's reason is one tap away on Today.
    await page.locator('.stage-reason summary').click();
    expect(await page.locator('.stage-reason').innerText()).toContain(STAGE_LABELS[improved.stage]);
    const walkBefore = today.plan.find((i: { kind: string }) => i.kind === 'walk');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'engine-improved.png'), fullPage: true });

    // Today the pain flares: much worse, and standing straight is not possible.
    await openNav(page, 'Check in');
    await checkInFor(page, null);
    await checkIn(page, { painNow: 8, worst: 9, stand: 'Not yet', walk: 'Under 5 minutes' });
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await heading(page, 'Today');
    await page.locator('#checkin-summary').waitFor();

    const flared = await shownStage(page);
    const after = (await serverToday(page)).today;
    expect(flared.stage).toBe(after.stage);
    expect(STAGE_IDS.indexOf(flared.stage)).toBeLessThan(STAGE_IDS.indexOf(improved.stage));
    expect(['stage-down-criteria', 'stage-down-flare']).toContain(flared.code);
    // The flare itself is named in a note that is shown, not tucked away.
    const note = page.locator('.plan-notes [data-reason-code="flare-step-back"]');
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toMatch(/\b9\b/);
    // And today asks for less: no more walking than before the flare, and a shorter session.
    const walkAfter = after.plan.find((i: { kind: string }) => i.kind === 'walk');
    const walkMinutes = (w: { walks: number; minutesEach: number } | undefined) => (w ? w.walks * w.minutesEach : 0);
    expect(walkMinutes(walkAfter)).toBeLessThanOrEqual(walkMinutes(walkBefore));
    const sessionMinutes = (plan: { kind: string; totalMinutes?: number }[]) => plan.find((i) => i.kind === 'session')?.totalMinutes ?? 0;
    expect(sessionMinutes(after.plan)).toBeLessThan(sessionMinutes(today.plan));
    await page.screenshot({ path: path.join(RESULTS_DIR, 'engine-flare.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
