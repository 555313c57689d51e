import path from 'node:path';
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_LABELS, type StageId } from '../src/core/plan/stages';
import { answerSafety, checkIn, continueFromSafety, heading, openNav, serverToday, startEpisode, startNow } from './flows';
import { DESKTOP, RESULTS_DIR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a newcomer', () => {
  it('starts, gets a plan, checks in, keeps the data across a reload, adds a password and signs in elsewhere', async () => {
    const { page, errors } = await h.newPage();
    // A newcomer's first screen asks who is signed in without any error answer (nothing red in the console).
    const failed: string[] = [];
    let sessionAsks = 0;
    const watch = (r: Response) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
      if (new URL(r.url()).pathname === '/api/v1/session' && r.request().method() === 'GET') sessionAsks += 1;
    };
    page.on('response', watch);
    await page.goto('/');
    await heading(page, /Let’s ease it, gently/);
    expect(failed).toEqual([]);
    // The page carries the answer to "who is signed in" (server/pageBoot.ts): the app need not ask.
    expect(sessionAsks).toBe(0);
    page.off('response', watch);

    await startNow(page);
    await answerSafety(page, { age: 40, pain: 5, quick: false });
    // Pain is asked once, with the episode: never on the safety steps.
    expect(await page.locator('[id^="field-safety-painNRS"]').count()).toBe(0);
    await continueFromSafety(page);
    expect(await page.locator('#field-painNow-5').isChecked()).toBe(true);
    await startEpisode(page, ['Lower back, middle', 'Lower back, left']);

    await heading(page, 'Today');
    expect(new URL(page.url()).pathname).toBe('/today');
    const { today, episode } = await serverToday(page);
    expect(today.triage.level).toBe('self-care');
    // The one pain answer is the episode's and the safety screen's.
    expect([episode.painNow, episode.safety.painNRS]).toEqual([5, 5]);
    expect(today.stage).not.toBeNull();
    const stageLabel = STAGE_LABELS[today.stage as StageId];
    expect(await page.locator('#stage-title').innerText()).toContain(stageLabel);
    expect(today.plan.length).toBeGreaterThan(0);
    expect(await page.locator('.plan-item').count()).toBe(today.plan.length);
    // Each item explains itself, closed until asked.
    const whys = page.locator('.plan-item details.why');
    expect(await whys.count()).toBe(today.plan.length);
    expect(await whys.evaluateAll((ds) => ds.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(0);
    const firstWhy = whys.first();
    expect(await firstWhy.locator('p').first().isVisible()).toBe(false);
    await firstWhy.locator('summary').click();
    expect(await firstWhy.locator('p').first().innerText()).toBe(today.plan[0].reason.text);

    await page.getByRole('link', { name: 'Check in for today' }).click();
    // The first check-in of the day already holds the pain given at the start (asked once); it can still change.
    await heading(page, 'Check in');
    expect(await page.locator('#field-painNow-5').isChecked()).toBe(true);
    await checkIn(page, { painNow: 3, worst: 6, stand: 'Partly', walk: '5 to 15 minutes' });
    await page.getByRole('button', { name: 'Save check-in' }).click();

    await heading(page, 'Today');
    const summary = page.locator('#checkin-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/3 \(mild\)[\s\S]*6 \(moderate\)[\s\S]*Partly[\s\S]*5 to 15 minutes/);
    // The plan is the server's answer after the check-in (the stage may move on).
    const { today: afterCheckIn } = await serverToday(page);
    const stageAfter = STAGE_LABELS[afterCheckIn.stage as StageId];
    expect(await page.locator('#stage-title').innerText()).toContain(stageAfter);
    expect(await page.locator('.plan-item').count()).toBe(afterCheckIn.plan.length);
    // Once checked in, the check-in is no longer the primary action.
    expect(await page.getByRole('link', { name: 'Check in for today' }).count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'today-phone.png'), fullPage: true });

    await page.reload();
    await heading(page, 'Today');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('3 (mild)');
    expect(await page.locator('#stage-title').innerText()).toContain(stageAfter);

    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'today-desktop.png'), fullPage: true });

    // The account is one of the places under More.
    await openNav(page, 'Account', 'Your account');
    const email = `calm-${Date.now()}@example.org`;
    const password = 'slow and steady wins';
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Save email and password' }).click();
    await page.getByText(`You’re signed in as ${email}`).waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await heading(page, /Let’s ease it, gently/);
    expect((await page.request.get('/api/v1/me')).status()).toBe(401);

    const other = await h.newPage();
    await other.page.goto('/sign-in');
    await heading(other.page, 'Sign in');
    await other.page.getByLabel('Email').fill(email);
    await other.page.getByLabel('Password').fill(password);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await heading(other.page, 'Today');
    const otherSummary = other.page.locator('#checkin-summary');
    await otherSummary.waitFor();
    expect(await otherSummary.innerText()).toMatch(/3 \(mild\)[\s\S]*6 \(moderate\)/);
    expect(await other.page.locator('#stage-title').innerText()).toContain(stageAfter);
    expect(await other.page.locator('.plan-item').count()).toBe(afterCheckIn.plan.length);

    // Signed in on a third device too; "Sign out on every device" from the second ends both.
    const third = await h.newPage();
    expect((await third.page.request.post('/api/v1/session', { data: { email, password } })).status()).toBe(200);
    expect((await third.page.request.get('/api/v1/me')).status()).toBe(200);
    await openNav(other.page, 'Account', 'Your account');
    await other.page.getByRole('button', { name: 'Sign out on every device' }).click();
    await heading(other.page, /Let’s ease it, gently/);
    expect((await other.page.request.get('/api/v1/me')).status()).toBe(401);
    expect((await third.page.request.get('/api/v1/me')).status()).toBe(401);

    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });

  it('shows a calm message when the email and password do not match', async () => {
    const { page } = await h.newPage();
    await page.goto('/sign-in');
    await heading(page, 'Sign in');
    await page.getByLabel('Email').fill('nobody@example.org');
    await page.getByLabel('Password').fill('not the right one');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await answer).status()).toBe(401);
    const alert = page.getByRole('alert').filter({ hasText: 'don’t match an account' });
    await alert.waitFor();
    expect(await alert.isVisible()).toBe(true);
    // Still on the sign-in screen, with the email kept and no session started.
    await heading(page, 'Sign in');
    expect(await page.getByLabel('Email').inputValue()).toBe('nobody@example.org');
    expect((await page.context().cookies()).filter((c) => c.httpOnly)).toEqual([]);
  });
});
