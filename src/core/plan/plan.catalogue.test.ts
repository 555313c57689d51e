import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseById } from '../exercises';
import { EXERCISE_STYLES } from '../exercises/types';
import { addDays } from '../time';
import { checkIn, planInput, sessionLog } from './fixtures.test-util';
import { STAGE_SESSION_MINUTES } from './pacing';
import { buildPlan } from './plan';
import { chooseSession, loadsMuscle } from './session';
import { STAGE_IDS } from './stages';

/** The engine with the real catalogue from src/core/exercises. */

describe('with the real catalogue', () => {
  it.each(STAGE_IDS)('sizes %s sessions within ±10 percent for every style and length, from that stage only', (stage) => {
    for (const style of EXERCISE_STYLES) {
      for (const minutes of [5, 10, 20, 30]) {
        const target = Math.min(minutes, STAGE_SESSION_MINUTES[stage]) * 60;
        for (let rotation = 0; rotation < 7; rotation++) {
          const choice = chooseSession(
            EXERCISES,
            { stage, rotation, styles: [style], weak: ['glute-max'], tight: ['hamstrings'], related: [], hurt: new Set() },
            { targetSeconds: target, lowerSeconds: target * 0.9, upperSeconds: target * 1.1, cappedBy: null, maxDoseFactor: 0.8 },
          );
          expect(choice.totalSeconds).toBeGreaterThanOrEqual(target * 0.9);
          expect(choice.totalSeconds).toBeLessThanOrEqual(target * 1.1);
          for (const e of choice.exercises) {
            const ex = exerciseById(e.exerciseId);
            expect(ex?.stages).toContain(stage);
            expect(ex && loadsMuscle(ex, 'hamstrings')).toBe(false);
          }
        }
      }
    }
  });

  it('plans every day of a six-week recovery', () => {
    const onset = '2024-03-01';
    const checkIns = Array.from({ length: 43 }, (_, i) =>
      checkIn(addDays(onset, i), {
        painNow: Math.max(0, 8 - Math.floor(i / 4)),
        painWorst24h: Math.max(1, 9 - Math.floor(i / 4)),
        standStraight: i < 2 ? 'no' : i < 5 ? 'partly' : 'yes',
        walkMinutes: Math.min(40, i * 2),
        regions: i % 7 === 3 ? ['low-back-center', 'neck-back'] : ['low-back-center'],
      }),
    );
    const sessions = Array.from({ length: 42 }, (_, i) => sessionLog(addDays(onset, i), { painDuring: 3, painAfter: 3 }));
    const seen = new Set<string>();
    for (let i = 0; i <= 42; i++) {
      const plan = buildPlan(
        planInput({
          date: addDays(onset, i),
          checkIns,
          sessions,
          muscleNotes: [
            { muscle: 'glute-med', feels: 'weak' },
            { muscle: 'hip-flexors', feels: 'tight' },
          ],
          preferences: { styles: ['ballet'], sessionMinutes: 20 },
        }),
        EXERCISES,
      );
      expect(plan.stage).not.toBeNull();
      seen.add(plan.stage ?? '');
      for (const item of plan.items) {
        expect(plan.reasons).toContain(item.reason);
        if (item.kind !== 'session') continue;
        for (const e of item.exercises) {
          const ex = exerciseById(e.exerciseId);
          expect(ex?.stages).toContain(plan.stage);
          expect(ex && loadsMuscle(ex, 'hip-flexors')).toBe(false);
        }
      }
    }
    expect([...seen]).toEqual(['settle', 'stand-walk', 'move', 'strengthen', 'maintain']);
  });
});
