import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { unsafeTextPaths } from '../../contract/common';
import { calmAnswers } from '../../core/clinical/fixtures';

const NOW = new Date('2026-11-24T12:00:00.000Z');

describe('unsafeTextPaths', () => {
  it('finds NUL bytes and lone surrogates at any depth, in values and keys, and lets whole pairs through', () => {
    expect(unsafeTextPaths({ a: 'fine 😀', b: ['ok', 'bad\u0000'], c: { d: '\uD83D' }, e: '\uDE00x', ['k\u0000']: 1 })).toEqual(['(key)', 'b.1', 'c.d', 'e']);
    expect(unsafeTextPaths({ a: 'walk to the shop 😀 é', n: 3, t: true, z: null })).toEqual([]);
  });

  it('walks a body nested 100 000 deep without exhausting the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeTextPaths(deep)).toHaveLength(1);
  });
});

describeEachBackend('text and ids', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  async function goalsOf() {
    const a = await ctx.person();
    const { id } = await a.createEpisode();
    return { a, base: `/api/v1/episodes/${id}/function-goals` };
  }

  it.each([
    ['a NUL byte', 'walk\u0000ing'],
    ['a lone high surrogate', 'walking \uD83D'],
    ['a lone low surrogate', '\uDE00 walking'],
  ])('refuses %s in a text field with 400 naming the field, and stores nothing', async (_name, activity) => {
    const { a, base } = await goalsOf();
    const res = await a.put(`${base}/${randomUUID()}`, { activity });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: 'activity', rule: 'text' })]);
    expect((await a.get(base)).json()).toEqual([]);
  });

  it('refuses a NUL byte in a sign-in email the same way', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'a\u0000@example.org', password: 'whatever at all' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: 'email', rule: 'text' })]);
  });

  it('stores a whole emoji and accented text exactly as sent', async () => {
    const { a, base } = await goalsOf();
    const activity = 'Lift my daughter 😀 — café';
    const res = await a.put(`${base}/${randomUUID()}`, { activity });
    expect(res.statusCode).toBe(200);
    expect((await a.get(base)).json()[0].activity).toBe(activity);
  });

  it('treats an id in capitals as the same record, and answers with it in lower case', async () => {
    const a = await ctx.person();
    const id = randomUUID();
    const body = { onsetDate: '2026-11-20', regions: ['low-back-center'], painNow: 6, safety: calmAnswers() };
    const upper = await a.put(`/api/v1/episodes/${id.toUpperCase()}`, body);
    expect(upper.statusCode).toBe(200);
    expect(upper.json().id).toBe(id);
    expect((await a.put(`/api/v1/episodes/${id}`, { ...body, painNow: 4 })).statusCode).toBe(200);
    const list = (await a.get('/api/v1/episodes')).json() as { id: string; painNow: number }[];
    expect(list.map((e) => [e.id, e.painNow])).toEqual([[id, 4]]);
    expect((await a.get(`/api/v1/episodes/${id.toUpperCase()}`)).json().painNow).toBe(4);
    const checkIn = randomUUID();
    const c = await a.put(`/api/v1/episodes/${id.toUpperCase()}/check-ins/${checkIn.toUpperCase()}`, { at: '2026-11-24T08:00:00.000Z', painNow: 5, painWorst24h: 7, standStraight: 'partly', walkMinutes: 3 });
    expect(c.json()).toMatchObject({ id: checkIn, episodeId: id });
  });
});
