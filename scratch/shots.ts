import { startHarness } from '../e2e/harness';
import { answerSafety, arriveAtToday, checkIn, continueFromSafety, heading, startEpisode, startNow } from '../e2e/flows';
const h = await startHarness();
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page } = await h.newPage({ colorScheme });
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 5 });
    await continueFromSafety(page);
    await page.locator('[data-view=back] [data-region=low-back-center] path').first().click();
    await page.locator('[data-view=back] [data-region=low-back-left] path').first().click();
    await page.locator('fieldset.bodymap').screenshot({ path: `/tmp/start-${colorScheme}.png` });
    await startEpisode(page, []);
    await arriveAtToday(page);
    await page.getByRole('link', { name: 'Check in for today' }).click();
    await heading(page, 'Check in');
    await checkIn(page, { painNow: 6, worst: 7, stand: 'Partly', walk: 'Under 5 minutes' });
    await page.locator('#field-regions-low-back-left-pain').selectOption('8');
    await page.locator('#field-regions-low-back-left-spasm').check();
    await page.getByLabel('Left buttock', { exact: true }).check();
    await page.locator('#field-regions-buttock-left-pain').selectOption('2');
    await page.locator('[data-view=front] [data-region=thigh-front-left] path').first().click();
    await page.locator('label[for="field-regions-panel-4"]').click();
    await page.locator('fieldset.bodymap .bm-figures').screenshot({ path: `/tmp/fig-${colorScheme}.png` });
    await page.locator('.bm-panel').screenshot({ path: `/tmp/panel-${colorScheme}.png` });
    await page.locator('.bm-list').screenshot({ path: `/tmp/list-${colorScheme}.png` });
    await page.getByTestId('leg-check').screenshot({ path: `/tmp/legs-${colorScheme}.png` });
  }
} finally {
  await h.close();
}
