import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSafety, arriveAtToday, checkIn, checkInFor, continueFromSafety, daysAgo, heading, serverToday, startEpisode, startNow } from './flows';
import { startHarness, type Harness } from './harness';
import type { Page } from 'playwright-core';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function reportPain(page: Page, day: string | null, worst: number) {
  await page.goto('/check-in');
  await heading(page, 'Check in');
  await checkInFor(page, day);
  await checkIn(page, { painNow: Math.max(0, worst - 1), worst, stand: 'Partly', walk: '5 to 15 minutes' });
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await heading(page, 'Today');
}

describe('a physical therapist who follows along', () => {
  it('the person invites, the therapist redeems and sees the flag, hides and pins; the person sees why, then revokes and the therapist is refused', async () => {
    const person = await h.newPage();
    const therapist = await h.newPage();

    // The person started four days ago, and checks in for two days ago.
    await startNow(person.page);
    await answerSafety(person.page, { age: 40, pain: 4 });
    await continueFromSafety(person.page);
    await person.page.locator('#field-onsetDate').fill(daysAgo(4));
    await startEpisode(person.page);
    await arriveAtToday(person.page);
    await reportPain(person.page, daysAgo(2), 3);

    // Account → Share with my therapist: both scopes.
    await person.page.goto('/account');
    await heading(person.page, 'Your account');
    const share = person.page.locator('section.share-therapist');
    await share.getByLabel('Adjust your plan').check();
    await share.getByLabel('Your name, as your therapist will see it (optional)').fill('Sam');
    await share.getByRole('button', { name: 'Make an invite' }).click();
    const code = await share.locator('.invite-code').innerText();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const link = await share.locator('.invite-link').innerText();
    expect(link).toBe(`${h.url}/therapist?code=${code}`);

    // The therapist follows the link, signs up, and redeems the code waiting in the form.
    await therapist.page.goto(link);
    await heading(therapist.page, 'For therapists');
    await therapist.page.getByLabel('Your name, as the people you follow will see it').fill('Alex Moreno');
    await therapist.page.getByLabel('Email').fill('alex.moreno@example.org');
    await therapist.page.getByLabel('Password').fill('a calm long password');
    await therapist.page.getByRole('button', { name: 'Create account' }).click();
    await heading(therapist.page, 'The people you follow');
    expect(await therapist.page.getByLabel('Their invite code').inputValue()).toBe(code);
    await therapist.page.getByRole('button', { name: 'Follow this person' }).click();
    await therapist.page.getByText('You now follow Sam.').waitFor();
    const row = therapist.page.locator('.people-table tbody tr');
    await row.getByRole('link', { name: 'Sam' }).waitFor();
    expect(await row.locator('[data-flag="pain-up"]').count()).toBe(0);

    // The person reports worse pain today; the therapist's dashboard flags it.
    await reportPain(person.page, null, 7);
    await therapist.page.reload();
    await row.locator('[data-flag="pain-up"]').waitFor();
    expect(await row.locator('[data-flag="pain-up"]').innerText()).toBe('Worst pain went up from 3 to 7 out of 10 this week');

    // On the person's page: hide one of today's movements and pin another the stage allows.
    const { today } = await serverToday(person.page);
    const session = (today.plan as { kind: string; exercises?: { exerciseId: string }[] }[]).find((i) => i.kind === 'session');
    const planned = (session?.exercises ?? []).map((e) => e.exerciseId);
    expect(planned.length).toBeGreaterThan(0);
    const catalogue = (await (await person.page.request.get(`/api/v1/exercises?stage=${today.stage as string}`)).json()) as { id: string; name: string }[];
    const hidden = catalogue.find((e) => e.id === planned[planned.length - 1]);
    const pinned = catalogue.find((e) => !planned.includes(e.id) && e.id !== hidden?.id);
    if (!hidden || !pinned) throw new Error('the catalogue has a planned and an unplanned movement for the stage');

    await row.getByRole('link', { name: 'Sam' }).click();
    await heading(therapist.page, 'Sam');
    await therapist.page.getByRole('heading', { name: 'Session history' }).waitFor();
    await therapist.page.getByLabel('An exercise').selectOption({ label: hidden.name });
    await therapist.page.getByRole('button', { name: 'Leave it out' }).click();
    await therapist.page.getByText(`Saved: Left ${hidden.name} out of your plan.`).waitFor();
    await therapist.page.getByLabel('An exercise').selectOption({ label: pinned.name });
    await therapist.page.getByRole('button', { name: 'Choose it for them' }).click();
    await therapist.page.getByText(/^Saved: Chose /).waitFor();

    // The person sees the change and its reason on Today, and each change (with Undo) in Account.
    await person.page.goto('/today');
    await heading(person.page, 'Today');
    const notes = person.page.locator('.plan-notes');
    await notes.locator('[data-reason-code="therapist-pinned"]').waitFor();
    expect(await notes.locator('[data-reason-code="therapist-pinned"]').innerText()).toContain(`Your therapist chose this for you: ${pinned.name}`);
    expect(await notes.locator('[data-reason-code="therapist-hidden"]').innerText()).toContain(`Your therapist asked to leave out ${hidden.name}`);
    const after = (await serverToday(person.page)).today;
    const ids = ((after.plan as { kind: string; exercises?: { exerciseId: string }[] }[]).find((i) => i.kind === 'session')?.exercises ?? []).map((e) => e.exerciseId);
    expect(ids).not.toContain(hidden.id);
    expect(ids).toContain(pinned.id);

    await person.page.goto('/account');
    await heading(person.page, 'Your account');
    await share.locator('.plan-edits li').nth(1).waitFor();
    expect(await share.locator('.plan-edits').innerText()).toContain(`Alex Moreno: Left ${hidden.name} out of your plan`);
    expect((await share.locator('.access-log').allTextContents()).join('\n')).toContain('Alex Moreno viewed your progress');

    // The person stops sharing: the therapist's next request is refused.
    await share.getByRole('button', { name: 'Stop sharing with Alex Moreno' }).click();
    await share.getByText('No one yet.').waitFor();
    await therapist.page.reload();
    await therapist.page.getByText('You no longer have access to this person’s data.').waitFor();
    expect((await therapist.page.request.get(`/api/v1/episodes/${(await serverToday(person.page)).id}/progress`)).status()).toBe(404);
    await therapist.page.goto('/therapist');
    await therapist.page.getByText('No one has shared with you yet.', { exact: false }).waitFor();

    expect(person.errors).toEqual([]);
    expect(therapist.errors).toEqual([]);
  });
});
