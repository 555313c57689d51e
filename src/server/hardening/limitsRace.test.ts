import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';

const NOW = new Date('2026-11-24T12:00:00.000Z');

describeEachBackend('count limits under concurrency', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  it('stores at most five function goals when twelve new ones arrive at once', async () => {
    const a = await ctx.person();
    const { id } = await a.createEpisode();
    const base = `/api/v1/episodes/${id}/function-goals`;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => a.put(`${base}/${randomUUID()}`, { activity: `Activity number ${i}` })));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array(5).fill(200), ...Array(7).fill(400)]);
    for (const r of answers.filter((x) => x.statusCode === 400)) expect(r.json().error.issues).toEqual([expect.objectContaining({ path: 'activity', rule: 'max_activities' })]);
    expect((await a.get(base)).json()).toHaveLength(5);
  });

  it('stores one goal when the same new goal is sent many times at once', async () => {
    const a = await ctx.person();
    const { id } = await a.createEpisode();
    const url = `/api/v1/episodes/${id}/function-goals/${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => a.put(url, { activity: 'Tie my shoes' })));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    expect((await a.get(`/api/v1/episodes/${id}/function-goals`)).json()).toHaveLength(1);
  });
});
