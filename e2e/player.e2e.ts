import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISES, exerciseById } from '../src/core/exercises';
import { sceneFor } from '../src/core/exercises/scenes';
import { phaseHighlights } from '../src/core/pose/highlight';
import { stageOf } from '../src/core/pose/scene';
import { answerSafety, arriveAtToday, checkIn, continueFromSafety, heading, openNav, serverToday, startEpisode, startNow, startOfPersonDay } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';
import type { BrowserContextOptions } from 'playwright-core';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Longest time to get into position before a movement (core/session/entries.ts), plus a little. */
const GET_READY_MS = 12_000 + 300;

/**
 * A new person with an episode, whose page runs on Playwright's fake clock so minutes of session take moments.
 * The clock starts 20 minutes behind the server's, so a session fast-forwarded to its end is still in the past.
 */
async function newPerson(options: BrowserContextOptions = {}, voice: 'fake' | 'silent' | 'removed' = 'fake', clock: 'behind' | 'same-day' = 'behind') {
  const person = await h.newPage(options);
  await person.context.addInitScript({ fake: FAKE_VOICE, silent: NO_VOICES, removed: NO_SPEECH }[voice]);
  // 'same-day': for a test that compares the page's day with the server's (just after midnight, less far behind).
  const behind = Date.now() - 20 * 60_000;
  await person.page.clock.install({ time: clock === 'same-day' ? Math.max(behind, startOfPersonDay()) : behind });
  await startNow(person.page);
  await answerSafety(person.page, { age: 40, pain: 4 });
  await continueFromSafety(person.page);
  await startEpisode(person.page);
  await arriveAtToday(person.page);
  return person;
}

/**
 * A device with one voice: headless Chromium has speech synthesis but no voice at all, so the voiced path needs one.
 * It keeps what it is asked to say (window.__spoken), so a test can hear the voice and read the captions together.
 */
function FAKE_VOICE() {
  const spoken: string[] = [];
  const voice = { name: 'Test voice', lang: 'en-GB', default: true, localService: true, voiceURI: 'test-voice' };
  const synth = Object.assign(new EventTarget(), {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => [voice],
    speak: (u: SpeechSynthesisUtterance) => void spoken.push(u.text),
    cancel: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, '__spoken', { value: spoken });
}

/** Speech synthesis with no voice to speak with (as on many Linux browsers). */
function NO_VOICES() {
  const synth = Object.assign(new EventTarget(), { speaking: false, pending: false, paused: false, getVoices: () => [], speak: () => undefined, cancel: () => undefined });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

/** A browser without speech synthesis at all. */
function NO_SPEECH() {
  for (const target of [window, Window.prototype]) {
    Reflect.deleteProperty(target, 'speechSynthesis');
    Reflect.deleteProperty(target, 'SpeechSynthesisUtterance');
  }
}

const lastSpoken = (page: Page) => page.evaluate(() => (Reflect.get(window, '__spoken') as string[] | undefined)?.at(-1) ?? null);

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${new URL(page.url()).pathname} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The figure's colours in the theme now in force, from the stylesheet. */
async function figureColours(page: Page): Promise<{ near: string; body: string[] }> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    const v = (name: string) => style.getPropertyValue(`--figure-${name}`).trim();
    return { near: v('near'), body: ['near', 'far', 'pelvis', 'moving', 'moving-far', 'hair'].map(v) };
  });
}

/**
 * The animated figure as it shows on screen. Its body is painted on a canvas in a worker, which the page cannot read
 * back, so this takes a screenshot of the figure and has the page decode it: how many pixels are `near` (a colour
 * only the body uses), and a fingerprint of where the body's pixels are (any of `body`'s colours), which changes
 * when the body moves and not when only the arrow does.
 */
async function figureOnScreen(page: Page, colours: { near: string; body: string[] }): Promise<{ near: number; body: number; where: string }> {
  const png = (await page.locator('.player-figure .figure-live').screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, colours }) => {
      const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      const near = rgb(colours.near);
      const body = colours.body.map(rgb);
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas');
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const is = (i: number, c: number[]) => Math.abs((data[i] ?? 0) - (c[0] ?? 0)) <= 2 && Math.abs((data[i + 1] ?? 0) - (c[1] ?? 0)) <= 2 && Math.abs((data[i + 2] ?? 0) - (c[2] ?? 0)) <= 2;
      let nearCount = 0;
      let bodyCount = 0;
      let hash = 2166136261;
      for (let i = 0; i < data.length; i += 4) {
        if (is(i, near)) nearCount++;
        if (body.some((c) => is(i, c))) {
          bodyCount++;
          hash = Math.imul(hash ^ (i / 4), 16777619) >>> 0;
        }
      }
      return { near: nearCount, body: bodyCount, where: `${bodyCount}:${hash}` };
    },
    { png, colours },
  );
}

/** The figure once a frame still on its way to the screen has landed: the same twice running. */
async function settledFigure(page: Page, colours: { near: string; body: string[] }) {
  let last = await figureOnScreen(page, colours);
  for (let tries = 0; tries < 20; tries++) {
    await page.waitForTimeout(100);
    const next = await figureOnScreen(page, colours);
    if (next.where === last.where) return next;
    last = next;
  }
  return last;
}

async function painAndFeelThenSave(page: Page, painAfter: number, feel: string, screenshot?: string) {
  await page.getByRole('heading', { level: 2, name: 'That’s it for now' }).waitFor();
  await page.locator(`#field-painAfter-${painAfter}`).check();
  await page.locator('#field-feel').getByLabel(new RegExp(`^${feel}`)).check();
  if (screenshot) await page.screenshot({ path: path.join(RESULTS_DIR, screenshot), fullPage: true });
  await page.getByRole('button', { name: 'Save and go to Today' }).click();
  await heading(page, 'Today');
}

type SessionLogJson = { id: string; painBefore: number; painAfter: number; feel: string; exercises: { exerciseId: string; outcome: string; painDuring?: number; reps?: number }[] };

async function sessionsOf(page: Page): Promise<SessionLogJson[]> {
  const episodes = await (await page.request.get('/api/v1/episodes')).json();
  return (await page.request.get(`/api/v1/episodes/${episodes[0].id}/sessions`)).json();
}

describe('the guided session player', () => {
  it('runs today’s session: pain before, a moving figure, "This hurts", the end, pain after, then History and a gentler Today', async () => {
    const { page, errors } = await newPerson();

    // A five-minute session keeps the run short; the preference is set from the page, as Settings would.
    const status = await page.evaluate(async () => {
      const prefs = await (await fetch('/api/v1/preferences')).json();
      const res = await fetch('/api/v1/preferences', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...prefs, sessionMinutes: 5 }) });
      return res.status;
    });
    expect(status).toBe(200);
    await page.goto('/today');
    await heading(page, 'Today');

    await page.getByRole('link', { name: 'Start today’s session' }).click();
    await heading(page, 'Today’s session');
    expect(new URL(page.url()).pathname).toBe('/session');
    await expect.poll(() => page.locator('.player-list li').count()).toBeGreaterThanOrEqual(2);
    const planned = await page.locator('.player-list li').count();

    // Start needs the pain now; without it a calm message points at the scale.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => page.locator('#field-painBefore-error').count()).toBe(1);
    await page.locator('#field-painBefore-3').check();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'player-before-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    const player = page.locator('.player');
    await player.waitFor();
    expect(await player.getAttribute('data-status')).toBe('running');
    expect(await page.locator('.player-progress').innerText()).toBe(`Movement 1 of ${planned}`);
    expect(await page.getByRole('switch', { name: /Sound/ }).getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('.player-captions [aria-live="polite"]').innerText()).not.toBe('');
    const firstId = await player.getAttribute('data-exercise-id');

    // Past "get into position", the figure moves: its body, painted on a canvas in a worker, is somewhere else on
    // screen a moment later.
    await page.clock.runFor(GET_READY_MS);
    expect(await page.locator('.player-timer').getAttribute('data-phase')).not.toBe('get-ready');
    expect(await page.locator('.player-figure canvas').getAttribute('data-painted-in')).toBe('worker');
    expect(await page.locator('.player-figure [role="img"]').getAttribute('aria-label')).toMatch(/^Figure showing: .+, \S/);
    const light = await figureColours(page);
    const before = await settledFigure(page, light);
    // A person, not a speck: the figure's near colour covers a good part of its box.
    expect(before.near).toBeGreaterThan(2000);
    // Some movements start with a slow part or a short still hold: step on in small moments until a frame differs.
    let after = before;
    for (let waited = 0; waited < 8_000 && after.where === before.where; waited += 400) {
      await page.clock.runFor(400);
      after = await settledFigure(page, light);
    }
    expect(after.where).not.toBe(before.where);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'player-running-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // Pause freezes the figure; resume moves it again.
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await settledFigure(page, light);
    await page.clock.runFor(1000);
    expect((await settledFigure(page, light)).where).toBe(paused.where);
    expect(await player.getAttribute('data-status')).toBe('paused');

    // The system turning dark while the player is open repaints the body in the dark theme's colours.
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await figureColours(page);
    expect(dark.near).not.toBe(light.near);
    await expect.poll(async () => (await figureOnScreen(page, dark)).near).toBeGreaterThan(2000);
    expect((await figureOnScreen(page, light)).near).toBe(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'player-paused-dark-phone.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Resume' }).click();

    // "This hurts" stops at once and offers the choices, asking how much it hurts.
    await page.getByRole('button', { name: 'This hurts' }).click();
    await page.getByRole('heading', { name: 'Let’s stop here' }).waitFor();
    expect(await player.getAttribute('data-status')).toBe('hurt');
    expect(await page.locator('.player-figure').count()).toBe(0);
    await page.locator('#field-painDuring-6').check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'player-hurt-phone.png') });
    const easier = page.getByRole('button', { name: /^Try an easier version/ });
    const swapped = (await easier.count()) > 0;
    if (swapped) await easier.click();
    else await page.getByRole('button', { name: 'Skip this movement' }).click();
    await expect.poll(() => player.getAttribute('data-status')).toBe('running');
    expect(await player.getAttribute('data-exercise-id')).not.toBe(firstId);

    // The rest of the session, minutes later.
    await page.clock.fastForward(15 * 60_000);
    await painAndFeelThenSave(page, 4, 'About right', 'player-after-phone.png');

    // The log goes through the outbox; its timers run on the page's fake clock, so move the clock on while waiting.
    await expect
      .poll(async () => {
        await page.clock.runFor(16_000);
        return (await sessionsOf(page)).length;
      }, { timeout: 20_000 })
      .toBe(1);
    const [log] = await sessionsOf(page);
    if (!log) throw new Error('the session was not saved');
    expect(log).toMatchObject({ painBefore: 3, painAfter: 4, feel: 'right' });
    expect(log.exercises[0]).toMatchObject({ exerciseId: firstId, outcome: swapped ? 'swapped' : 'skipped', painDuring: 6 });
    expect(log.exercises.slice(1).every((e) => e.outcome === 'done')).toBe(true);

    // Today answers the pain: an easier version, or a step back after the flare.
    const gentler = page.locator('[data-reason-code="easier-variant"], [data-reason-code="flare-step-back"], [data-reason-code="flare-hold"], [data-reason-code="session-capped-flare"], [data-reason-code="dose-lighter"]');
    await expect.poll(() => gentler.count()).toBeGreaterThan(0);

    // History lists it, with each movement's outcome by name.
    await openNav(page, 'History', 'Your sessions');
    const item = page.locator('.history-item').first();
    await item.waitFor();
    expect(await page.locator('.history-item').count()).toBe(1);
    const first = item.locator(`[data-exercise-id="${firstId}"]`);
    expect(await first.getAttribute('data-outcome')).toBe(swapped ? 'swapped' : 'skipped');
    expect(await first.innerText()).toMatch(swapped ? /Swapped for an easier version/ : /Skipped, pain 6/);
    expect(await item.innerText()).toMatch(/3 — mild before, 4 — moderate after/);
    expect(await item.innerText()).toContain('About right');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'history-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('with reduced motion shows stills that change only at a new phase; tries one movement from the library and swaps it (320 px, dark)', async () => {
    const { page, errors } = await newPerson({ reducedMotion: 'reduce', colorScheme: 'dark', viewport: { width: 320, height: 640 } });

    // History starts with a designed empty state.
    await openNav(page, 'History', 'Your sessions');
    await page.getByRole('heading', { name: 'Nothing here yet' }).waitFor();

    type ApiExercise = { id: string; name: string; stages: string[]; easierId: string | null; dose: { kind: string; secondsPerRep?: number }; keyframes: { phase: string }[] };
    const all: ApiExercise[] = await (await page.request.get('/api/v1/exercises')).json();
    const chosen = all.find((e) => e.easierId && e.dose.kind === 'reps' && new Set(e.keyframes.map((k) => k.phase)).size >= 3);
    if (!chosen || chosen.dose.kind !== 'reps' || !chosen.dose.secondsPerRep) throw new Error('no movement with reps and an easier version');
    const easierName = all.find((e) => e.id === chosen.easierId)?.name;

    await page.goto(`/library/${chosen.id}`);
    await heading(page, chosen.name);
    // A movement with an easier version is not one of the first stage's: trying it takes a deliberate second tap.
    const { stage } = (await serverToday(page)).today;
    if (chosen.stages.includes(stage)) await page.getByRole('link', { name: 'Try this movement' }).click();
    else {
      await page.getByRole('button', { name: 'Try this movement' }).click();
      await page.getByRole('button', { name: 'Try it anyway' }).click();
    }
    await heading(page, chosen.name);
    expect(new URL(page.url()).pathname).toBe(`/session/${chosen.id}`);
    await page.locator('#field-painBefore-2').check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const figure = page.locator('.player-figure');
    await figure.waitFor();
    expect(await figure.getAttribute('data-motion')).toBe('stills');

    // Through one whole repetition: within a phase the still never changes; it changes only with the phase.
    await page.clock.runFor(GET_READY_MS);
    const samples: { phase: string | null; lines: string[]; lit: string | null; litShapes: number }[] = [];
    const steps = Math.ceil((chosen.dose.secondsPerRep * 1000) / 250) + 1;
    for (let i = 0; i < steps; i++) {
      // Phase and lines are read in one go, so a render landing between two reads cannot mix two frames.
      samples.push(
        await figure.evaluate((el) => ({
          phase: el.getAttribute('data-phase'),
          lines: [...el.querySelectorAll('svg path')].map((l) => l.getAttribute('d') ?? ''),
          lit: el.getAttribute('data-lit'),
          litShapes: el.querySelectorAll('svg path.fig-moving, svg path.fig-moving-far').length,
        })),
      );
      await page.clock.runFor(250);
    }
    let changes = 0;
    for (let i = 1; i < samples.length; i++) {
      const [a, b] = [samples[i - 1], samples[i]];
      if (!a || !b) continue;
      if (a.phase === b.phase) expect(b.lines, `frame ${i} in phase ${b.phase}`).toEqual(a.lines);
      else changes += 1;
    }
    expect(changes).toBeGreaterThan(0);
    // Each phase lights the part that moves in it, as the core works it out; the figure draws it lit.
    const core = exerciseById(chosen.id);
    if (!core) throw new Error(chosen.id);
    const scene = sceneFor(core);
    const lit = phaseHighlights(core.keyframes, scene, stageOf(scene, core.keyframes.map((k) => k.pose)).boxes);
    for (const sample of samples) {
      const allowed = core.keyframes.flatMap((k, i) => (k.phase === sample.phase ? [lit[i]?.join(' ')] : []));
      expect(allowed, `phase ${sample.phase}`).toContain(sample.lit);
      expect(sample.litShapes, `phase ${sample.phase}`).toBeGreaterThan(0);
    }

    // On a 320 px phone in the dark theme: nothing scrolls sideways, the buttons are big, contrast holds.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    for (const box of await page.locator('.player-controls .button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))) {
      expect(box.height).toBeGreaterThanOrEqual(48);
      expect(box.width).toBeGreaterThanOrEqual(48);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'player-320-dark.png') });

    // "This hurts" → the easier version takes its place.
    await page.getByRole('button', { name: 'This hurts' }).click();
    await page.locator('#field-painDuring-4').check();
    await page.getByRole('button', { name: `Try an easier version: ${easierName}` }).click();
    await page.getByRole('heading', { level: 2, name: easierName }).waitFor();
    expect(await page.locator('.player').getAttribute('data-exercise-id')).toBe(chosen.easierId);
    expect(await page.locator('.player-progress').innerText()).toBe('Movement 1 of 1');
    await page.getByRole('button', { name: 'End the session now' }).click();
    await painAndFeelThenSave(page, 2, 'Too easy');

    const [log] = await sessionsOf(page);
    expect(log?.exercises.map((e) => [e.exerciseId, e.outcome])).toEqual([
      [chosen.id, 'swapped'],
      [chosen.easierId, 'skipped'],
    ]);
    expect(log?.exercises[0]?.painDuring).toBe(4);
    await openNav(page, 'History', 'Your sessions');
    expect(await page.locator(`.history-item [data-exercise-id="${chosen.id}"]`).getAttribute('data-outcome')).toBe('swapped');
    expect(errors).toEqual([]);
  });
});

describe('what the player shows and says', () => {
  /** A hold done on both sides at once, with a set-up cue and movement cues, meant for every stage. */
  const HOLDING = EXERCISES.find((e) => e.dose.kind === 'hold' && e.dose.sides === 'both' && e.cues.length >= 3 && e.stages.length === 5);

  async function startOne(page: Page, exerciseId: string) {
    await page.goto(`/session/${exerciseId}`);
    await page.locator('#field-painBefore-2').check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.locator('.player').waitFor();
  }
  const caption = (page: Page) => page.locator('.player-captions [aria-live="polite"]').innerText();

  it('captions are the step on screen, as the voice says it; paused shows "Paused" and Resume, with no timer or cue; the bar covers nothing', async () => {
    if (!HOLDING) throw new Error('no hold for every stage in the catalogue');
    const [setUp, ...movementCues] = HOLDING.cues;
    const { page, errors } = await newPerson();
    await startOne(page, HOLDING.id);

    // Getting into position: the set-up step, said and shown alike.
    expect(await page.locator('.player-timer').getAttribute('data-phase')).toBe('get-ready');
    expect(await caption(page)).toBe(`${HOLDING.name}. ${setUp}`);
    await expect.poll(() => lastSpoken(page)).toBe(`${HOLDING.name}. ${setUp}`);

    // Every moment of the holds: the caption is the hold's instruction with the cue on screen, never the set-up.
    await page.clock.runFor(GET_READY_MS);
    for (let i = 0; i < 12; i++) {
      const moment = await page.evaluate(() => ({
        phase: document.querySelector('.player-timer')?.getAttribute('data-phase') ?? null,
        cue: document.querySelector('.player-cue')?.textContent ?? '',
        caption: document.querySelector('.player-captions [aria-live="polite"]')?.textContent ?? '',
      }));
      if (moment.phase === 'hold') {
        expect(movementCues).toContain(moment.cue);
        expect(moment.caption).toBe(`Hold gently. ${moment.cue}`);
      } else expect(moment.phase).toBe('rest');
      await expect.poll(() => lastSpoken(page)).toBe(moment.caption);
      await page.clock.runFor(1000);
    }

    // Paused: a big "Paused" and Resume (focused), and nothing that counts or moves on.
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = page.locator('.player-paused');
    await paused.waitFor();
    expect(await paused.locator('.paused-title').innerText()).toBe('Paused');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Resume');
    await page.clock.runFor(3000);
    expect(await page.locator('[role="timer"], .player-cue').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Resume' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'player-paused-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // Scrolled to the end, the bar sits below the last of the session and above the tab bar; it holds "End".
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const boxes = await page.evaluate(() => {
      const box = (el: Element | null) => (el ? el.getBoundingClientRect().toJSON() : null);
      return {
        captions: box(document.querySelector('.player-captions')),
        bar: box(document.querySelector('.player-controls')),
        tabs: box(document.querySelector('nav[aria-label="Main"]')),
      };
    });
    if (!boxes.captions || !boxes.bar) throw new Error('no captions or no control bar');
    expect(boxes.captions.bottom).toBeLessThanOrEqual(boxes.bar.top);
    if (boxes.tabs && boxes.tabs.top > boxes.bar.top) expect(boxes.bar.bottom).toBeLessThanOrEqual(boxes.tabs.top + 0.5);
    expect(await page.locator('.player-controls').getByRole('button', { name: 'End the session now' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator('[role="timer"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('asks pain once a day: "pain before" starts from today’s check-in, says so, stays changeable, and “pain after” is still asked', async () => {
    if (!HOLDING) throw new Error('no hold for every stage in the catalogue');
    const { page, errors } = await newPerson({}, 'fake', 'same-day');
    await openNav(page, 'Check in');
    await checkIn(page, { painNow: 6, worst: 7, stand: 'Partly', walk: '5 to 15 minutes' });
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await heading(page, 'Today');

    await page.goto(`/session/${HOLDING.id}`);
    await heading(page, HOLDING.name);
    expect(await page.locator('#field-painBefore-6').isChecked()).toBe(true);
    const note = page.locator('.pain-from-checkin');
    expect(await note.innerText()).toMatch(/^Pain 6, from your check-in at \d\d:\d\d, so we don’t ask again\./);
    // Above the scale, so it is read before the Start bar can cover anything.
    expect((await note.boundingBox())?.y ?? Infinity).toBeLessThan((await page.locator('#field-painBefore-0').boundingBox())?.y ?? 0);
    // Still the person's answer: another number replaces it, and the note says so.
    await page.locator('#field-painBefore-5').check();
    await page.locator('.pain-from-checkin', { hasText: 'said 6; this session keeps the number you chose now' }).waitFor();
    await page.locator('#field-painBefore-6').check();
    await page.locator('.pain-from-checkin', { hasText: 'Pain 6, from your check-in' }).waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.locator('.player').waitFor();
    await page.getByRole('button', { name: 'End the session now' }).click();
    await painAndFeelThenSave(page, 3, 'About right');
    const [log] = await sessionsOf(page);
    expect(log).toMatchObject({ painBefore: 6, painAfter: 3 });
    expect(errors).toEqual([]);
  });

  it.each([
    ['has no speech synthesis', 'removed'],
    ['has speech synthesis but no voice', 'silent'],
  ] as const)('says "Voice not available on this device" when the browser %s, and the captions carry the words', async (_name, voice) => {
    if (!HOLDING) throw new Error('no hold for every stage in the catalogue');
    const { page, errors } = await newPerson({}, voice);
    expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(voice === 'silent');
    await page.goto(`/session/${HOLDING.id}`);
    await page.getByText('Voice is not available on this device, so the captions on screen show every instruction.').waitFor();
    await page.locator('#field-painBefore-2').check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByText('Voice not available on this device', { exact: true }).waitFor();
    expect(await page.getByRole('switch', { name: /Sound/ }).count()).toBe(0);
    expect(await page.getByText(/Sound on/).count()).toBe(0);
    expect(await caption(page)).toBe(`${HOLDING.name}. ${HOLDING.cues[0]}`);
    expect(errors).toEqual([]);
  });
});
