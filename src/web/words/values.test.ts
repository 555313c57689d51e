import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../core/exercises';
import { anyInput } from '../../core/plan/arbitraries.test-util';
import { buildPlan } from '../../core/plan/plan';
import { STAND_WORDS, WALK_CHOICES, walkInWords } from './checkIn';
import { doseInWords, POSITION_WORDS, ROLE_WORDS, STYLE_WORDS } from './exercises';
import { CUE_POSITION_WORDS, PRINCIPLE_WORDS, planItemWords } from './plan';

/** Every value shown to a person is worded: "Partly", never "partly"; "Stand & walk", never "stand-walk". */

/** A lower-case enum-like token (partly, one_leg_stable, within_24h, self-care) shown as a whole value. */
const RAW_VALUE = /^[a-z0-9]+([-_][a-z0-9]+)*$/;

describe('values shown to a person', () => {
  it.each([
    ['standing up straight', STAND_WORDS],
    ['posture cue headings', CUE_POSITION_WORDS],
    ['principles', PRINCIPLE_WORDS],
    ['positions', POSITION_WORDS],
    ['session roles', ROLE_WORDS],
    ['styles', STYLE_WORDS],
  ] as const)('%s are words that start with a capital, never the stored value', (_name, words) => {
    for (const [key, shown] of Object.entries(words)) {
      expect(shown, key).not.toBe(key);
      expect(shown, key).not.toMatch(RAW_VALUE);
      expect(shown.charAt(0), key).toBe(shown.charAt(0).toUpperCase());
    }
  });

  it('says "Partly" for standing up straight partly (the case in issue 9)', () => {
    expect(STAND_WORDS.partly).toBe('Partly');
  });

  it('says each walking answer the way the check-in offered it', () => {
    for (const choice of WALK_CHOICES) expect(walkInWords(choice.minutes).toLowerCase()).toBe(choice.label.toLowerCase());
  });

  it('words every plan item with no raw value in its title, detail or doses', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plan = buildPlan(input, EXERCISES);
        for (const item of plan.items) {
          const { title, detail } = planItemWords(item);
          const shown = [title, detail, ...(item.kind === 'session' ? item.exercises.map((e) => doseInWords(e.dose)) : [])];
          for (const text of shown) {
            expect(text, text).not.toMatch(RAW_VALUE);
            expect(text, text).not.toMatch(/\b[a-z]+_[a-z0-9_]+\b|\b(within_24h|within_1_week|one_leg_stable|self-care|urgent-doctor|stand-walk)\b/);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
