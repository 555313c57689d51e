import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { checkInBody } from './testing/api';
import { calmAnswers } from '../core/clinical/fixtures';
import { Today } from '../contract';

const NOW = new Date('2026-11-24T12:00:00.000Z');
let now = NOW;
/** Each write happens a minute after the one before, as it would for a person. */
const later = () => (now = new Date(now.getTime() + 60_000));

describeEachBackend('the leg rule, enforced by the server', (backend) => {
  const ctx = appUnderTest(backend, () => now);

  async function personWithEpisode() {
    const a = await ctx.person();
    later();
    const { id } = await a.createEpisode({ regions: ['low-back-center'], painNow: 6 });
    later();
    return { a, id };
  }
  async function today(a: Awaited<ReturnType<typeof ctx.person>>, id: string) {
    const res = await a.get(`/api/v1/episodes/${id}/today`);
    expect(res.statusCode).toBe(200);
    return Today.parse(res.json());
  }
  const put = (a: Awaited<ReturnType<typeof ctx.person>>, id: string, body: Record<string, unknown>) => {
    later();
    return a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody(body));
  };

  it('a check-in with new leg pain and no safety answers is kept, and Today asks for the questions before any plan', async () => {
    const { a, id } = await personWithEpisode();
    const before = await today(a, id);
    expect(before.rescreen).toEqual({ needed: false });
    expect(before.plan.length).toBeGreaterThan(0);

    const res = await put(a, id, { regions: [{ region: 'low-back-center', pain: 5 }, { region: 'calf-left', pain: 4 }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ regions: ['low-back-center', 'calf-left'], safety: null, triage: null });

    const after = await today(a, id);
    expect(after.rescreen).toEqual({ needed: true, reason: 'new_leg_pain', regions: ['calf-left'] });
    expect(after.plan).toEqual([]);
    expect(after.reasons).toEqual([]);
  });

  it('the same check-in sent as a plain list of places (another client) needs the re-screen too', async () => {
    const { a, id } = await personWithEpisode();
    await put(a, id, { regions: ['low-back-center', 'thigh-front-right'] });
    expect((await today(a, id)).rescreen).toEqual({ needed: true, reason: 'new_leg_pain', regions: ['thigh-front-right'] });
  });

  it('stays until a check-in with safety answers arrives, even if the next one does not mark the leg as new', async () => {
    const { a, id } = await personWithEpisode();
    await put(a, id, { regions: [{ region: 'knee-left', pain: 3 }] });
    await put(a, id, { regions: [{ region: 'knee-left', pain: 3 }] });
    expect((await today(a, id)).rescreen).toEqual({ needed: true, reason: 'new_leg_pain', regions: ['knee-left'] });

    await put(a, id, { regions: [{ region: 'knee-left', pain: 3 }], safety: calmAnswers({ radicularLegPainOneSide: true }) });
    const after = await today(a, id);
    expect(after.rescreen).toEqual({ needed: false });
    expect(after.plan.length).toBeGreaterThan(0);
  });

  it('new leg pain sent with safety answers needs no re-screen, and the answers are triaged at once', async () => {
    const { a, id } = await personWithEpisode();
    const res = await put(a, id, { regions: [{ region: 'calf-right', pain: 5 }], safety: calmAnswers({ bilateralLegSymptoms: true }) });
    expect(res.json().triage).toMatchObject({ level: 'emergency', decidingRule: 'E2_BILATERAL_LEG_SYMPTOMS' });
    expect((await today(a, id)).rescreen).toEqual({ needed: false });
  });

  it('pain that was already in the leg at the start, or is not in a leg, needs no re-screen', async () => {
    const a = await ctx.person();
    later();
    const { id } = await a.createEpisode({ regions: ['low-back-center', 'thigh-back-left'] });
    await put(a, id, { regions: [{ region: 'thigh-back-left', pain: 4 }, { region: 'buttock-right', pain: 3 }, { region: 'hip-left', pain: 2 }] });
    expect((await today(a, id)).rescreen).toEqual({ needed: false });
  });

  it('documents the re-screen in OpenAPI', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs' })).json();
    const schema = JSON.stringify(doc.paths['/api/v1/episodes/{id}/today'].get.responses['200']);
    expect(schema).toContain('rescreen');
    expect(schema).toContain('new_leg_pain');
  });
});
