import { describe, expect, it } from 'vitest';
import { calmAnswers } from '../../core/clinical/fixtures';
import { rescreenFrom } from './rescreen';

const EPISODE = { regions: ['low-back-center'], painNow: 6, createdAt: '2026-11-20T09:00:00.000Z' };
const legs = { at: '2026-11-21T08:00:00.000Z', createdAt: '2026-11-21T08:00:05.000Z', bodyMap: [{ region: 'calf-left', pain: 3, spasm: false }], safety: null };

describe('the leg rule on this device (offline Today, the check-in)', () => {
  it('asks again after a check-in with new leg pain and no answers, still waiting to be sent or not', () => {
    expect(rescreenFrom(EPISODE, [legs])).toEqual({ needed: true, reason: 'new_leg_pain', regions: ['calf-left'] });
  });
  it('not once a check-in carried safety answers, its own or a later one', () => {
    expect(rescreenFrom(EPISODE, [{ ...legs, safety: calmAnswers() }])).toEqual({ needed: false });
    const answered = { at: '2026-11-22T08:00:00.000Z', createdAt: '2026-11-22T08:00:05.000Z', bodyMap: [], safety: calmAnswers() };
    expect(rescreenFrom(EPISODE, [legs, answered])).toEqual({ needed: false });
  });
});
