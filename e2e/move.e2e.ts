import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSafety, arriveAtToday, checkIn, continueFromSafety, heading, openNav, sameDayStart, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Movement = { kind: string; minutes: number; startedAt: string };

async function newPerson(setup?: (page: Page) => Promise<void>) {
  const person = await h.newPage();
  await setup?.(person.page);
  await startNow(person.page);
  await answerSafety(person.page, { age: 40, pain: 5 });
  await continueFromSafety(person.page);
  await startEpisode(person.page);
  await arriveAtToday(person.page);
  const episodeId: string = (await (await person.page.request.get('/api/v1/episodes')).json())[0].id;
  const movements = async () => (await (await person.page.request.get(`/api/v1/episodes/${episodeId}/movements`)).json()) as Movement[];
  return { ...person, episodeId, movements };
}

/** The element's whole box is inside the first screen, above the bottom tab bar. */
async function aboveTabBar(page: Page, target: Locator) {
  const box = await target.boundingBox();
  const bar = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  expect(box).not.toBeNull();
  expect(bar).not.toBeNull();
  expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(bar?.y ?? 0);
  expect(bar?.y ?? 0).toBeLessThanOrEqual(844);
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('keep moving', () => {
  it('reminds a sitting person to stand, on any screen, snoozes once, and logs "I’m up" as a stand-up break', async () => {
    const { page, errors, movements } = await newPerson(async (p) => {
      // The page's clock starts 40 minutes behind, so every minute fast-forwarded below is still in the past for the server.
      await p.clock.install({ time: Date.now() - 40 * 60_000 });
      // A device with one voice (headless Chromium has speech synthesis but no voice), so "Read it to me" is offered.
      await p.addInitScript(() => {
        const voice = { name: 'Test voice', lang: 'en-GB', default: true, localService: true, voiceURI: 'test-voice' };
        Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [voice] });
      });
      // Every call to the browser's notification question is recorded, with whether the explanation was on screen.
      await p.addInitScript(() => {
        const w = window as unknown as { __asked: boolean[] };
        w.__asked = [];
        if (typeof Notification === 'undefined') return;
        const original = Notification.requestPermission.bind(Notification);
        Notification.requestPermission = (...args: Parameters<typeof Notification.requestPermission>) => {
          const why = document.getElementById('notify-why');
          w.__asked.push(Boolean(why && why.offsetParent !== null && why.textContent?.includes('only for these reminders')));
          return original(...args);
        };
      });
    });
    const asked = () => page.evaluate(() => (window as unknown as { __asked: boolean[] }).__asked);

    await openNav(page, 'Move', 'Keep moving');
    const intro = await page.locator('.sit-card').innerText();
    const every = Number(/every (\d+) minutes \(today’s plan\)/.exec(intro)?.[1]);
    expect(every).toBeGreaterThanOrEqual(15);
    // The one primary action is in the first screen, above the tab bar; the why is one tap away, closed.
    const sitDown = page.getByRole('button', { name: 'I’m sitting down' });
    expect(await sitDown.getAttribute('class')).toContain('primary');
    await aboveTabBar(page, sitDown);
    expect(await page.locator('.move .button.primary').count()).toBe(1);
    expect(await page.locator('details.move-why').evaluate((d) => d.hasAttribute('open'))).toBe(false);
    await page.getByText('Why stand up so often?').click();
    await page.locator('details.move-why', { hasText: 'Little and often' }).waitFor();
    // Before a first sitting, nothing about notifications: never a cold question.
    expect(await page.locator('#notify-why').count()).toBe(0);
    expect(await page.getByText('Reminders outside Unclench').count()).toBe(0);
    await sitDown.click();
    await page.locator('.sit-times', { hasText: 'Sitting since' }).waitFor();

    // A live countdown to the reminder: a timer, not announced at every tick, that counts down with the clock.
    const timer = page.getByRole('timer', { name: 'Stand up in' });
    expect(await timer.getAttribute('aria-live')).toBe('off');
    const left = async () => {
      const [m, sec] = (await timer.innerText()).split(':').map(Number);
      return (m ?? 0) * 60 + (sec ?? 0);
    };
    const atStart = await left();
    expect(atStart).toBeLessThanOrEqual(every * 60);
    expect(atStart).toBeGreaterThan(every * 60 - 30);
    await page.clock.fastForward(60_000);
    await expect.poll(left).toBeLessThanOrEqual(atStart - 60);
    expect(await left()).toBeGreaterThan(atStart - 90);

    await page.clock.fastForward((every - 2) * 60_000);
    expect(await page.getByRole('heading', { name: 'Time to stand up and move' }).count()).toBe(0);
    await page.clock.fastForward(2 * 60_000);
    await page.getByRole('heading', { level: 2, name: 'Time to stand up and move' }).waitFor();
    // A 30–60 second routine of standing movements from the catalogue, each with its figure.
    const routine = page.locator('.micro-item');
    expect(await routine.count()).toBeGreaterThanOrEqual(2);
    expect(await routine.count()).toBeLessThanOrEqual(3);
    for (const item of await routine.all()) {
      const figure = item.locator('svg[role="img"]');
      expect(await figure.locator('path').count()).toBeGreaterThanOrEqual(16);
      // The Library's thumbnail: the most telling keyframe, named by its phase, framed to its square box.
      expect(await figure.getAttribute('aria-label')).toMatch(/^Figure showing: .+, \S/);
      const [, , w, h] = ((await figure.getAttribute('viewBox')) ?? '').split(' ').map(Number);
      expect((w ?? 0) / (h ?? 1)).toBeCloseTo(1, 1);
    }
    // The player's voice reads the routine aloud, one movement after another.
    await page.evaluate(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(u.text);
    });
    await page.getByRole('button', { name: 'Read it to me' }).click();
    expect(await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length)).toBe(await routine.count());
    await page.screenshot({ path: path.join(RESULTS_DIR, 'move-stand-prompt.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The reminder follows the person to any screen; one snooze only.
    await openNav(page, 'Today');
    const banner = page.locator('.reminder-banner');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Snooze 10 minutes' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.clock.fastForward(10 * 60_000 + 1_000);
    await banner.waitFor();
    expect(await banner.getByRole('button', { name: 'Snooze 10 minutes' }).count()).toBe(0);
    await banner.getByRole('button', { name: 'I’m up' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect.poll(async () => (await movements()).filter((m) => m.kind === 'stand-break').length).toBe(1);
    await page.locator('.sync-status .sync-text', { hasText: 'All saved' }).waitFor();

    // Never a cold prompt: nothing asked so far; the question comes only from the explanation's own button.
    expect(await asked()).toEqual([]);
    await openNav(page, 'Move', 'Keep moving');
    const why = page.locator('#notify-why');
    await why.waitFor();
    expect(await why.innerText()).toContain('Your browser will ask');
    await why.getByRole('button', { name: 'Turn on reminders' }).click();
    await expect.poll(asked).toEqual([true]);
    expect(errors).toEqual([]);
  });

  it('says "Voice not available on this device" in the stand-up routine when the browser has no voice, and offers no "Read it to me"', async () => {
    // Headless Chromium has speech synthesis and no voice at all, as many Linux browsers do.
    const { page, errors } = await newPerson(async (p) => {
      await p.clock.install({ time: Date.now() - 40 * 60_000 });
    });
    expect(await page.evaluate(() => 'speechSynthesis' in window && window.speechSynthesis.getVoices().length === 0)).toBe(true);
    await openNav(page, 'Move', 'Keep moving');
    await page.getByRole('button', { name: 'I’m sitting down' }).click();
    await page.locator('.sit-times', { hasText: 'Sitting since' }).waitFor();
    await page.clock.fastForward(121 * 60_000);
    await page.getByRole('heading', { level: 2, name: 'Time to stand up and move' }).waitFor();
    await page.locator('.micro-routine').getByText('Voice not available on this device.', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Read it to me' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('times a walk with pauses, shows progress against today’s walks, and warns calmly over a label’s daily maximum', async () => {
    const { page, errors, episodeId, movements } = await newPerson(async (p) => {
      await p.clock.install({ time: Date.now() - 30 * 60_000 });
    });
    // Today's walks come from the plan, which sizes them from how long the person says they can walk.
    await openNav(page, 'Check in');
    await checkIn(page, { painNow: 4, worst: 5, stand: 'Partly', walk: '5 to 15 minutes' });
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await heading(page, 'Today');
    await openNav(page, 'Move', 'Keep moving');
    const goal = await page.locator('.walk-card').innerText();
    expect(goal).toMatch(/Today’s plan: \d+ walks? of about \d+ minutes?/);
    expect(goal).toContain('shoulders over hips');

    // A short walk is kept to the second, never rounded to 0 or 1 minute.
    await page.getByRole('button', { name: 'Start a walk' }).click();
    await page.clock.fastForward(45_000);
    await page.getByRole('button', { name: 'Stop and save' }).click();
    const saidShort = await page.locator('.walk-card .saved-note', { hasText: 'Saved: a' }).innerText();
    // The page's clock also runs on between the steps, by a few seconds on a busy machine.
    expect(saidShort).toMatch(/^Saved: a (4[5-9]|5\d)-second walk\.$/);
    await page.locator('#walk-progress-text', { hasText: /So far today: 1 walk, (4[5-9]|5\d) s of \d+ min/ }).waitFor();

    await page.getByRole('button', { name: 'Start a walk' }).click();
    await page.clock.fastForward('03:00');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.clock.fastForward('10:00');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.fastForward('02:00');
    expect(await page.locator('.walk-clock').innerText()).toMatch(/^5:0\d/);
    await page.getByRole('button', { name: 'Stop and save' }).click();
    await page.locator('.walk-card .saved-note', { hasText: /Saved: a (5-minute walk|walk of 5 min \d+ s)\./ }).waitFor();
    // 45 s and 5 min added up to the second: 5 min 45 s, or a few seconds more.
    await page.locator('#walk-progress-text', { hasText: /So far today: 2 walks, (5 min [45]\d s|6 min( [0-3]?\d s)?) of/ }).waitFor();
    await expect.poll(async () => (await movements()).length).toBe(2);
    const seconds = (await movements()).map((m) => Math.round(m.minutes * 60));
    expect(seconds[0]).toBeGreaterThanOrEqual(45);
    expect(seconds[0]).toBeLessThan(60);
    expect(seconds[1]).toBeGreaterThanOrEqual(300);
    expect(seconds[1]).toBeLessThan(330);

    // What helped: logged, never suggested; over the person's own label maximum, a calm warning.
    expect(await page.locator('.comfort-card').innerText()).toContain('never suggests a medicine or a dose');
    const log = async (amount: string) => {
      await page.locator('#field-comfortKind').getByLabel('Tablet or capsule', { exact: true }).check();
      await page.getByLabel('Name', { exact: true }).fill('Ibuprofen');
      await page.locator('#field-comfortUnit').getByLabel('Tablets', { exact: true }).check();
      await page.getByLabel('How many tablets?').fill(amount);
      await page.getByLabel(/Daily maximum from your own package label/).fill('3');
      await page.getByRole('button', { name: 'Save this entry' }).click();
      await page.locator('.comfort-card .saved-note', { hasText: `Saved: Ibuprofen, ${amount} tablets` }).waitFor();
    };
    await log('2');
    expect(await page.locator('.over-limit').count()).toBe(0);
    await log('2');
    const warning = page.locator('.over-limit');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('4 tablets of Ibuprofen');
    expect(await warning.innerText()).toContain('most your label allows in a day is 3 tablets');
    const comfort = (await (await page.request.get(`/api/v1/episodes/${episodeId}/comfort`)).json()) as { overLimit: unknown }[];
    expect(comfort).toHaveLength(2);
    expect(comfort[1]?.overLimit).toMatchObject({ name: 'Ibuprofen', total: 4, dailyMax: 3, unit: 'tablets' });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'move-walk-comfort.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await heading(page, 'Keep moving');
    expect(errors).toEqual([]);
  });
  it('logs heat in minutes with no label question, and asks “Did it help?” an hour later on Move and in a small prompt on Today, saved with the entry', async () => {
    const { page, errors, episodeId } = await newPerson(async (p) => {
      await p.clock.install({ time: sameDayStart() });
    });
    await openNav(page, 'Move', 'Keep moving');
    const kinds = page.locator('#field-comfortKind .choice');
    // allInnerTexts does not wait: wait for the comfort card's choices to be drawn first.
    await kinds.first().waitFor();
    // Heat, cold and movement aids come first; tablets after creams and patches.
    const labels = (await kinds.allInnerTexts()).map((t) => t.trim());
    expect(labels.slice(0, 3)).toEqual(['Heat', 'Cold', 'A walking aid or support']);
    expect(labels.indexOf('Tablet or capsule')).toBeGreaterThan(labels.indexOf('Cream or gel'));

    // "Logged today" is its own part of the card, a clear gap below the Save button.
    const save = await page.getByRole('button', { name: 'Save this entry' }).boundingBox();
    const logged = await page.locator('#comfort-today-title').boundingBox();
    expect((logged?.y ?? 0) - ((save?.y ?? 0) + (save?.height ?? 0))).toBeGreaterThanOrEqual(16);
    await page.locator('#field-comfortKind').getByLabel('Heat', { exact: true }).check();
    expect(await page.getByLabel(/Daily maximum/).count()).toBe(0);
    await page.getByLabel('Name', { exact: true }).fill('Hot water bottle');
    await page.getByLabel('For how many minutes?').fill('20');
    await page.getByRole('button', { name: 'Save this entry' }).click();
    await page.locator('.comfort-card .saved-note', { hasText: 'Saved: Hot water bottle, 20 minutes' }).waitFor();
    expect(await page.locator('.comfort-entry').innerText()).toContain('Heat · 20 minutes');
    expect(await page.locator('.helped-prompt').count()).toBe(0);
    await page.locator('#field-comfortKind').getByLabel('Cold', { exact: true }).check();
    await page.getByLabel('Name', { exact: true }).fill('Cold pack');
    await page.getByLabel('For how many minutes?').fill('10');
    await page.getByRole('button', { name: 'Save this entry' }).click();
    await page.locator('.comfort-card .saved-note', { hasText: 'Saved: Cold pack, 10 minutes' }).waitFor();

    // An hour later the question appears on Move; the answer goes with the same entry.
    await page.clock.fastForward(61 * 60_000);
    const prompt = page.locator('.comfort-card .helped-prompt', { hasText: 'Hot water bottle, 20 minutes' });
    await prompt.waitFor();
    expect(await page.locator('.comfort-card .helped-prompt').count()).toBe(2);
    await prompt.getByRole('button', { name: 'A little' }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.locator('.comfort-entry', { hasText: 'Did it help? A little' }).waitFor();
    // Both were logged in the same minute, so they are compared by name.
    const comfort = async () =>
      ((await (await page.request.get(`/api/v1/episodes/${episodeId}/comfort`)).json()) as { name: string; unit: string; helped: string | null }[]).sort((a, b) => a.name.localeCompare(b.name));
    await expect.poll(async () => (await comfort()).map((c) => [c.name, c.unit, c.helped])).toEqual([
      ['Cold pack', 'minutes', null],
      ['Hot water bottle', 'minutes', 'a_little'],
    ]);

    // On Today, a small prompt asks about the other one.
    await openNav(page, 'Today');
    const small = page.locator('.helped-banner .helped-prompt');
    await small.waitFor();
    expect(await small.innerText()).toContain('Cold pack, 10 minutes');
    await small.getByRole('button', { name: 'No' }).click();
    await page.locator('.helped-banner', { hasText: 'Thank you. Saved for Cold pack.' }).waitFor();
    await expect.poll(async () => (await comfort()).map((c) => c.helped)).toEqual(['no', 'a_little']);
    await openNav(page, 'Move', 'Keep moving');
    await page.locator('.comfort-entry', { hasText: 'Did it help? No' }).waitFor();
    expect(await page.locator('.helped-prompt').count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'move-comfort-helped.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
