import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';

const NOW = new Date('2026-11-24T12:00:00.000Z');

function checkBody(overrides: Record<string, unknown> = {}) {
  return { at: '2026-11-24T09:00:00.000Z', view: 'side', seconds: 45, score: 72, cues: ['headForward.forward', 'shouldersOverHips.forward'], ...overrides };
}

describeEachBackend('posture checks', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);
  const person = () => ctx.person('UTC');

  it('stores a check once when sent twice, corrects it when sent again changed, and lists it', async () => {
    const a = await person();
    const { id } = await a.createEpisode();
    const checkId = randomUUID();
    const url = `/api/v1/episodes/${id}/posture-checks/${checkId}`;
    const first = await a.put(url, checkBody());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: checkId, episodeId: id, view: 'side', seconds: 45, score: 72, cues: ['headForward.forward', 'shouldersOverHips.forward'] });
    expect((await a.put(url, checkBody())).json()).toEqual(first.json());
    const longer = await a.put(url, checkBody({ seconds: 90, score: 80 }));
    expect(longer.json()).toMatchObject({ seconds: 90, score: 80, createdAt: first.json().createdAt });
    expect((await a.get(`/api/v1/episodes/${id}/posture-checks`)).json()).toEqual([longer.json()]);
  });

  it.each([
    ['a score over 100', { score: 101 }, 'score', 'max'],
    ['a part score', { score: 50.5 }, 'score', 'type'],
    ['no seconds', { seconds: 0 }, 'seconds', 'min'],
    ['an unknown view', { view: 'above' }, 'view', 'one_of'],
    ['an unknown cue', { cues: ['stand-up-straight'] }, 'cues.0', 'one_of'],
    ['a time in the future', { at: '2026-11-25T09:00:00.000Z' }, 'at', 'not_future'],
    ['an image sent along', { image: 'data:image/jpeg;base64,AAAA' }, 'image', 'unknown_field'],
  ])('rejects %s, naming the field and the rule', async (_n, change, path, rule) => {
    const a = await person();
    const { id } = await a.createEpisode();
    const res = await a.put(`/api/v1/episodes/${id}/posture-checks/${randomUUID()}`, checkBody(change));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path, rule }));
    expect((await a.get(`/api/v1/episodes/${id}/posture-checks`)).json()).toEqual([]);
  });

  it("answers 404 for another person's episode or check, and leaves theirs alone", async () => {
    const a = await person();
    const b = await person();
    const { id } = await a.createEpisode();
    const checkId = randomUUID();
    await a.put(`/api/v1/episodes/${id}/posture-checks/${checkId}`, checkBody());
    expect((await b.put(`/api/v1/episodes/${id}/posture-checks/${randomUUID()}`, checkBody())).statusCode).toBe(404);
    expect((await b.get(`/api/v1/episodes/${id}/posture-checks`)).statusCode).toBe(404);
    const own = await b.createEpisode();
    expect((await b.put(`/api/v1/episodes/${own.id}/posture-checks/${checkId}`, checkBody({ score: 1 }))).statusCode).toBe(404);
    expect((await a.get(`/api/v1/episodes/${id}/posture-checks`)).json()).toMatchObject([{ id: checkId, score: 72 }]);
  });
});
