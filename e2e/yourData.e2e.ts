import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountExport } from '../src/contract';
import { arriveAsNewPerson, heading } from './flows';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('your data', () => {
  it('downloads everything as one file, then deletes the account after the typed word, and the session ends', async () => {
    const { page, context, errors } = await h.newPage({ acceptDownloads: true });
    await arriveAsNewPerson(page);
    const episodeId = (await (await page.request.get('/api/v1/episodes')).json())[0].id as string;

    await page.goto('/account');
    await heading(page, 'Your account');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^unclench-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const data = AccountExport.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(data.episodes.map((e) => e.episode.id)).toEqual([episodeId]);

    const [fhir] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download for a health record (FHIR)' }).click()]);
    const bundle = JSON.parse(await readFile(await fhir.path(), 'utf8')) as { resourceType: string; type: string; entry: { resource: { resourceType: string } }[] };
    expect([bundle.resourceType, bundle.type]).toEqual(['Bundle', 'collection']);
    expect(bundle.entry.map((e) => e.resource.resourceType)).toContain('Condition');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download a report (PDF)' }).click()]);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');

    // A wrong word deletes nothing and says what to type.
    await page.getByLabel('To confirm, type “delete”').fill('remove');
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await expect.poll(() => page.locator('#field-confirmDelete-error').innerText()).toContain('Type “delete” to confirm');
    expect((await page.request.get('/api/v1/me')).status()).toBe(200);

    await page.getByLabel('To confirm, type “delete”').fill('delete');
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('button', { name: 'Start now' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect((await context.request.get('/api/v1/me')).status()).toBe(401);
    expect(errors).toEqual([]);
  });
});
