import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSafety, continueFromSafety, heading, seriousViolations, startEpisode, startNow } from './flows';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});


describe('accessibility (axe-core)', () => {
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
