import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { emergencyFromPartial, isRequiredSafetyField, SAFETY_STEPS, YES_NO_FIELDS, type PartialSafetyAnswers, type SafetyStepId, type YesNoField } from '../src/core/clinical';
import { localDateOf, zonedTimeToInstantMs } from '../src/core/time';
import { MORE_PLACES, TABS } from '../src/web/lib/places';

/** Steps a person takes, written once and shared by the tests. */

type Answer = 'Yes' | 'No' | 'Not sure';

export async function heading(page: Page, name: string | RegExp) {
  const h = page.getByRole('heading', { level: 1, name });
  await h.waitFor();
  return h;
}

export async function startNow(page: Page) {
  await page.goto('/');
  await heading(page, /Let’s ease it, gently/);
  await page.getByRole('button', { name: 'Start now' }).click();
  await heading(page, 'First, a few safety questions');
}

/** The pain each page's person gave to `answerSafety`; it is asked once, on the episode step after the safety steps. */
const painFor = new WeakMap<Page, number>();

const isYesNo = (f: string): f is YesNoField => (YES_NO_FIELDS as readonly string[]).includes(f);

/**
 * Walks the safety steps, answering "No" unless overridden, and stops on the last step (or at the emergency screen,
 * when a "yes" makes it one). `quick` clicks a step's "No" answers in one round trip (still real click events); the
 * newcomer test taps each one. `skipOptional` leaves the optional questions unanswered. Pain is not a safety step:
 * it is kept here and chosen on the episode step by `continueFromSafety`.
 */
export async function answerSafety(
  page: Page,
  opts: { age?: number; yes?: YesNoField[]; legWeakness?: string; pain?: number; weeks?: number; quick?: boolean; skipOptional?: boolean } = {},
) {
  const yes = new Set(opts.yes ?? []);
  if (opts.pain !== undefined) painFor.set(page, opts.pain);
  // What has been answered so far, so the helper knows (by the core's rule) when a "yes" makes it an emergency and
  // waits for that screen instead of racing it.
  const given: PartialSafetyAnswers = {};
  for (const [i, step] of SAFETY_STEPS.entries()) {
    await page.locator(`form.safety-step[data-step="${step.id}"]`).waitFor();
    expect(await page.locator('#safety-step-count').innerText()).toBe(`Step ${i + 1} of ${SAFETY_STEPS.length}`);
    const asked = step.fields.filter((f) => !(opts.skipOptional && !isRequiredSafetyField(f)));
    const noFields = asked.filter(isYesNo).filter((f) => !yes.has(f));
    if (opts.quick ?? true) {
      const clicked = await page.evaluate((fields) => {
        let n = 0;
        for (const f of fields) {
          const input = document.querySelector<HTMLInputElement>(`#field-safety-${f} input[type=radio][value=no]`);
          if (input) {
            input.click();
            n += 1;
          }
        }
        return n;
      }, noFields);
      expect(clicked).toBe(noFields.length);
    } else {
      for (const field of noFields) await page.locator(`#field-safety-${field}`).getByLabel('No', { exact: true }).check();
    }
    if (asked.includes('ageYears')) await page.locator('#field-safety-ageYears').fill(String(opts.age ?? 40));
    if (asked.includes('legWeakness')) await page.locator('#field-safety-legWeakness').getByLabel(opts.legWeakness ?? 'No weakness').check();
    if (asked.includes('weeksWithoutImprovement') && opts.weeks !== undefined) await page.locator('#field-safety-weeksWithoutImprovement').fill(String(opts.weeks));
    for (const field of noFields) Object.assign(given, { [field]: false });
    for (const field of asked.filter(isYesNo).filter((f) => yes.has(f))) {
      await page.locator(`#field-safety-${field}`).getByLabel('Yes' satisfies Answer, { exact: true }).click();
      Object.assign(given, { [field]: true });
      if (emergencyFromPartial(given)) {
        await page.locator('main.emergency').waitFor();
        return;
      }
      if (await page.locator('main.emergency').count()) return;
    }
    if (await page.locator('main.emergency').count()) return;
    if (i < SAFETY_STEPS.length - 1) await page.getByRole('button', { name: 'Continue' }).click();
  }
}

/** Answers "No" (age 40, no weakness) up to the safety step `id`, and stops there with it unanswered. */
export async function walkToSafetyStep(page: Page, id: SafetyStepId) {
  for (const step of SAFETY_STEPS) {
    const form = page.locator(`form.safety-step[data-step="${step.id}"]`);
    await form.waitFor();
    if (step.id === id) return;
    await page.evaluate(() => {
      for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('form.safety-step input[type=radio][value=no]'))) input.click();
    });
    if (step.fields.includes('ageYears')) await page.locator('#field-safety-ageYears').fill('40');
    if (step.fields.includes('legWeakness')) await page.locator('#field-safety-legWeakness').getByLabel('No weakness').check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
}

/** From the last safety step to the episode step, where the pain kept by `answerSafety` is chosen (asked once). */
export async function continueFromSafety(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, 'Tell us about this spasm');
  const pain = painFor.get(page);
  if (pain !== undefined) await page.locator(`#field-painNow-${pain}`).check();
}

export async function startEpisode(page: Page, regionLabels: string[] = ['Lower back, middle']) {
  for (const label of regionLabels) await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'See what this means' }).click();
}

/**
 * Answers the check-in's questions one by one (the body map keeps what it was filled in with: last time's places with
 * their own numbers). "Same as yesterday" is `sameAsBefore`.
 */
export async function checkIn(page: Page, opts: { painNow: number; worst: number; stand: 'Yes' | 'Partly' | 'Not yet'; walk: string; anythingNew?: boolean }) {
  await heading(page, 'Check in');
  await page.locator(`#field-painNow-${opts.painNow}`).check();
  await page.locator(`#field-painWorst24h-${opts.worst}`).check();
  await page.locator('#field-standStraight').getByLabel(opts.stand, { exact: true }).check();
  await page.locator('#field-walkMinutes').getByLabel(opts.walk, { exact: true }).check();
  await page.locator('#field-anythingNew').getByLabel(opts.anythingNew ? 'Yes, something is new or different' : 'No, nothing new').check();
}

/** The leg questions at a check-in (LegCheck): "No" to each unless named in `yes`, and no weakness. */
export async function answerLegQuestions(page: Page, yes: readonly YesNoField[] = []) {
  for (const f of ['bilateralLegSymptoms', 'radicularLegPainOneSide', 'saddleNumbness', 'bladderChange', 'bowelChange'] as const) {
    await page.locator(`#field-safety-${f}-${yes.includes(f) ? 'yes' : 'no'}`).check();
  }
  await page.locator('#field-safety-legWeakness').getByLabel('No weakness').check();
}

/** On the check-in screen: opens the list of named places under the body map (collapsed by default). */
export async function openPlaceList(page: Page) {
  const list = page.locator('.bodymap details.bm-list');
  if (!(await list.evaluate((d) => d.hasAttribute('open')))) await list.locator('summary').click();
}

/** What the server says about the person's newest episode, fetched with the page's own cookies. */
export async function serverToday(page: Page) {
  const episodes = await (await page.request.get('/api/v1/episodes')).json();
  expect(Array.isArray(episodes) && episodes.length > 0).toBe(true);
  const id: string = episodes[0].id;
  const res = await page.request.get(`/api/v1/episodes/${id}/today`);
  expect(res.status()).toBe(200);
  return { id, episode: episodes[0], today: await res.json() };
}

/** The harness's browsers live in Europe/London; dates a person types are counted there. */
export const PERSON_TIME_ZONE = 'Europe/London';

/** The instant at which the day holding `t` began in the person's time zone (the one calendar, src/core/time.ts). */
export function startOfPersonDay(t = Date.now()): number {
  return zonedTimeToInstantMs(localDateOf(new Date(t), PERSON_TIME_ZONE), '00:00', PERSON_TIME_ZONE);
}

/**
 * A logged stretch of `minutes` that ends now and lies wholly within today in the person's time zone: just after
 * midnight it is shorter (a minute at least, its end then a moment ahead, which the server's clock-skew allowance takes).
 */
export function spanEndingNow(minutes: number): { startedAt: string; endedAt: string } {
  const now = Date.now();
  const start = Math.max(now - minutes * 60_000, startOfPersonDay(now));
  return { startedAt: new Date(start).toISOString(), endedAt: new Date(Math.max(now, start + 60_000)).toISOString() };
}

/** YYYY-MM-DD, `days` calendar days before today in the person's time zone. */
export function daysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: PERSON_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - days)).toISOString().slice(0, 10);
}

/** Goes to a place as a person would: its tab in the main navigation, or "More" and then the place. */
export async function openNav(page: Page, label: string, title: string | RegExp = label) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  if (TABS.some((t) => t.label === label)) await nav.getByRole('link', { name: label, exact: true }).click();
  else {
    expect(MORE_PLACES.some((p) => p.label === label), `"${label}" is neither a tab nor listed under More`).toBe(true);
    await nav.getByRole('link', { name: 'More', exact: true }).click();
    await heading(page, 'More');
    await page.getByRole('main').getByRole('link', { name: label, exact: true }).click();
  }
  return heading(page, title);
}

/** On the check-in screen: "This is for" an earlier day (or today when `day` is null), under "Filling in a day you missed?". */
export async function checkInFor(page: Page, day: string | null) {
  const details = page.locator('details.for-day');
  const open = await details.evaluate((d) => d.hasAttribute('open'));
  if (day === null && !open) return; // closed: the check-in is for today
  if (!open) await details.locator('summary').click();
  const group = page.locator('#field-forDay');
  if (day === null) return group.getByLabel('Today', { exact: true }).check();
  await group.getByLabel('An earlier day', { exact: true }).check();
  await page.locator('#field-at').fill(day);
}

/** Starts an episode after the safety questions, whichever screen follows (Today, or the outcome first). */
export async function arriveAtToday(page: Page) {
  const title = page.getByRole('heading', { level: 1, name: /^(Today|Thank you for answering)$/ });
  await title.waitFor();
  if ((await title.innerText()) !== 'Today') {
    await page.getByRole('link', { name: 'See what you can do today' }).click();
    await heading(page, 'Today');
  }
  await page.locator('.plan-item').first().waitFor();
}

/** A new person with calm safety answers, an episode started and Today on screen. */
export async function arriveAsNewPerson(page: Page) {
  await startNow(page);
  await answerSafety(page, { age: 40, pain: 4 });
  await continueFromSafety(page);
  await startEpisode(page);
  await arriveAtToday(page);
}

/** Serious and critical axe violations: every WCAG 2.x A/AA rule, or only the rules named (e.g. contrast in a second theme). */
export async function seriousViolations(page: Page, only?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (only) builder.withRules(only);
  else builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${new URL(page.url()).pathname} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * A page time two hours or more behind the server's (so an hour fast-forwarded is still in the past for it), placed
 * between 01:00 and 21:30 in London, so that hour never crosses midnight whatever time the test runs.
 */
export function sameDayStart(): number {
  const t = Date.now() - 2 * 3600_000;
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t).split(':').map(Number);
  const minutes = (h ?? 0) * 60 + (m ?? 0);
  if (minutes < 60) return t - (minutes + 150) * 60_000; // back to 21:30 the evening before
  if (minutes > 21 * 60 + 30) return t - (minutes - 21 * 60) * 60_000; // back to 21:00
  return t;
}
