import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from './dates';
import { anyInput, IDS, pain, recoveringArb } from './arbitraries.test-util';
import { CATALOGUE } from './fixtures.test-util';
import { buildPlan, planVolume } from './plan';
import { recentlyHurt, replayEpisode } from './replay';
import { eligiblePool, loadsMuscle } from './session';
import { stageIndex } from './stages';
import type { Plan, PlanInput } from './types';

const byId = new Map(CATALOGUE.map((e) => [e.id, e]));

function sessionOf(plan: Plan) {
  for (const item of plan.items) if (item.kind === 'session') return item;
  return undefined;
}

const RUNS = { numRuns: 150 };

describe('buildPlan properties', () => {
  it('never plans an exercise outside the current stage', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plan = buildPlan(input, CATALOGUE);
        for (const e of sessionOf(plan)?.exercises ?? []) {
          expect(plan.stage).not.toBeNull();
          expect(byId.get(e.exerciseId)?.stages).toContain(plan.stage);
        }
      }),
      RUNS,
    );
  });

  it("after a flare, the next day's volume is not above the last day's", () => {
    let flareDays = 0;
    fc.assert(
      fc.property(anyInput(), (input) => {
        const replay = replayEpisode(input, CATALOGUE);
        const yesterday = replay.days[replay.days.length - 2];
        if (!yesterday || yesterday.flaresToday.length === 0) return;
        flareDays++;
        const today = planVolume(buildPlan(input, CATALOGUE));
        const before = planVolume(buildPlan({ ...input, date: yesterday.date }, CATALOGUE));
        expect(today.walkMinutes).toBeLessThanOrEqual(before.walkMinutes);
        expect(today.sessionMinutes).toBeLessThanOrEqual(before.sessionMinutes);
      }),
      { numRuns: 300 },
    );
    expect(flareDays).toBeGreaterThan(10);
  });

  it('gives weak muscles strengthening work from the move stage on', () => {
    let checked = 0;
    fc.assert(
      fc.property(recoveringArb, (input) => {
        const weak = [...new Set(input.muscleNotes.filter((n) => n.feels === 'weak').map((n) => n.muscle))].slice(0, 2);
        const tight = input.muscleNotes.filter((n) => n.feels === 'tight').map((n) => n.muscle);
        const notes = [...weak.map((muscle) => ({ muscle, feels: 'weak' as const })), ...tight.map((muscle) => ({ muscle, feels: 'tight' as const }))];
        const withNotes: PlanInput = { ...input, muscleNotes: notes };
        const replay = replayEpisode(withNotes, CATALOGUE);
        const day = replay.days[replay.days.length - 1];
        if (!day?.session || stageIndex(day.stage) < stageIndex('move') || day.session.range.upperSeconds < 240) return;
        const plan = buildPlan(withNotes, CATALOGUE);
        const session = sessionOf(plan);
        expect(session).toBeDefined();
        const { pool } = eligiblePool(CATALOGUE, {
          stage: day.stage,
          rotation: 0,
          styles: input.preferences.styles,
          weak: [],
          tight,
          related: [],
          hurt: recentlyHurt(replay.history, day.date),
        });
        for (const m of weak) {
          if (tight.includes(m) || !pool.some((e) => loadsMuscle(e, m))) continue;
          checked++;
          expect(session?.exercises.some((e) => loadsMuscle(byId.get(e.exerciseId) ?? CATALOGUE[0]!, m))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('never gives a tight muscle loading work', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const tight = input.muscleNotes.filter((n) => n.feels === 'tight').map((n) => n.muscle);
        const plan = buildPlan(input, CATALOGUE);
        for (const e of sessionOf(plan)?.exercises ?? []) {
          const ex = byId.get(e.exerciseId);
          for (const m of tight) expect(ex && loadsMuscle(ex, m)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic, whatever the order of the records', () => {
    fc.assert(
      fc.property(anyInput(), fc.boolean(), (input, reverse) => {
        const again: PlanInput = reverse
          ? {
              ...input,
              checkIns: [...input.checkIns].reverse(),
              sessions: [...input.sessions].reverse(),
              movements: [...input.movements].reverse(),
              muscleNotes: [...input.muscleNotes].reverse(),
            }
          : structuredClone(input);
        expect(buildPlan(again, CATALOGUE)).toEqual(buildPlan(input, CATALOGUE));
      }),
      RUNS,
    );
  });

  it('ignores records after the plan date', () => {
    fc.assert(
      fc.property(anyInput(), fc.integer({ min: 1, max: 3 }), pain, (input, daysLater, later) => {
        const at = `${addDays(input.date, daysLater)}T12:00:00Z`;
        expect(localDate(at, input.timeZone) > input.date).toBe(true);
        const withFuture: PlanInput = {
          ...input,
          checkIns: [
            ...input.checkIns,
            { id: 'future', at, painNow: later, painWorst24h: 10, standStraight: 'no', walkMinutes: 0, regions: ['neck-back', 'thigh-back-left'] },
          ],
          sessions: [
            ...input.sessions,
            { id: 'future-s', startedAt: at, endedAt: at, painBefore: 9, painAfter: 9, feel: 'too_much', exercises: [{ exerciseId: IDS[0]!, outcome: 'swapped', painDuring: 9 }] },
          ],
          movements: [...input.movements, { kind: 'walk', startedAt: at, minutes: 120 }],
          episode: { ...input.episode, clinicianSeenAt: input.episode.clinicianSeenAt ?? at },
        };
        expect(buildPlan(withFuture, CATALOGUE)).toEqual(buildPlan(input, CATALOGUE));
      }),
      RUNS,
    );
  });

  it('gives every item a reason, and lists the stage reason first', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plan = buildPlan(input, CATALOGUE);
        expect(plan.reasons[0]?.code.startsWith('stage-')).toBe(true);
        for (const item of plan.items) expect(plan.reasons).toContain(item.reason);
        for (const r of plan.reasons) expect(r.text.length).toBeGreaterThan(10);
      }),
      RUNS,
    );
  });
});
