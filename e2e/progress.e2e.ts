import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSafety, arriveAtToday, continueFromSafety, daysAgo, heading, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const DAYS = 21;

interface Seed {
  day: string;
  painNow: number;
  worst: number;
  regions: { region: string; pain: number; spasm: boolean }[];
}

/**
 * Three weeks of check-ins: pain easing in the low back while, from day 12, a new pain grows in the back of the
 * right thigh (a body map per day). The newest is "now"; earlier ones are placed at 8 pm London time.
 */
function seeds(): Seed[] {
  const out: Seed[] = [];
  for (let i = DAYS - 1; i >= 0; i--) {
    const n = DAYS - 1 - i; // 0 … 20
    const back = Math.max(1, 7 - Math.floor(n / 3));
    const regions = [{ region: 'low-back-center', pain: back, spasm: n < 5 }];
    if (n >= 12) regions.push({ region: 'thigh-back-right', pain: n >= 16 ? 4 : 3, spasm: n === 13 });
    out.push({ day: daysAgo(i), painNow: Math.max(1, 6 - Math.floor(n / 4)), worst: Math.max(3, 8 - Math.floor(n / 4)), regions });
  }
  return out;
}

async function seed(page: Page, episodeId: string) {
  const status = await page.evaluate(
    async ({ episodeId, list, ratings }) => {
      const codes: number[] = [];
      for (const [i, s] of list.entries()) {
        const at = i === list.length - 1 ? new Date().toISOString() : `${s.day}T19:00:00.000Z`;
        const body = { at, painNow: s.painNow, painWorst24h: s.worst, standStraight: 'partly', walkMinutes: 10, regions: s.regions };
        const res = await fetch(`/api/v1/episodes/${episodeId}/check-ins/${crypto.randomUUID()}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        codes.push(res.status);
      }
      // Two everyday activities, rated at the start and again two weeks later.
      for (const [activity, first, later] of [
        ['Put on my socks', 2, 6],
        ['Sit through a film', 3, 5],
      ] as const) {
        const goalId = crypto.randomUUID();
        const put = await fetch(`/api/v1/episodes/${episodeId}/function-goals/${goalId}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ activity }) });
        codes.push(put.status);
        for (const [date, rating] of [
          [ratings.start, first],
          [ratings.later, later],
        ] as const) {
          const r = await fetch(`/api/v1/episodes/${episodeId}/function-goals/${goalId}/ratings/${date}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rating }) });
          codes.push(r.status);
        }
      }
      // What helped: a hot water bottle twice (answered later each day), a cream once.
      for (const [day, name, kind, unit, amount, helped] of [
        [ratings.later, 'Hot water bottle', 'heat', 'minutes', 20, 'yes'],
        [ratings.recent, 'Hot water bottle', 'heat', 'minutes', 15, 'yes'],
        [ratings.recent, 'Warming cream', 'topical', 'applications', 1, 'no'],
      ] as const) {
        const entry = { kind, name, amount, unit, at: `${day}T10:00:00.000Z`, helped };
        const res = await fetch(`/api/v1/episodes/${episodeId}/comfort/${crypto.randomUUID()}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(entry) });
        codes.push(res.status);
      }
      return codes;
    },
    { episodeId, list: seeds(), ratings: { start: daysAgo(DAYS - 1), later: daysAgo(DAYS - 15), recent: daysAgo(2) } },
  );
  expect(status.every((c) => c === 200)).toBe(true);
}

/** Records each Intl formatter built, and each locale-aware call that builds one, with the caller's place in the code. */
const COUNT_INTL_USES = `(() => {
  const uses = (window.intlUses = []);
  const note = (what) => uses.push(what + ' ' + String(new Error().stack).split('\\n').slice(2, 5).join(' | '));
  for (const name of ['DateTimeFormat', 'NumberFormat', 'RelativeTimeFormat', 'ListFormat', 'Collator']) {
    const Real = Intl[name];
    const Counted = function (...args) { note(name); return new Real(...args); };
    Counted.prototype = Real.prototype;
    Counted.supportedLocalesOf = Real.supportedLocalesOf;
    Intl[name] = Counted;
  }
  for (const [owner, method] of [[Date.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleDateString'], [Date.prototype, 'toLocaleTimeString'], [Number.prototype, 'toLocaleString'], [String.prototype, 'localeCompare']]) {
    const real = owner[method];
    owner[method] = function (...args) { note(method); return real.apply(this, args); };
  }
})()`;

/** The marks a chart drew (its points and bars), once its lines have a course: it drew its data, not an empty frame. */
async function marksOn(page: Page, chart: string): Promise<number> {
  const drawing = page.locator(`.chart[data-chart=${chart}][data-state=ready] svg.chart-svg`);
  await drawing.waitFor();
  return drawing.evaluate((svg) => {
    const lines = [...svg.querySelectorAll('path.chart-line')];
    if (lines.some((p) => (p.getAttribute('d') ?? '').split('L').length < 2)) return 0;
    return svg.querySelectorAll('.chart-mark').length;
  });
}

/** The points the chart's lines pass through, all lines together (dense lines are drawn without their dots). */
async function verticesOn(page: Page, chart: string): Promise<number> {
  const drawing = page.locator(`.chart[data-chart=${chart}][data-state=ready] svg.chart-svg`);
  await drawing.waitFor();
  return drawing.evaluate((svg) => [...svg.querySelectorAll('path.chart-line')].reduce((n, p) => n + (p.getAttribute('d') ?? '').split(/[ML]/).filter((v) => v.trim()).length, 0));
}

/** The colour the browser paints the chart's "Pain now" line with. */
const painNowStroke = (page: Page) => page.locator('.chart[data-chart=pain] path.swatch-now').evaluate((p) => getComputedStyle(p).stroke);

describe('progress', () => {
  it('three weeks of check-ins: the summary, pain that travelled to a thigh, charts, the usual course and its sources', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 6 });
    await continueFromSafety(page);
    await page.locator('#field-onsetDate').fill(daysAgo(DAYS - 1));
    await startEpisode(page, ['Lower back, middle']);
    await arriveAtToday(page);
    const episodes = await (await page.request.get('/api/v1/episodes')).json();
    await seed(page, episodes[0].id);

    await page.reload();
    await heading(page, 'Today');

    await page.getByRole('link', { name: 'See your progress' }).click();
    await heading(page, 'Your progress');

    const summary = page.locator('.progress-summary');
    await summary.waitFor();
    const summaryText = await summary.innerText();
    expect(summaryText).toMatch(/Your worst pain has dropped from 8 to 3 since the \d+(st|nd|rd|th): that is a real improvement\./);
    expect(summaryText).toMatch(/Pain has appeared in the back of your right thigh since/);
    expect(await page.locator('.related-pains [data-region=thigh-back-right]').innerText()).toMatch(/^Pain has appeared in the back of your right thigh since/);
    expect(summaryText).toContain('What you said helped you move: Hot water bottle.');

    // What helped, from the answers given on Move; what was done, never a count of what was not.
    const helped = page.locator('section[aria-labelledby=helped-title]');
    expect(await helped.locator('li').allInnerTexts()).toEqual(['Hot water bottle: it helped twice.', 'Warming cream: it didn’t help once.']);
    const moving = await page.locator('.activity-facts').innerText();
    expect(moving).not.toMatch(/\b0 done|\bof \d+ days/);
    expect(await page.getByTestId('mcid').innerText()).toContain('A real improvement: 2+ points or 30 %');

    // Charts: drawn with their data (a point a day on the pain lines, a bar a day walked), each with a table of the
    // same numbers.
    expect(await marksOn(page, 'pain')).toBe(2 * DAYS);
    expect(await marksOn(page, 'activity')).toBeGreaterThanOrEqual(DAYS);
    expect(await marksOn(page, 'function')).toBe(2);
    expect(await painNowStroke(page)).toBe('rgb(31, 95, 99)');
    // A chart follows its box: on a narrower screen (a phone turned, a window made smaller) it is drawn again,
    // narrower, with the same data.
    const drawnWidth = async () => Number(await page.locator('.chart[data-chart=pain] svg.chart-svg').getAttribute('width'));
    const wide = await drawnWidth();
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(drawnWidth).toBeLessThan(wide);
    expect(await verticesOn(page, 'pain')).toBeGreaterThanOrEqual(2 * DAYS);
    if (viewport) await page.setViewportSize(viewport);
    await expect.poll(drawnWidth).toBe(wide);
    const painTable = page.locator('section[aria-labelledby=pain-title] details.chart-table');
    await painTable.locator('summary').click();
    expect(await painTable.locator('tbody tr').count()).toBe(DAYS);
    expect(await painTable.locator('tbody tr').first().locator('td').nth(1).innerText()).toBe('8');

    // Activities (PSFS) with their change and the mean.
    const fn = page.locator('section[aria-labelledby=function-title]');
    expect(await fn.innerText()).toContain('Put on my socks');
    expect(await fn.innerText()).toMatch(/Up 4 points: a clear change that people notice/);

    // The body map over time, week by week, with the thigh in the last weeks.
    const weeks = page.locator('.bm-week');
    expect(await weeks.count()).toBe(3);
    expect(await weeks.nth(0).innerText()).not.toContain('Back of the right thigh');
    expect(await weeks.nth(2).innerText()).toContain('Back of the right thigh: 4');
    expect(await weeks.nth(2).locator('g[data-region=thigh-back-right].hurts').count()).toBe(1);

    // The stage timeline and the usual course, with its three sources named.
    expect(await page.locator('.stage-timeline li').count()).toBeGreaterThan(0);
    const usual = await page.locator('section[aria-labelledby=usual-title]').innerText();
    for (const source of ['Menezes Costa et al., CMAJ 2012', 'Pengel et al., BMJ 2003', 'Henschke et al., BMJ 2008']) expect(usual).toContain(source);

    await page.screenshot({ path: path.join(RESULTS_DIR, 'progress-390.png'), fullPage: true });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(errors).toEqual([]);

    // Dark theme: the same page, redrawn in its colours, still readable.
    const dark = await h.newPage({ colorScheme: 'dark', storageState: await page.context().storageState() });
    await dark.page.goto('/progress');
    await heading(dark.page, 'Your progress');
    expect(await marksOn(dark.page, 'pain')).toBe(2 * DAYS);
    expect(await painNowStroke(dark.page)).toBe('rgb(143, 208, 205)');
    await dark.page.screenshot({ path: path.join(RESULTS_DIR, 'progress-dark-390.png'), fullPage: true });
    const darkResult = await new AxeBuilder({ page: dark.page }).withRules(['color-contrast']).analyze();
    expect(darkResult.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // The first Intl formatter costs a slow phone ~100 ms of its first screen, so the app builds none of its own on
    // Today or Progress: the zone's offsets come with the session and dates are put into words by hand.
    const counted = await h.newPage({ storageState: await page.context().storageState() });
    await counted.page.addInitScript(COUNT_INTL_USES);
    await counted.page.goto('/today');
    await heading(counted.page, 'Today');
    await counted.page.locator('section.plan').waitFor();
    await counted.page.waitForLoadState('networkidle');
    expect(await counted.page.evaluate(() => (window as unknown as { intlUses: string[] }).intlUses)).toEqual([]);
    await counted.page.goto('/progress');
    await heading(counted.page, 'Your progress');
    expect(await marksOn(counted.page, 'pain')).toBe(2 * DAYS);
    await counted.page.locator('section[aria-labelledby=usual-title]').waitFor();
    await counted.page.waitForLoadState('networkidle');
    expect(await counted.page.evaluate(() => (window as unknown as { intlUses: string[] }).intlUses)).toEqual([]);
    expect(counted.errors).toEqual([]);
  }, 180_000);

  it('a new person sees calm empty states, and the activities can be named and rated from Today', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 5 });
    await continueFromSafety(page);
    await startEpisode(page);
    await arriveAtToday(page);

    await page.getByRole('link', { name: 'See your progress' }).click();
    await heading(page, 'Your progress');
    expect(await page.locator('.progress-summary').innerText()).toContain('Nothing to show yet');
    expect(await page.locator('.chart-svg').count()).toBe(0);
    expect(await page.locator('section[aria-labelledby=helped-title]').innerText()).toContain('we ask later that day whether it helped');

    await page.getByRole('link', { name: 'Choose your activities' }).click();
    await heading(page, 'Your everyday activities');
    await page.getByRole('button', { name: 'Save my activities' }).click();
    await page.locator('.error-summary').waitFor();
    await page.getByLabel('What does your back make hard?').fill('Put on my socks');
    await page.locator('label[for$="-3"]').first().click();
    await page.getByRole('button', { name: 'Save my activities' }).click();
    await heading(page, 'Your progress');
    expect(await page.locator('section[aria-labelledby=function-title]').innerText()).toContain('Put on my socks');

    const episodes = await (await page.request.get('/api/v1/episodes')).json();
    const goals = await (await page.request.get(`/api/v1/episodes/${episodes[0].id}/function-goals`)).json();
    expect(goals).toHaveLength(1);
    expect(goals[0].ratings).toHaveLength(1);
    expect(goals[0].ratings[0].rating).toBe(3);

    // After one check-in: no comparison with the usual course yet, and nothing counted that was not done.
    const checkInBody = { at: new Date().toISOString(), painNow: 5, painWorst24h: 6, standStraight: 'partly', walkMinutes: 10, regions: [{ region: 'low-back-center', pain: 5, spasm: false }] };
    expect((await page.request.put(`/api/v1/episodes/${episodes[0].id}/check-ins/${randomUUID()}`, { data: checkInBody })).status()).toBe(200);
    await page.reload();
    await heading(page, 'Your progress');
    const usual = await page.locator('section[aria-labelledby=usual-title]').innerText();
    expect(usual).not.toMatch(/following the usual course|more slowly than it usually does|lower than it usually is/);
    expect(usual).toContain('After a few more check-ins, over about a week, you will see how your recovery compares with the usual course.');
    const moving = await page.locator('.activity-facts').innerText();
    expect(moving).not.toMatch(/\b0\b/);
    expect(moving).toContain('will show here as you log them');
    expect(errors).toEqual([]);
  });

  it('an episode older than twelve weeks: the last twelve weeks day by day, earlier weeks as one point each', async () => {
    const LONG = 120;
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 6 });
    await continueFromSafety(page);
    await page.locator('#field-onsetDate').fill(daysAgo(LONG - 1));
    await startEpisode(page, ['Lower back, middle']);
    await arriveAtToday(page);
    const episodes = await (await page.request.get('/api/v1/episodes')).json();
    const codes = await page.evaluate(
      async ({ episodeId, days }) => {
        const out: number[] = [];
        for (const [i, day] of days.entries()) {
          const at = i === days.length - 1 ? new Date().toISOString() : `${day}T19:00:00.000Z`;
          const pain = Math.max(1, 7 - Math.floor(i / 20));
          const body = { at, painNow: pain, painWorst24h: pain + 1, standStraight: 'partly', walkMinutes: 10, regions: [{ region: 'low-back-center', pain, spasm: false }] };
          const put = (url: string, data: unknown) => fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
          out.push((await put(`/api/v1/episodes/${episodeId}/check-ins/${crypto.randomUUID()}`, body)).status);
          out.push((await put(`/api/v1/episodes/${episodeId}/movements/${crypto.randomUUID()}`, { kind: 'walk', startedAt: i === days.length - 1 ? at : `${day}T12:00:00.000Z`, minutes: 10 })).status);
        }
        return out;
      },
      { episodeId: episodes[0].id, days: Array.from({ length: LONG }, (_, i) => daysAgo(LONG - 1 - i)) },
    );
    expect(codes.every((c) => c === 200)).toBe(true);

    await page.goto('/progress');
    await heading(page, 'Your progress');
    const painSection = page.locator('section[aria-labelledby=pain-title]');
    await painSection.locator('.chart-note', { hasText: 'The last 12 weeks show each day' }).waitFor();
    expect(await verticesOn(page, 'pain')).toBeGreaterThanOrEqual(2 * 84);
    expect(await marksOn(page, 'activity')).toBeGreaterThanOrEqual(84);
    const painTable = painSection.locator('details.chart-table');
    await painTable.locator('summary').click();
    const rows = painTable.locator('tbody tr');
    // 84 days, then the 36 days before them as five weeks and a first point of one day.
    expect(await rows.count()).toBe(84 + 6);
    expect(await rows.nth(1).locator('th').innerText()).toMatch(/^Week from \d+ \w+$/);
    expect(await rows.last().locator('th').innerText()).toMatch(/^\d+ \w+$/);
    expect(await painTable.locator('caption').innerText()).toContain('the average over each week or four weeks');
    // The older weeks count their walks in full: seven walks of 10 minutes.
    const movingTable = page.locator('section[aria-labelledby=activity-title] details.chart-table');
    await movingTable.locator('summary').click();
    expect(await movingTable.locator('thead').innerText()).toContain('Days with a session planned');
    expect(await movingTable.locator('tbody tr').nth(1).locator('td').first().innerText()).toBe('1 h 10 min');
    await painSection.locator('.chart').screenshot({ path: path.join(RESULTS_DIR, 'progress-long-pain-chart.png') });
    await page.locator('section[aria-labelledby=activity-title] .chart').screenshot({ path: path.join(RESULTS_DIR, 'progress-long-activity-chart.png') });
    expect(errors).toEqual([]);
  }, 180_000);
});
