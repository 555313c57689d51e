import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_LABELS, type StageId } from '../src/core/plan/stages';
import { calmAnswers } from '../src/core/clinical/fixtures';
import { ADVISORY_WORDS } from '../src/web/words/triage';
import { answerSafety, arriveAsNewPerson, checkIn, continueFromSafety, daysAgo, heading, PERSON_TIME_ZONE, serverToday, spanEndingNow, startEpisode, startNow } from './flows';
import { PHONE, RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The sum of layout shifts not caused by a tap or key (the CLS definition), from the very start of the page. */
async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { __cls: number }).__cls);

/** The bottom of the first screen a person sees: the viewport, less the tab bar over it. */
async function visibleBottom(page: Page): Promise<number> {
  const bar = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  return bar && bar.y > PHONE.height / 2 ? bar.y : PHONE.height;
}

const allSaved = (page: Page) => page.locator('.sync-status .sync-text', { hasText: 'All saved' }).waitFor();

async function checkedInWithWalks(page: Page) {
  await arriveAsNewPerson(page);
  await page.getByRole('link', { name: 'Check in for today' }).click();
  await checkIn(page, { painNow: 3, worst: 4, stand: 'Yes', walk: '15 to 30 minutes' });
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await heading(page, 'Today');
  await page.locator('#checkin-summary').waitFor();
  const { id, today } = await serverToday(page);
  return { id, today };
}

describe('Today as the next step, on a 390 × 844 phone', () => {
  it('shows the stage, the next step as the primary button and the day’s progress on the first screen, with no layout shift', async () => {
    const { page, errors } = await h.newPage();
    await watchLayoutShifts(page);
    await arriveAsNewPerson(page);

    // A fresh load of Today, measured from the first paint.
    await page.reload();
    await heading(page, 'Today');
    const primary = page.locator('.next-step .next-action');
    await primary.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await layoutShift(page)).toBeLessThanOrEqual(0.1);
    // The screen's own reads came inside the page (server/pageBoot.ts): the plan is not asked for again. The reads
    // kept for offline use wait until the screen is drawn, so they never slow it.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/api/v1/exercises')), null, { timeout: 15_000 });
    const order = await page.evaluate(async () => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const drawn = await new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(Math.max(...list.getEntries().map((e) => e.startTime)))).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      return { planAsked: entries.some((e) => /\/api\/v1\/episodes\/[^/]+\/today$/.test(e.name)), drawn, warmStart: Math.min(...entries.filter((e) => /\/api\/v1\/(exercises|preferences)$/.test(e.name)).map((e) => e.startTime)) };
    });
    expect(order.planAsked).toBe(false);
    expect(order.warmStart).toBeGreaterThan(order.drawn);

    const { today } = await serverToday(page);
    const bottom = await visibleBottom(page);
    // The one next thing: a first check-in, as a big button inside the first screen.
    expect(await primary.innerText()).toBe('Check in for today');
    const box = await primary.boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(bottom);
    expect(box.height).toBeGreaterThanOrEqual(48);
    // The stage in one line, and the day's progress in words, both on the first screen.
    const stage = page.locator('.today-stage-slot');
    expect(await stage.innerText()).toBe(`Stage ${['settle', 'stand-walk', 'move', 'strengthen', 'maintain'].indexOf(today.stage) + 1} of 5: ${STAGE_LABELS[today.stage as StageId]}`);
    const stageBox = await stage.boundingBox();
    expect(stageBox && stageBox.height < 40 && stageBox.y + stageBox.height <= bottom).toBe(true);
    const progress = page.locator('#day-progress');
    expect(await progress.innerText()).toMatch(/^0 of \d+ done/);
    const progressBox = await progress.boundingBox();
    expect(progressBox && progressBox.y + progressBox.height <= bottom).toBe(true);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'today-first-screen.png') });
    expect(errors).toEqual([]);
  });

  it('ticks off a walk that stays ticked after a reload, once on the server; Undo takes a slip back', async () => {
    const { page, errors } = await h.newPage();
    const { id, today } = await checkedInWithWalks(page);
    const walkItem = today.plan.find((i: { kind: string }) => i.kind === 'walk');
    expect(walkItem, 'a plan with walks after a check-in that says 15 to 30 minutes of walking').toBeDefined();
    const walks = page.locator('.plan-item.kind-walk');
    expect(await walks.locator('.plan-count').innerText()).toBe(`0 of ${walkItem.walks} done`);

    await walks.getByRole('button', { name: 'Tick off a walk' }).click();
    expect(await walks.locator('.plan-count').innerText()).toBe(`1 of ${walkItem.walks} done`);
    await page.locator('.undo-bar', { hasText: 'Walk ticked off.' }).waitFor();
    // "All saved" was on screen before the tick too: wait for the walk to reach the server and leave the outbox,
    // so the reload below opens with nothing waiting to be sent.
    const walksOnServer = async () => ((await (await page.request.get(`/api/v1/episodes/${id}/movements`)).json()) as { kind: string }[]).filter((m) => m.kind === 'walk').length;
    await expect.poll(walksOnServer).toBe(1);
    await page.locator('.sync-status[data-pending="0"]').waitFor();
    await allSaved(page);

    // Opening on Today, the page itself carries the session, the episodes and the plan (server/pageBoot.ts): the
    // screen asks the server for none of them again.
    const reads: string[] = [];
    const countReads = (r: { method(): string; url(): string }) => {
      const p = new URL(r.url()).pathname;
      if (r.method() === 'GET' && (p === '/api/v1/episodes' || p === `/api/v1/episodes/${id}/today`)) reads.push(p);
    };
    page.on('request', countReads);
    await page.reload();
    await heading(page, 'Today');
    await walks.locator('.plan-count', { hasText: `1 of ${walkItem.walks} done` }).waitFor();
    page.off('request', countReads);
    expect(reads.filter((p) => p.endsWith('/today'))).toHaveLength(0);
    expect(reads.filter((p) => p === '/api/v1/episodes').length).toBeLessThanOrEqual(1); // the "did it help?" prompt's own read
    const movements = await (await page.request.get(`/api/v1/episodes/${id}/movements`)).json();
    expect(movements.filter((m: { kind: string }) => m.kind === 'walk')).toEqual([expect.objectContaining({ kind: 'walk', minutes: walkItem.minutesEach })]);

    // The next step is a rest lying flat (rests come first when equally far along): counted down here, then ticked off.
    const rest = today.plan.find((i: { kind: string }) => i.kind === 'lie-flat');
    expect(rest, 'a plan with rests lying flat').toBeDefined();
    const card = page.locator('.next-step');
    expect(await card.getAttribute('data-next')).toBe('lie-flat');
    await card.getByRole('button', { name: `Lie flat for ${rest.minutes} minutes` }).click();
    expect(await card.getByRole('timer').innerText()).toMatch(/^\d+:\d\d left$/);
    await card.getByRole('button', { name: 'I’m up: tick it off' }).click();
    await page.locator('.plan-item.kind-lie-flat .plan-count', { hasText: `1 of ${rest.times} done` }).waitFor();
    await allSaved(page);

    // A stand break ticked by a slip, and taken back.
    await page.locator('.plan-item.kind-stand-breaks').getByRole('button', { name: 'I stood up' }).click();
    await page.locator('.undo-bar', { hasText: 'Stand-up break ticked off.' }).getByRole('button', { name: 'Undo' }).click();
    await page.locator('.undo-bar').waitFor({ state: 'detached' });
    await allSaved(page);
    await page.reload();
    await heading(page, 'Today');
    await page.locator('.plan-item.kind-stand-breaks .plan-so-far', { hasText: 'None logged yet today.' }).waitFor();
    const after = await (await page.request.get(`/api/v1/episodes/${id}/movements`)).json();
    expect(after.map((m: { kind: string }) => m.kind).sort()).toEqual(['lie-flat', 'walk']);
    expect(errors).toEqual([]);
  });

  it('after the day’s session is logged, says the session is done and offers an optional extra, not a new session', async () => {
    const { page, errors } = await h.newPage();
    const { id, today } = await checkedInWithWalks(page);
    const session = today.plan.find((i: { kind: string }) => i.kind === 'session');
    expect(session && !session.paused && session.exercises.length > 0).toBe(true);
    // Next step after the check-in, when a session is planned: its turn comes among the walks and rests.
    const logged = await page.request.put(`/api/v1/episodes/${id}/sessions/${crypto.randomUUID()}`, {
      data: {
        ...spanEndingNow(session.totalMinutes),
        painBefore: 3,
        painAfter: 3,
        feel: 'right',
        exercises: session.exercises.map((e: { exerciseId: string }) => ({ exerciseId: e.exerciseId, outcome: 'done' })),
      },
    });
    expect(logged.status()).toBe(200);
    // The walks and rests of the day, logged too, so everything planned is done.
    for (const item of today.plan as { kind: string; walks?: number; times?: number; minutesEach?: number; minutes?: number }[]) {
      const count = item.kind === 'walk' ? (item.walks ?? 0) : item.kind === 'lie-flat' ? (item.times ?? 0) : 0;
      for (let n = 0; n < count; n++) {
        const res = await page.request.put(`/api/v1/episodes/${id}/movements/${crypto.randomUUID()}`, {
          data: { kind: item.kind, startedAt: spanEndingNow(n + 2).startedAt, minutes: item.minutesEach ?? item.minutes ?? 5 },
        });
        expect(res.status()).toBe(200);
      }
    }

    await page.reload();
    await heading(page, 'Today');
    const sessionItem = page.locator('.plan-item.kind-session');
    await sessionItem.locator('.plan-count', { hasText: 'Done today' }).waitFor();
    expect(await sessionItem.getByRole('link', { name: 'Start today’s session' }).count()).toBe(0);
    const card = page.locator('.next-step');
    expect(await card.getAttribute('data-next')).toBe('done');
    expect(await card.getByRole('heading').innerText()).toContain('Today’s plan is done');
    const extra = card.locator('.next-action');
    expect(await extra.innerText()).toMatch(/optional/);
    expect(await page.getByRole('link', { name: /session/i }).count()).toBe(0);
    const progress = await page.locator('#day-progress').innerText();
    const [done, planned] = (/^(\d+) of (\d+) done/.exec(progress) ?? []).slice(1).map(Number);
    expect(done).toBe(planned);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'today-done.png') });
    expect(errors).toEqual([]);
  });
});

describe('Today holds still while it arrives', () => {
  it('from the episode form (scrolled down) on a 6× slower CPU: painted at the top, one heading node that keeps focus, and a primary button that never moves', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 4 });
    await continueFromSafety(page);
    await page.locator('#field-onsetDate').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    // Every display frame from the tap on: the scroll, which Today heading node is on the screen, and the button's box.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: { scrollY: number; heading: number; skeleton: boolean; button: string | null }[] };
      w.__frames = [];
      const ids = new WeakMap<Element, number>();
      let next = 1;
      const frame = () => {
        const h1 = document.querySelector('h1#screen-title');
        if (h1?.textContent === 'Today') {
          if (!ids.has(h1)) ids.set(h1, next++);
          const r = document.querySelector('.next-step .next-action')?.getBoundingClientRect();
          w.__frames.push({ scrollY: window.scrollY, heading: ids.get(h1) ?? 0, skeleton: document.querySelector('.today-skeleton') !== null, button: r ? `${r.x},${r.y},${r.width}x${r.height}` : null });
        }
        if (w.__frames.length < 2000) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await startEpisode(page);
    await heading(page, 'Today');
    await page.locator('.next-step .next-action').waitFor();
    await page.waitForTimeout(3_000);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const frames = await page.evaluate(() => (window as unknown as { __frames: { scrollY: number; heading: number; skeleton: boolean; button: string | null }[] }).__frames);

    expect(frames.length).toBeGreaterThanOrEqual(5);
    expect(frames.some((f) => f.skeleton), 'the plan took at least a frame to arrive').toBe(true);
    // The first frame Today is on the screen is at the top, not at the form's scroll offset.
    expect(frames[0]?.scrollY).toBe(0);
    // The heading shown while the plan loads is the one shown with the plan, and it has the focus.
    expect(new Set(frames.map((f) => f.heading))).toEqual(new Set([1]));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('screen-title');
    // Once painted, the primary button stays where it is.
    expect(new Set(frames.map((f) => f.button).filter((b) => b !== null)).size).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('advice that follows the data', () => {
  it('the first screen’s "severe" GP advice shows on Today at 8/10 and is gone, on Today and at the server, after check-ins at 3 and falling', async () => {
    const { page, errors } = await h.newPage();
    expect((await page.request.post('/api/v1/session/guest', { data: { timeZone: PERSON_TIME_ZONE } })).status()).toBe(201);
    const id = crypto.randomUUID();
    const start = await page.request.put(`/api/v1/episodes/${id}`, { data: { onsetDate: daysAgo(10), regions: ['low-back-center'], painNow: 8, safety: calmAnswers({ painNRS: 8 }) } });
    expect(start.status()).toBe(200);
    expect((await start.json()).triage.advisories).toEqual(['S2_SEVERE_OR_WORSENING']);

    await page.goto('/today');
    await heading(page, 'Today');
    const advice = page.locator('#triage.triage-gentle');
    await advice.waitFor();
    await advice.locator('summary').click();
    expect(await advice.innerText()).toContain(ADVISORY_WORDS.S2_SEVERE_OR_WORSENING);

    // Days 7 and 4 ago (noon UTC, that day in London whatever the season) at 5 and 4, and now, after the screen, at 3.
    for (const [at, pain] of [
      [`${daysAgo(7)}T12:00:00.000Z`, 5],
      [`${daysAgo(4)}T12:00:00.000Z`, 4],
      [new Date().toISOString(), 3],
    ] as const) {
      const res = await page.request.put(`/api/v1/episodes/${id}/check-ins/${crypto.randomUUID()}`, {
        data: { at, painNow: pain, painWorst24h: pain + 1, standStraight: 'yes', walkMinutes: 20 },
      });
      expect(res.status()).toBe(200);
    }
    const { today } = await serverToday(page);
    expect(today.triage.advisories).toEqual([]);
    expect(today.triage.gpReviewAdvised).toBe(false);

    await page.reload();
    await heading(page, 'Today');
    await page.locator('.next-step .next-action').waitFor();
    expect(await page.locator('#triage').count()).toBe(0);
    expect(await page.getByText(ADVISORY_WORDS.S2_SEVERE_OR_WORSENING).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
