import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { calmAnswers } from '../../core/clinical/fixtures';

// Noon in London on 24 November 2026: 365 days earlier is 24 November 2025.
const NOW = new Date('2026-11-24T12:00:00.000Z');

describeEachBackend('onset date', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);
  const put = async (onsetDate: string) => {
    const a = await ctx.person('Europe/London');
    const res = await a.put(`/api/v1/episodes/${randomUUID()}`, { onsetDate, regions: ['low-back-center'], painNow: 6, safety: calmAnswers() });
    return { a, res };
  };

  it('takes an onset 365 days before the day it is entered', async () => {
    expect((await put('2025-11-24')).res.statusCode).toBe(200);
  });

  it.each(['2025-11-23', '2001-01-01', '0001-01-01'])('refuses the onset %s with 400 naming the field and rule, and stores nothing', async (onsetDate) => {
    const { a, res } = await put(onsetDate);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: 'onsetDate', rule: 'too_long_ago' })]);
    expect((await a.get('/api/v1/episodes')).json()).toEqual([]);
  });
});
