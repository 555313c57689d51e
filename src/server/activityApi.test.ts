import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { EXERCISES } from '../core/exercises';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const exerciseId = EXERCISES[0]?.id ?? '';

function sessionBody(overrides: Record<string, unknown> = {}) {
  return {
    startedAt: '2026-11-24T09:00:00.000Z',
    endedAt: '2026-11-24T09:10:00.000Z',
    painBefore: 4,
    painAfter: 3,
    feel: 'right',
    exercises: [{ exerciseId, outcome: 'done', reps: 8, painDuring: 3 }],
    ...overrides,
  };
}

describeEachBackend('session and movement logs', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);
  const person = () => ctx.person('UTC');

  it('stores a session once when sent twice, and lists it', async () => {
    const a = await person();
    const { id } = await a.createEpisode();
    const sessionId = randomUUID();
    const first = await a.put(`/api/v1/episodes/${id}/sessions/${sessionId}`, sessionBody());
    expect(first.statusCode).toBe(200);
    expect((await a.put(`/api/v1/episodes/${id}/sessions/${sessionId}`, sessionBody())).json()).toEqual(first.json());
    expect((await a.get(`/api/v1/episodes/${id}/sessions`)).json()).toEqual([first.json()]);
  });

  it.each([
    ['an end before the start', { endedAt: '2026-11-24T08:00:00.000Z' }, 'endedAt', 'after_start'],
    ['pain during of 11', { exercises: [{ exerciseId, outcome: 'done', painDuring: 11 }] }, 'exercises.0.painDuring', 'max'],
    ['an unknown exercise', { exercises: [{ exerciseId: 'moonwalk', outcome: 'done' }] }, 'exercises.0.exerciseId', 'one_of'],
    ['an unknown feeling', { feel: 'meh' }, 'feel', 'one_of'],
    ['a start in the future', { startedAt: '2026-11-25T09:00:00.000Z', endedAt: '2026-11-25T09:10:00.000Z' }, 'startedAt', 'not_future'],
  ])('rejects %s, naming the field', async (_n, change, path, rule) => {
    const a = await person();
    const { id } = await a.createEpisode();
    const res = await a.put(`/api/v1/episodes/${id}/sessions/${randomUUID()}`, sessionBody(change));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path, rule }));
    expect((await a.get(`/api/v1/episodes/${id}/sessions`)).json()).toEqual([]);
  });

  it('stores walks once, rejects absurd minutes and unknown kinds', async () => {
    const a = await person();
    const { id } = await a.createEpisode();
    const eventId = randomUUID();
    const walk = { kind: 'walk', startedAt: '2026-11-24T10:00:00.000Z', minutes: 12 };
    const first = await a.put(`/api/v1/episodes/${id}/movements/${eventId}`, walk);
    expect(first.json()).toMatchObject({ kind: 'walk', minutes: 12 });
    expect((await a.put(`/api/v1/episodes/${id}/movements/${eventId}`, walk)).json()).toEqual(first.json());
    expect((await a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { ...walk, minutes: -3 })).json().error.issues).toContainEqual(expect.objectContaining({ path: 'minutes', rule: 'min' }));
    expect((await a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { ...walk, minutes: 100000 })).json().error.issues).toContainEqual(expect.objectContaining({ path: 'minutes', rule: 'max' }));
    expect((await a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { ...walk, kind: 'sprint' })).json().error.issues).toContainEqual(expect.objectContaining({ path: 'kind', rule: 'one_of' }));
    expect((await a.get(`/api/v1/episodes/${id}/movements`)).json()).toHaveLength(1);
  });

  it('keeps a walk to the second: 45 seconds stays 45 seconds, and 6 min 30 s is 6.5 minutes', async () => {
    const a = await person();
    const { id } = await a.createEpisode();
    const short = await a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { kind: 'walk', startedAt: '2026-11-24T10:00:00.000Z', minutes: 0.75 });
    expect(short.json()).toMatchObject({ kind: 'walk', minutes: 0.75 });
    await a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { kind: 'walk', startedAt: '2026-11-24T11:00:00.000Z', minutes: 390 / 60 });
    expect((await a.get(`/api/v1/episodes/${id}/movements`)).json().map((m: { minutes: number }) => m.minutes * 60)).toEqual([45, 390]);
  });

  it("keeps another person's logs private", async () => {
    const a = await person();
    const b = await person();
    const { id } = await a.createEpisode();
    const sessionId = randomUUID();
    await a.put(`/api/v1/episodes/${id}/sessions/${sessionId}`, sessionBody());
    expect((await b.get(`/api/v1/episodes/${id}/sessions`)).statusCode).toBe(404);
    expect((await b.put(`/api/v1/episodes/${id}/sessions/${randomUUID()}`, sessionBody())).statusCode).toBe(404);
    const own = await b.createEpisode();
    expect((await b.put(`/api/v1/episodes/${own.id}/sessions/${sessionId}`, sessionBody({ painAfter: 9 }))).statusCode).toBe(404);
    expect((await a.get(`/api/v1/episodes/${id}/sessions`)).json()[0].painAfter).toBe(3);
  });

  it('feeds sessions to the engine: pain during above 5/10 shows in the next plan', async () => {
    const a = await person();
    const { id } = await a.createEpisode({ onsetDate: '2026-11-20', painNow: 4 });
    const calm = (await a.get(`/api/v1/episodes/${id}/today`)).json();
    await a.put(`/api/v1/episodes/${id}/sessions/${randomUUID()}`, sessionBody({ painAfter: 7, feel: 'too_much', exercises: [{ exerciseId, outcome: 'swapped', painDuring: 8 }] }));
    const after = (await a.get(`/api/v1/episodes/${id}/today`)).json();
    const codes = (plan: { reasons: { code: string }[] }) => plan.reasons.map((r) => r.code);
    expect(codes(calm)).not.toContain('flare-step-back');
    expect(codes(after)).toEqual(expect.arrayContaining(['flare-step-back', 'easier-variant']));
  });

  it('logs comfort entries once and warns when a day passes the label maximum the person entered', async () => {
    const a = await person();
    const { id } = await a.createEpisode();
    const first = randomUUID();
    const entry = { kind: 'tablet', name: 'Pain relief', amount: 2, dailyMax: 4, at: '2026-11-24T08:00:00.000Z' };
    const saved = await a.put(`/api/v1/episodes/${id}/comfort/${first}`, entry);
    expect(saved.json()).toMatchObject({ name: 'Pain relief', amount: 2, dailyMax: 4, overLimit: null });
    expect((await a.put(`/api/v1/episodes/${id}/comfort/${first}`, entry)).json()).toEqual(saved.json());
    await a.put(`/api/v1/episodes/${id}/comfort/${randomUUID()}`, { ...entry, at: '2026-11-24T11:00:00.000Z' });
    const third = await a.put(`/api/v1/episodes/${id}/comfort/${randomUUID()}`, { ...entry, amount: 1, dailyMax: null, at: '2026-11-24T11:30:00.000Z' });
    expect(third.json().overLimit).toEqual({ name: 'Pain relief', date: '2026-11-24', total: 5, dailyMax: 4, unit: null });
    expect((await a.get(`/api/v1/episodes/${id}/comfort`)).json()).toHaveLength(3);
    const heat = await a.put(`/api/v1/episodes/${id}/comfort/${randomUUID()}`, { kind: 'heat', name: 'Warm pack', amount: 20, at: '2026-11-24T11:00:00.000Z' });
    expect(heat.json().overLimit).toBeNull();
  });

  it('keeps each amount with its unit, and the "Did it help?" answer sent later with the same id', async () => {
    const a = await person();
    const { id } = await a.createEpisode();
    const heatId = randomUUID();
    const heat = { kind: 'heat', name: 'Hot water bottle', amount: 20, unit: 'minutes', at: '2026-11-24T09:00:00.000Z' };
    const saved = await a.put(`/api/v1/episodes/${id}/comfort/${heatId}`, heat);
    expect(saved.json()).toMatchObject({ kind: 'heat', amount: 20, unit: 'minutes', dailyMax: null, helped: null });
    const answered = await a.put(`/api/v1/episodes/${id}/comfort/${heatId}`, { ...heat, helped: 'a_little' });
    expect(answered.json()).toMatchObject({ id: heatId, unit: 'minutes', helped: 'a_little' });
    // The first write arriving again (a retry) leaves the answer as it was; sending the same answer twice changes nothing.
    expect((await a.put(`/api/v1/episodes/${id}/comfort/${heatId}`, heat)).json().helped).toBe('a_little');
    expect((await a.put(`/api/v1/episodes/${id}/comfort/${heatId}`, { ...heat, helped: 'a_little' })).json()).toEqual(answered.json());
    expect((await a.put(`/api/v1/episodes/${id}/comfort/${heatId}`, { ...heat, helped: 'yes' })).json().helped).toBe('yes');

    // Tablets and mg of the same product are counted apart against the label.
    const tablets = { kind: 'tablet', name: 'Pain relief', amount: 2, unit: 'tablets', dailyMax: 3, at: '2026-11-24T08:00:00.000Z' };
    await a.put(`/api/v1/episodes/${id}/comfort/${randomUUID()}`, tablets);
    const mg = await a.put(`/api/v1/episodes/${id}/comfort/${randomUUID()}`, { ...tablets, amount: 400, unit: 'mg', dailyMax: 1200 });
    expect(mg.json().overLimit).toBeNull();
    const more = await a.put(`/api/v1/episodes/${id}/comfort/${randomUUID()}`, { ...tablets, at: '2026-11-24T11:00:00.000Z' });
    expect(more.json().overLimit).toEqual({ name: 'Pain relief', date: '2026-11-24', total: 4, dailyMax: 3, unit: 'tablets' });

    // An entry written before units were asked (no unit, no answer) is still taken and listed.
    const old = await a.put(`/api/v1/episodes/${id}/comfort/${randomUUID()}`, { kind: 'heat', name: 'Warm pack', amount: 1, at: '2026-11-24T07:00:00.000Z' });
    expect(old.statusCode).toBe(200);
    expect(old.json()).toMatchObject({ unit: null, helped: null });
    expect((await a.get(`/api/v1/episodes/${id}/comfort`)).json()).toHaveLength(5);
  });

  it.each([
    ['a unit of another kind', { kind: 'heat', unit: 'tablets' }, 'unit', 'one_of'],
    ['an unknown unit', { unit: 'spoonfuls' }, 'unit', 'one_of'],
    ['a label maximum for heat', { kind: 'heat', unit: 'minutes', dailyMax: 3 }, 'dailyMax', 'not_for_kind'],
    ['an unknown answer to "Did it help?"', { helped: 'maybe' }, 'helped', 'one_of'],
    ['an unknown kind', { kind: 'injection' }, 'kind', 'one_of'],
    ['an empty name', { name: '  ' }, 'name', 'min'],
    ['a zero amount', { amount: 0 }, 'amount', 'min'],
    ['an absurd amount', { amount: 1e9 }, 'amount', 'max'],
  ])('rejects a comfort entry with %s', async (_n, change, path, rule) => {
    const a = await person();
    const { id } = await a.createEpisode();
    const res = await a.put(`/api/v1/episodes/${id}/comfort/${randomUUID()}`, { kind: 'topical', name: 'Gel', amount: 1, at: '2026-11-24T08:00:00.000Z', ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path, rule }));
  });

  it('"too easy" twice lets the next day\'s dose grow, and the plan says why', async () => {
    const a = await person();
    const { id } = await a.createEpisode({ onsetDate: '2026-11-14', painNow: 3 });
    for (let d = 14; d <= 24; d++) {
      await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, { at: `2026-11-${d}T08:00:00.000Z`, painNow: 2, painWorst24h: 3, standStraight: 'yes', walkMinutes: 20 });
    }
    for (const d of [22, 23]) {
      await a.put(`/api/v1/episodes/${id}/sessions/${randomUUID()}`, sessionBody({ startedAt: `2026-11-${d}T17:00:00.000Z`, endedAt: `2026-11-${d}T17:10:00.000Z`, painBefore: 2, painAfter: 1, feel: 'too_easy', exercises: [{ exerciseId, outcome: 'done', painDuring: 1 }] }));
    }
    const codes = (await a.get(`/api/v1/episodes/${id}/today`)).json().reasons.map((r: { code: string }) => r.code);
    expect(codes).toContain('dose-grows-too-easy');
  });

  describe('function goals (PSFS)', () => {
    it('names up to five activities, rates them by day, and replaces a same-day rating', async () => {
      const a = await person();
      const { id } = await a.createEpisode({ onsetDate: '2026-11-10' });
      const goalIds = Array.from({ length: 6 }, () => randomUUID());
      for (const [i, goalId] of goalIds.slice(0, 5).entries()) {
        expect((await a.put(`/api/v1/episodes/${id}/function-goals/${goalId}`, { activity: `Activity ${i + 1}` })).statusCode).toBe(200);
      }
      const sixth = await a.put(`/api/v1/episodes/${id}/function-goals/${goalIds[5]}`, { activity: 'One too many' });
      expect(sixth.statusCode).toBe(400);
      expect(sixth.json().error.issues).toContainEqual(expect.objectContaining({ path: 'activity', rule: 'max_activities' }));
      const renamed = await a.put(`/api/v1/episodes/${id}/function-goals/${goalIds[0]}`, { activity: 'Put on my socks' });
      expect(renamed.json().activity).toBe('Put on my socks');

      await a.put(`/api/v1/episodes/${id}/function-goals/${goalIds[0]}/ratings/2026-11-10`, { rating: 2 });
      await a.put(`/api/v1/episodes/${id}/function-goals/${goalIds[0]}/ratings/2026-11-17`, { rating: 4 });
      const again = await a.put(`/api/v1/episodes/${id}/function-goals/${goalIds[0]}/ratings/2026-11-17`, { rating: 5 });
      expect(again.json().ratings).toEqual([{ date: '2026-11-10', rating: 2 }, { date: '2026-11-17', rating: 5 }]);
      expect((await a.put(`/api/v1/episodes/${id}/function-goals/${goalIds[0]}/ratings/2026-11-25`, { rating: 5 })).json().error.issues).toContainEqual(expect.objectContaining({ path: 'date', rule: 'not_future' }));
      expect((await a.put(`/api/v1/episodes/${id}/function-goals/${goalIds[0]}/ratings/2026-11-17`, { rating: 11 })).json().error.issues).toContainEqual(expect.objectContaining({ path: 'rating', rule: 'max' }));
      expect((await a.get(`/api/v1/episodes/${id}/function-goals`)).json()).toHaveLength(5);

      const b = await person();
      expect((await b.get(`/api/v1/episodes/${id}/function-goals`)).statusCode).toBe(404);
      const own = await b.createEpisode();
      expect((await b.put(`/api/v1/episodes/${own.id}/function-goals/${goalIds[0]}`, { activity: 'Taken over' })).statusCode).toBe(404);
      expect((await b.put(`/api/v1/episodes/${own.id}/function-goals/${goalIds[0]}/ratings/2026-11-20`, { rating: 9 })).statusCode).toBe(404);
    });
  });
});
