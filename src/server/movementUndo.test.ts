import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';

const NOW = new Date('2026-11-24T12:00:00.000Z');

describeEachBackend('taking back a logged walk', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  it('removes it, answers 204 again when retried or when it never arrived, and keeps it private', async () => {
    const a = await ctx.person('UTC');
    const { id } = await a.createEpisode();
    const walkId = randomUUID();
    const walk = { kind: 'walk', startedAt: '2026-11-24T10:00:00.000Z', minutes: 5 };
    expect((await a.put(`/api/v1/episodes/${id}/movements/${walkId}`, walk)).statusCode).toBe(200);
    const kept = randomUUID();
    expect((await a.put(`/api/v1/episodes/${id}/movements/${kept}`, { ...walk, kind: 'stand-break', minutes: 1 })).statusCode).toBe(200);

    const b = await ctx.person('UTC');
    expect((await b.delete(`/api/v1/episodes/${id}/movements/${walkId}`)).statusCode).toBe(404);
    expect((await a.get(`/api/v1/episodes/${id}/movements`)).json()).toHaveLength(2);

    expect((await a.delete(`/api/v1/episodes/${id}/movements/${walkId}`)).statusCode).toBe(204);
    expect((await a.delete(`/api/v1/episodes/${id}/movements/${walkId}`)).statusCode).toBe(204);
    expect((await a.delete(`/api/v1/episodes/${id}/movements/${randomUUID()}`)).statusCode).toBe(204);
    const left = (await a.get(`/api/v1/episodes/${id}/movements`)).json() as { id: string; kind: string }[];
    expect(left.map((m) => [m.id, m.kind])).toEqual([[kept, 'stand-break']]);
  });
});
