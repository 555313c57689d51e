import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { appUnderTest } from './testing/appUnderTest';
import { describeEachBackend } from './testing/backends';
import { calmAnswers } from '../core/clinical/fixtures';

const NOW = new Date('2026-11-24T12:00:00.000Z');

/** The answers without the named ones (never asked or skipped). */
function without(fields: string[], overrides: Record<string, unknown> = {}) {
  return Object.fromEntries(Object.entries({ ...calmAnswers(), ...overrides }).filter(([k]) => !fields.includes(k)));
}

describeEachBackend('starting an episode', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  it('stores an emergency from one answer: nothing else asked, onset today, no places', async () => {
    const a = await ctx.person('Europe/London');
    const id = randomUUID();
    const res = await a.put(`/api/v1/episodes/${id}`, { safety: { saddleNumbness: true } });
    expect(res.statusCode).toBe(200);
    const episode = res.json();
    expect(episode.triage).toMatchObject({ level: 'emergency', timeframe: 'now', decidingRule: 'E1_CES_SYMPTOMS' });
    expect(episode.currentTriage).toEqual(episode.triage);
    expect(episode.onsetDate).toBe('2026-11-24');
    expect(episode.regions).toEqual([]);
    // Only what was answered is stored: no invented "no" answers, no pain answer.
    expect(episode.safety).toEqual({ saddleNumbness: true });
    // The plan stops.
    const today = await a.get(`/api/v1/episodes/${id}/today`);
    expect(today.statusCode).toBe(200);
    expect(today.json().plan).toEqual([]);
    // Sent again (a retry from the outbox), it is the same episode.
    const again = await a.put(`/api/v1/episodes/${id}`, { safety: { saddleNumbness: true } });
    expect(again.json()).toEqual(episode);
    expect((await a.get('/api/v1/episodes')).json()).toHaveLength(1);
  });

  it('"not sure" to a bladder change, with a few answers given, is an emergency and keeps what was given', async () => {
    const a = await ctx.person();
    const res = await a.put(`/api/v1/episodes/${randomUUID()}`, { painNow: 6, safety: { saddleNumbness: false, bladderChange: 'unsure' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().triage.decidingRule).toBe('E1_CES_SYMPTOMS');
    expect(res.json().painNow).toBe(6);
    expect(res.json().safety).toEqual({ saddleNumbness: false, bladderChange: 'unsure', painNRS: 6 });
  });

  it('cancer history with pain down one leg is an emergency (E4) without the other answers', async () => {
    const a = await ctx.person();
    const res = await a.put(`/api/v1/episodes/${randomUUID()}`, { safety: { cancerHistory: true, radicularLegPainOneSide: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().triage.level).toBe('emergency');
    expect(res.json().triage.triggeredRules).toContain('E4_CANCER_WITH_NEURO_SYMPTOMS');
  });

  it('a fever alone is not enough to start: each missing required answer is named with rule "required"', async () => {
    const a = await ctx.person();
    const res = await a.put(`/api/v1/episodes/${randomUUID()}`, { safety: { fever: true } });
    expect(res.statusCode).toBe(400);
    const issues: { path: string; rule: string }[] = res.json().error.issues;
    for (const path of ['onsetDate', 'regions', 'painNow', 'safety.saddleNumbness', 'safety.ageYears', 'safety.legWeakness', 'safety.chestPain', 'safety.weeksWithoutImprovement']) {
      expect(issues, path).toContainEqual(expect.objectContaining({ path, rule: 'required' }));
    }
    // Optional questions are never demanded; answered ones are not named.
    for (const path of ['safety.sex', 'safety.painNRS', 'safety.worseningOverTime', 'safety.limitsDailyActivities', 'safety.strugglingToCope', 'safety.worseWithCoughSneezeStrain', 'safety.fever']) {
      expect(issues.map((i) => i.path)).not.toContain(path);
    }
    expect((await a.get('/api/v1/episodes')).json()).toEqual([]);
  });

  it('starts without the optional answers, counting them as no', async () => {
    const a = await ctx.person();
    const safety = without(['sex', 'painNRS', 'worseningOverTime', 'limitsDailyActivities', 'strugglingToCope', 'worseWithCoughSneezeStrain']);
    const res = await a.put(`/api/v1/episodes/${randomUUID()}`, { onsetDate: '2026-11-22', regions: ['low-back-center'], painNow: 5, safety });
    expect(res.statusCode).toBe(200);
    expect(res.json().triage).toEqual({ level: 'self-care', timeframe: null, decidingRule: 'NONE', triggeredRules: [], advisories: [], gpReviewAdvised: false });
    // Pain is asked once: the episode's pain is the safety screen's pain.
    expect(res.json().safety.painNRS).toBe(5);
  });

  it('takes the pain from the safety answers when painNow is not sent, and asks for it when neither is', async () => {
    const a = await ctx.person();
    const withPain = await a.put(`/api/v1/episodes/${randomUUID()}`, { onsetDate: '2026-11-22', regions: ['low-back-center'], safety: calmAnswers({ painNRS: 7 }) });
    expect(withPain.statusCode).toBe(200);
    expect(withPain.json().painNow).toBe(7);
    expect(withPain.json().triage.advisories).toEqual(['S2_SEVERE_OR_WORSENING']);
    const noPain = await a.put(`/api/v1/episodes/${randomUUID()}`, { onsetDate: '2026-11-22', regions: ['low-back-center'], safety: without(['painNRS']) });
    expect(noPain.statusCode).toBe(400);
    expect(noPain.json().error.issues).toEqual([expect.objectContaining({ path: 'painNow', rule: 'required' })]);
  });

  it('pain worse with coughing, sneezing or straining is advisory S5: self-care with a GP visit suggested, sessions not paused', async () => {
    const a = await ctx.person();
    const { id, episode } = await a.createEpisode({ safety: { worseWithCoughSneezeStrain: true } });
    expect(episode.triage).toEqual({ level: 'self-care', timeframe: null, decidingRule: 'NONE', triggeredRules: [], advisories: ['S5_WORSE_WITH_COUGH_SNEEZE_STRAIN'], gpReviewAdvised: true });
    const today = (await a.get(`/api/v1/episodes/${id}/today`)).json();
    expect(today.triage.level).toBe('self-care');
    expect(today.plan.some((i: { paused?: boolean }) => i.paused === true)).toBe(false);
  });

  it('reads an episode stored under the old rules (U8) as advisory S5, in the episode and in today', async () => {
    const a = await ctx.person();
    const { id } = await a.createEpisode({ safety: { worseWithCoughSneezeStrain: true } });
    const legacy = JSON.stringify({ level: 'urgent-doctor', timeframe: 'within_24h', decidingRule: 'U8_WORSE_WITH_COUGH_SNEEZE_STRAIN', triggeredRules: ['U8_WORSE_WITH_COUGH_SNEEZE_STRAIN'], advisories: [], gpReviewAdvised: false });
    await ctx.store.db.updateTable('episodes').set({ triage: legacy, current_triage: legacy }).where('id', '=', id).execute();
    const res = await a.get(`/api/v1/episodes/${id}`);
    expect(res.statusCode).toBe(200);
    const expected = { level: 'self-care', timeframe: null, decidingRule: 'NONE', triggeredRules: [], advisories: ['S5_WORSE_WITH_COUGH_SNEEZE_STRAIN'], gpReviewAdvised: true };
    expect(res.json().triage).toEqual(expected);
    expect(res.json().currentTriage).toEqual(expected);
    const today = (await a.get(`/api/v1/episodes/${id}/today`)).json();
    expect(today.triage.level).toBe('self-care');
    const session = today.plan.find((i: { kind: string }) => i.kind === 'session');
    if (session) expect(session.paused).toBe(false);
  });

  it('a full start as before still works, and a later full PUT replaces an emergency start', async () => {
    const a = await ctx.person();
    const id = randomUUID();
    expect((await a.put(`/api/v1/episodes/${id}`, { safety: { chestPain: true } })).json().triage.decidingRule).toBe('E6_CHEST_PAIN');
    const full = await a.put(`/api/v1/episodes/${id}`, { onsetDate: '2026-11-20', regions: ['low-back-left'], painNow: 4, safety: calmAnswers() });
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({ onsetDate: '2026-11-20', regions: ['low-back-left'], painNow: 4 });
    expect(full.json().currentTriage.level).toBe('self-care');
  });
});
