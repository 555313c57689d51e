import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyInput } from './arbitraries.test-util';
import { CATALOGUE, SELF_CARE } from './fixtures.test-util';
import { buildPlan } from './plan';
import type { CuePosition, Plan } from './types';

/**
 * Coaching that agrees with itself: what a plan says in one place is not contradicted in another.
 * Each property states the fact in words (a regular expression, a number from docs/engine.md), never
 * by calling the code under test for the expected value.
 */

const RUNS = { numRuns: 150 };

/** What a cue under each heading must talk about (the heading the web app shows is in src/web/words/plan.ts). */
const ABOUT: Record<CuePosition, RegExp> = {
  lying: /\b(lie|lying)\b/i,
  'getting-up': /\bget up\b/i,
  standing: /\bstand\b/i,
  sitting: /\bsit(ting)?\b/i,
  walking: /\bwalk\b/i,
  lifting: /\b(lift|carry|bend)\b/i,
  exercising: /\bmovement\b/i,
  habit: /\b(a week|every day|routine)\b/i,
};

/** A cue that tells you to take a position belongs under that position's heading. */
const TAKES_POSITION: [CuePosition, RegExp][] = [
  ['lying', /\blie (on|down)\b/i],
  ['standing', /^stand\b/i],
  ['sitting', /^sit\b/i],
  ['walking', /^walk\b/i],
];

function postureOf(plan: Plan) {
  for (const item of plan.items) if (item.kind === 'posture') return item;
  return undefined;
}

describe('coaching that agrees with itself', () => {
  it('shows every posture cue under the position it is for', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plan = buildPlan(input, CATALOGUE);
        const posture = postureOf(plan);
        if (plan.stage === null) return;
        expect(posture).toBeDefined();
        if (!posture) return;
        expect(posture.groups.length).toBeGreaterThan(0);
        expect(posture.cues).toEqual(posture.groups.flatMap((g) => g.cues));
        expect(new Set(posture.groups.map((g) => g.position)).size).toBe(posture.groups.length);
        for (const g of posture.groups) {
          expect(g.cues.length).toBeGreaterThan(0);
          for (const cue of g.cues) {
            expect(cue, `"${cue}" under ${g.position}`).toMatch(ABOUT[g.position]);
            for (const [position, takes] of TAKES_POSITION) if (takes.test(cue)) expect(g.position, `"${cue}"`).toBe(position);
          }
        }
      }),
      RUNS,
    );
  });

  it('never starts the standing cues with lying down (the settle stage lists lying first, under its own heading)', () => {
    const plan = buildPlan(
      {
        date: '2024-03-01',
        timeZone: 'UTC',
        episode: { onsetDate: '2024-03-01', regions: ['low-back-center'], painNow: 8, triage: SELF_CARE, clinicianSeenAt: null },
        checkIns: [],
        sessions: [],
        movements: [],
        muscleNotes: [],
        preferences: { styles: ['general'], sessionMinutes: 10 },
      },
      CATALOGUE,
    );
    expect(plan.stage).toBe('settle');
    const groups = postureOf(plan)?.groups ?? [];
    expect(groups.map((g) => g.position)).toEqual(['lying', 'getting-up', 'standing']);
    expect(groups.find((g) => g.position === 'standing')?.cues.every((c) => !/\blie\b/i.test(c))).toBe(true);
  });
});
