import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSafety, continueFromSafety, heading, startNow, walkToSafetyStep } from './flows';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('validation', () => {
  it('shows the server’s message beside its field when the server rejects a value', async () => {
    const { page } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 5 });
    await continueFromSafety(page);
    await page.getByLabel('Lower back, middle', { exact: true }).check();

    // The page sends pain 5; on the way the request is changed to 11, which only the server can refuse.
    let serverMessage = '';
    await page.route('**/api/v1/episodes/*', async (route) => {
      const request = route.request();
      if (request.method() !== 'PUT') return route.continue();
      const body = { ...request.postDataJSON(), painNow: 11 };
      const response = await route.fetch({ postData: JSON.stringify(body) });
      const json = await response.json();
      serverMessage = json.error?.issues?.find((i: { path: string }) => i.path === 'painNow')?.message ?? '';
      await route.fulfill({ response, json });
    });
    await page.getByRole('button', { name: 'See what this means' }).click();

    const error = page.locator('#field-painNow-error');
    await error.waitFor();
    expect(serverMessage).not.toBe('');
    expect((await error.innerText()).toLowerCase()).toContain(serverMessage.toLowerCase());
    expect(await page.locator('#field-painNow-5').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-painNow').getAttribute('aria-describedby')).toContain('field-painNow-error');
    // The summary at the top names it too, and the person is still on the same screen with their answers.
    expect(await page.locator('.error-summary').innerText()).toContain('Pain now');
    await heading(page, 'Tell us about this spasm');
    expect(await page.getByLabel('Lower back, middle', { exact: true }).isChecked()).toBe(true);
  });

  it('checks on the page first: unanswered questions and an impossible age are marked beside each field', async () => {
    const { page } = await h.newPage();
    await startNow(page);
    // Each step checks its own questions.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#field-safety-saddleNumbness-error').innerText()).toContain('Please choose an answer');
    expect(await page.locator('.error-summary').innerText()).toMatch(/questions still need an answer/);
    // On the step that asks the age, an impossible one is marked beside it.
    await walkToSafetyStep(page, 'about-you');
    await page.locator('#field-safety-ageYears').fill('130');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#field-safety-ageYears-error').innerText()).toContain('120 or less');
    expect(await page.locator('#field-safety-ageYears').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-safety-firstEpisode-error').innerText()).toContain('Please choose an answer');
    await heading(page, 'First, a few safety questions');
  });
});
