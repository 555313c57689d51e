import fc from 'fast-check';
import { YES_NO_FIELDS, type SafetyAnswers } from './safety';

/** Any full set of safety answers the contract accepts, for property tests. */
export const anySafetyAnswers = fc.record({
  ...Object.fromEntries(YES_NO_FIELDS.map((f) => [f, fc.constantFrom(true, false, 'unsure' as const)])),
  ageYears: fc.integer({ min: 0, max: 120 }),
  legWeakness: fc.constantFrom('none', 'one_leg_stable', 'progressive', 'unsure'),
  painNRS: fc.integer({ min: 0, max: 10 }),
  weeksWithoutImprovement: fc.integer({ min: 0, max: 60 }),
}) as fc.Arbitrary<SafetyAnswers>;
