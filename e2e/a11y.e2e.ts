import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSafety, arriveAsNewPerson, continueFromSafety, heading, openNav, seriousViolations, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Whether the page's background is dark: its relative luminance (WCAG), well below mid-grey. */
async function looksDark(page: Page): Promise<boolean> {
  const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r = 255, g = 255, b = 255] = (rgb.match(/\d+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.1;
}

/** The screens a person uses every day (and the way back from a wrong address), each with what shows once loaded. */
const DAILY: [path: string, title: string, loaded: string][] = [
  ['/today', 'Today', '.plan-item'],
  ['/check-in', 'Check in', 'form'],
  ['/move', 'Keep moving', '.card'],
  ['/progress', 'Your progress', '.progress-summary'],
  ['/settings', 'Settings', '#field-theme'],
  ['/more', 'More', '.more-list'],
  ['/no-such-page', 'Page not found', '.action-bar'],
];

describe('accessibility (axe-core)', () => {
  // The theme chosen in Settings wins over the system's, both ways, and both themes pass.
  for (const [system, chosen] of [
    ['light', 'dark'],
    ['dark', 'light'],
  ] as const) {
    it(`a ${chosen} theme chosen in Settings (system ${system}) stays after a reload; Today, Check-in, Move, Progress, Settings, More and 'Page not found' pass axe in it`, async () => {
      const { page, errors } = await h.newPage({ colorScheme: system });
      await arriveAsNewPerson(page);
      await openNav(page, 'Settings');
      await page.locator('#field-theme').getByLabel(chosen === 'dark' ? 'Dark' : 'Light', { exact: true }).check();
      expect(await looksDark(page)).toBe(chosen === 'dark');
      // Notes the theme on <html> at the moment the app first puts anything on the screen.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!document.getElementById('root')?.childElementCount) return;
          document.documentElement.setAttribute('data-theme-at-first-render', document.documentElement.dataset.theme ?? 'none');
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.reload();
      await heading(page, 'Settings');
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme-at-first-render'))).toBe(chosen);
      expect(await page.locator('#field-theme').getByLabel(chosen === 'dark' ? 'Dark' : 'Light', { exact: true }).isChecked()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(chosen);

      for (const [where, title, loaded] of DAILY) {
        await page.goto(where);
        await heading(page, title);
        await page.locator(loaded).first().waitFor();
        expect(await looksDark(page), where).toBe(chosen === 'dark');
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(RESULTS_DIR, `theme-${chosen}${where.replace('/', '-')}-390.png`), fullPage: true });
      }
      expect(errors).toEqual([]);
    });
  }

  for (const [colorScheme, only] of [
    ['light', undefined],
    ['dark', ['color-contrast']],
  ] as const) {
    it(`Welcome, Safety, Check-in and Today have no serious or critical violations (${colorScheme} theme${only ? ', contrast' : ''})`, async () => {
      const rules = only ? [...only] : undefined;
      const { page } = await h.newPage({ colorScheme });
      await page.goto('/');
      await heading(page, /Let’s ease it, gently/);
      expect(await seriousViolations(page, rules)).toEqual([]);

      await startNow(page);
      // Checked with every error showing, so the error styles are covered too.
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.error-summary').waitFor();
      expect(await seriousViolations(page, rules)).toEqual([]);

      await answerSafety(page, { age: 40, pain: 4 });
      await continueFromSafety(page);
      await startEpisode(page);
      await heading(page, 'Today');
      await page.locator('.plan-item').first().waitFor();
      expect(await seriousViolations(page, rules)).toEqual([]);

      await page.getByRole('link', { name: 'Check in for today' }).click();
      await heading(page, 'Check in');
      // With the safety questions open again, the longest form the check-in can show.
      await page.locator('#field-anythingNew').getByLabel('Yes, something is new or different').check();
      expect(await seriousViolations(page, rules)).toEqual([]);
    });
  }

  it('targets are at least 48 px, text at least 17 px and nothing scrolls sideways on a 320 px screen', async () => {
    const { page } = await h.newPage({ viewport: { width: 320, height: 640 } });
    await startNow(page);
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('label.choice, label.pain-choice, label.check, .button, summary, nav a'))) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.height < 48 || r.width < 48)) found.push(`${el.className || el.tagName} ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('p, li, label, legend, button, input:not([type=radio]):not([type=checkbox])'))) {
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (el.offsetParent !== null && size < 17) found.push(`${el.tagName} ${size}px`);
      }
      if (document.documentElement.scrollWidth > window.innerWidth) found.push(`horizontal scroll: ${document.documentElement.scrollWidth}px`);
      return found;
    });
    expect(problems).toEqual([]);
  });
});
