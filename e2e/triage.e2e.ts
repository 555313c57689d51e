import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { RULE_WORDS } from '../src/web/words/triage';
import { answerSafety, checkIn, continueFromSafety, heading, serverToday, startEpisode, startNow } from './flows';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('safety outcomes', () => {
  it('a new bladder change shows the emergency screen and no plan', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 6, yes: ['bladderChange'] });
    await continueFromSafety(page);
    await startEpisode(page);

    await heading(page, 'Get medical help now');
    expect(await page.locator('main.emergency').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /^Call (999|112|911)$/ }).getAttribute('href')).toMatch(/^tel:(999|112|911)$/);
    expect(await page.getByText(RULE_WORDS.E1_CES_SYMPTOMS).isVisible()).toBe(true);
    expect(await page.locator('.plan-item').count()).toBe(0);
    expect(await page.getByRole('navigation').count()).toBe(0);

    const { today } = await serverToday(page);
    expect(today.triage.level).toBe('emergency');
    expect(today.plan).toEqual([]);

    // Going "back" or typing another address does not lead away from it.
    await page.goto('/today');
    await heading(page, 'Get medical help now');
    await page.goBack();
    await heading(page, 'Get medical help now');

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // The one way on: confirm a clinician has seen them, then answer the safety questions as things are now.
    await page.getByRole('button', { name: 'I have been seen by a clinician' }).click();
    await page.getByRole('button', { name: 'Yes, I was seen' }).click();
    await heading(page, 'The safety questions, once more');
    await page.locator('#field-painNow-3').check();
    await page.locator('#field-painWorst24h-5').check();
    await page.locator('#field-standStraight').getByLabel('Partly', { exact: true }).check();
    await page.locator('#field-walkMinutes').getByLabel('Under 5 minutes', { exact: true }).check();
    expect(await page.locator('#field-safety-bladderChange').getByLabel('Yes', { exact: true }).isChecked()).toBe(true);
    await page.locator('#field-safety-bladderChange').getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await heading(page, 'Today');
    await page.locator('.plan-item').first().waitFor();
    expect((await serverToday(page)).today.triage.level).not.toBe('emergency');
    expect(errors).toEqual([]);
  });

  it('new numbness reported at a check-in interrupts everything with the emergency screen', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 35, pain: 4 });
    await continueFromSafety(page);
    await startEpisode(page);
    await heading(page, 'Today');

    await page.getByRole('link', { name: 'Check in for today' }).click();
    await checkIn(page, { painNow: 4, worst: 5, stand: 'Yes', walk: 'Under 5 minutes', anythingNew: true });
    // The last answers are filled in; the person changes what is new.
    expect(await page.locator('#field-safety-ageYears').inputValue()).toBe('35');
    await page.locator('#field-safety-saddleNumbness').getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();

    await heading(page, 'Get medical help now');
    const { today } = await serverToday(page);
    expect(today.triage.level).toBe('emergency');
    expect(today.plan).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a fever shows the see-a-doctor card and pauses guided sessions until a clinician has seen them', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 5, yes: ['fever'] });
    await continueFromSafety(page);
    await startEpisode(page);

    await heading(page, 'Thank you. Please see a doctor.');
    const card = page.locator('#triage');
    expect(await card.getByRole('heading', { name: 'See a doctor within 24 hours' }).isVisible()).toBe(true);
    expect(await card.innerText()).toContain(RULE_WORDS.U1_FEVER);
    expect(await card.innerText()).toContain('Guided exercise sessions are paused');

    await page.getByRole('link', { name: 'See what you can do today' }).click();
    await heading(page, 'Today');
    await page.locator('#triage').getByRole('heading', { name: 'See a doctor within 24 hours' }).waitFor();
    const before = await serverToday(page);
    expect(before.today.triage.level).toBe('urgent-doctor');
    const session = before.today.plan.find((i: { kind: string }) => i.kind === 'session');
    expect(session, 'the engine plans a guided session, shown as paused').toBeDefined();
    expect(session.paused).toBe(true);
    expect(await page.locator('.plan-item.kind-session').innerText()).toContain('paused for now');

    await page.locator('#triage').getByRole('button', { name: 'A clinician has seen me' }).click();
    await page.getByRole('button', { name: 'Yes, I was seen' }).click();
    await page.getByRole('heading', { name: 'Thank you for seeing a clinician' }).waitFor();
    const after = await serverToday(page);
    expect(after.episode.clinicianSeenOn).not.toBeNull();
    const sessionAfter = after.today.plan.find((i: { kind: string }) => i.kind === 'session');
    expect(sessionAfter?.paused).toBe(false);
    await page.locator('.plan-item.kind-session h3', { hasText: /^Guided session$/ }).waitFor();
    expect(errors).toEqual([]);
  });
});
