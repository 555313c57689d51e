import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { RULE_WORDS } from '../src/web/words/triage';
import { SAFETY_STEPS } from '../src/core/clinical';
import { answerSafety, arriveAtToday, checkIn, continueFromSafety, heading, openPlaceList, serverToday, startEpisode, startNow } from './flows';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('safety first, in steps', () => {
  it('a "Yes" to numbness around the genitals or bottom shows the emergency screen after that one answer', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    // The first question a newcomer sees is that one, on step 1.
    expect(await page.locator('#safety-step-count').innerText()).toBe(`Step 1 of ${SAFETY_STEPS.length}`);
    const question = page.locator('#field-safety-saddleNumbness');
    expect(await question.locator('legend').innerText()).toContain('numbness, tingling or a strange feeling around your genitals, your bottom');
    const put = page.waitForResponse((r) => /\/api\/v1\/episodes\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PUT');
    let clicks = 0;
    await page.exposeFunction('countClick', () => (clicks += 1));
    await page.evaluate(() => document.addEventListener('click', () => (window as unknown as { countClick: () => void }).countClick(), true));

    await question.getByLabel('Yes', { exact: true }).click();

    await heading(page, 'Get medical help now');
    expect(clicks).toBe(1);
    expect(await page.locator('main.emergency').isVisible()).toBe(true);
    expect(await page.getByText(RULE_WORDS.E1_CES_SYMPTOMS).isVisible()).toBe(true);
    // Nothing else is asked: no other question, no episode details, no navigation.
    expect(await page.locator('[id^="field-"]').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Tell us about this spasm' }).count()).toBe(0);
    expect(await page.getByRole('navigation').count()).toBe(0);

    // Saved in the background with what is known.
    expect((await put).status()).toBe(200);
    const { episode, today } = await serverToday(page);
    expect(episode.safety).toEqual({ saddleNumbness: true });
    expect(episode.currentTriage.level).toBe('emergency');
    expect(today.plan).toEqual([]);
    await page.getByRole('button', { name: 'I have been seen by a clinician' }).waitFor();
    await page.reload();
    await heading(page, 'Get medical help now');
    expect(errors).toEqual([]);
  });

  it('offline, the emergency screen still shows at once; the start waits on this device and reaches the server when back online', async () => {
    const { context, page, errors } = await h.newPage();
    await startNow(page);
    await page.locator('#field-safety-saddleNumbness').waitFor();
    await context.setOffline(true);
    await page.locator('#field-safety-bladderChange').getByLabel('Not sure', { exact: true }).click();
    await heading(page, 'Get medical help now');
    expect(await page.locator('[id^="field-"]').count()).toBe(0);
    // Nothing on the server yet; the clinician check waits for the saved episode.
    expect(await page.getByRole('button', { name: 'I have been seen by a clinician' }).count()).toBe(0);

    await context.setOffline(false);
    await page.getByRole('button', { name: 'I have been seen by a clinician' }).waitFor({ timeout: 30_000 });
    const { episode } = await serverToday(page);
    expect(episode.safety).toEqual({ bladderChange: 'unsure' });
    expect(episode.currentTriage.decidingRule).toBe('E1_CES_SYMPTOMS');
    expect((await (await page.request.get('/api/v1/episodes')).json()).length).toBe(1);
    await heading(page, 'Get medical help now');
    expect(errors).toEqual([]);
  });

  it('walks short steps with progress and Back, and starts with the optional questions skipped', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    // Continue with nothing answered marks this step's questions, and stays.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#field-safety-saddleNumbness-error').innerText()).toContain('Please choose an answer');
    expect(await page.locator('#safety-step-count').innerText()).toBe(`Step 1 of ${SAFETY_STEPS.length}`);
    for (const f of ['saddleNumbness', 'bladderChange', 'bowelChange', 'newSexualDysfunction']) await page.locator(`#field-safety-${f}-no`).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('#safety-step-count').innerText()).toBe(`Step 2 of ${SAFETY_STEPS.length}`);
    expect(await page.locator('progress').getAttribute('value')).toBe('2');
    // Back keeps the answers.
    await page.getByRole('button', { name: 'Back' }).click();
    expect(await page.locator('#safety-step-count').innerText()).toBe(`Step 1 of ${SAFETY_STEPS.length}`);
    expect(await page.locator('#field-safety-bladderChange-no').isChecked()).toBe(true);
    // Every answer is a big target.
    for (const box of await page.locator('label.choice').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(48);

    await answerSafety(page, { age: 40, skipOptional: true });
    // The last step holds only optional questions, and each says so.
    const legends = await page.locator('form.safety-step legend').allInnerTexts();
    expect(legends.length).toBe(4);
    for (const l of legends) expect(l).toContain('(optional)');
    await continueFromSafety(page);
    await page.locator('#field-painNow-4').check();
    await startEpisode(page);
    await arriveAtToday(page);
    const { episode } = await serverToday(page);
    for (const f of ['worseningOverTime', 'limitsDailyActivities', 'strugglingToCope', 'worseWithCoughSneezeStrain', 'sex']) expect(episode.safety).not.toHaveProperty(f);
    expect(episode.triage).toEqual({ level: 'self-care', timeframe: null, decidingRule: 'NONE', triggeredRules: [], advisories: [], gpReviewAdvised: false });
    expect(episode.painNow).toBe(4);
    expect(errors).toEqual([]);
  });
});

describe('safety outcomes', () => {
  it('a new bladder change shows the emergency screen and no plan', async () => {
    const { page, errors } = await h.newPage();
    await startNow(page);
    await answerSafety(page, { age: 40, pain: 6, yes: ['bladderChange'] });

    await heading(page, 'Get medical help now');
    expect(await page.locator('main.emergency').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /^Call (999|112|911)$/ }).getAttribute('href')).toMatch(/^tel:(999|112|911)$/);
    expect(await page.getByText(RULE_WORDS.E1_CES_SYMPTOMS).isVisible()).toBe(true);
    expect(await page.locator('.plan-item').count()).toBe(0);
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByRole('button', { name: 'I have been seen by a clinician' }).waitFor();

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
    // The emergency came before the places were asked, so the map starts empty.
    await openPlaceList(page);
    await page.getByLabel('Lower back, middle', { exact: true }).check();
    // What was answered is kept; the questions never reached are open.
    expect(await page.locator('#field-safety-bladderChange').getByLabel('Yes', { exact: true }).isChecked()).toBe(true);
    expect(await page.locator('#field-safety-chestPain input:checked').count()).toBe(0);
    await page.locator('#field-safety-bladderChange').getByLabel('No', { exact: true }).check();
    await page.evaluate(() => {
      for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('[id^="field-safety-"] input[type=radio][value=no]'))) if (!input.closest('fieldset')?.querySelector('input:checked')) input.click();
    });
    await page.locator('#field-safety-ageYears').fill('40');
    await page.locator('#field-safety-legWeakness').getByLabel('No weakness').check();
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
