import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calmAnswers } from './fixtures';
import { anySafetyAnswers } from './arbitraries.test-util';
import { YES_NO_FIELDS, type SafetyAnswers } from './safety';
import {
  OPTIONAL_SAFETY_FIELDS,
  REQUIRED_SAFETY_FIELDS,
  SAFETY_STEPS,
  completeSafetyAnswers,
  emergencyFromPartial,
  missingRequired,
  painCarriedFromStart,
  triagePartial,
  type PartialSafetyAnswers,
} from './safetySteps';
import { triage } from './triage';

/** Fields the rule table of clinical.md §1 names as inputs of emergency rules E1–E7 (written out from the table). */
const EMERGENCY_INPUTS = [
  'saddleNumbness', 'bladderChange', 'bowelChange', 'newSexualDysfunction', 'bilateralLegSymptoms', 'legWeakness',
  'cancerHistory', 'radicularLegPainOneSide', 'majorTrauma', 'chestPain', 'fever', 'ivDrugUse', 'immunosuppressed', 'recentBacterialInfection',
];
/** Fields only S rules read (S2–S5), and sex, which no rule reads. */
const ADVISORY_ONLY = ['worseningOverTime', 'limitsDailyActivities', 'strugglingToCope', 'worseWithCoughSneezeStrain', 'painNRS', 'sex'];

describe('the stepped safety screen', () => {
  it('asks every emergency-rule question before any other question', () => {
    const order = SAFETY_STEPS.flatMap((s) => s.fields);
    const lastEmergency = Math.max(...EMERGENCY_INPUTS.map((f) => order.indexOf(f as (typeof order)[number])));
    const firstOther = order.findIndex((f) => !EMERGENCY_INPUTS.includes(f));
    expect(lastEmergency).toBeLessThan(firstOther);
    // The first question a newcomer sees is the cauda equina sign of E1.
    expect(order[0]).toBe('saddleNumbness');
  });

  it('asks every question exactly once, in short steps; pain is asked with the start, not as a step', () => {
    const order = SAFETY_STEPS.flatMap((s) => s.fields);
    const all = [...YES_NO_FIELDS, 'ageYears', 'sex', 'legWeakness', 'weeksWithoutImprovement'];
    expect([...order].sort()).toEqual([...all].sort());
    for (const step of SAFETY_STEPS) expect(step.fields.length, step.id).toBeLessThanOrEqual(5);
  });

  it('requires exactly the inputs of E and U rules and age; advisory-only questions and sex are optional', () => {
    expect([...OPTIONAL_SAFETY_FIELDS].sort()).toEqual([...ADVISORY_ONLY].sort());
    for (const f of ADVISORY_ONLY) expect(REQUIRED_SAFETY_FIELDS as readonly string[]).not.toContain(f);
    for (const f of [...EMERGENCY_INPUTS, 'ageYears', 'weeksWithoutImprovement', 'firstEpisode', 'minorTraumaOrStrain', 'osteoporosisOrLongTermSteroids', 'nightOrRestPain', 'thoracicPain', 'deformityOrLump', 'unexplainedWeightLoss']) {
      expect(REQUIRED_SAFETY_FIELDS as readonly string[]).toContain(f);
    }
  });

  it('an optional answer never changes the level or the rules that fire', () => {
    fc.assert(
      fc.property(anySafetyAnswers, (a) => {
        const noOptional = { ...a, painNRS: 0, worseningOverTime: false, limitsDailyActivities: false, strugglingToCope: false, worseWithCoughSneezeStrain: false };
        const [x, y] = [triage(a), triage(noOptional)];
        expect([x.level, x.triggeredRules]).toEqual([y.level, y.triggeredRules]);
      }),
    );
  });
});

describe('emergencyFromPartial', () => {
  it('numbness around the genitals or bottom, answered yes alone, is an emergency (E1)', () => {
    const r = emergencyFromPartial({ saddleNumbness: true });
    expect(r?.level).toBe('emergency');
    expect(r?.decidingRule).toBe('E1_CES_SYMPTOMS');
    expect(r?.timeframe).toBe('now');
  });

  it('"not sure" counts as yes: a not-sure bladder change alone is an emergency (E1)', () => {
    expect(emergencyFromPartial({ bladderChange: 'unsure' })?.decidingRule).toBe('E1_CES_SYMPTOMS');
  });

  it('both legs alone is E2; weakness getting worse alone is E3; not sure about weakness counts as worse', () => {
    expect(emergencyFromPartial({ bilateralLegSymptoms: true })?.decidingRule).toBe('E2_BILATERAL_LEG_SYMPTOMS');
    expect(emergencyFromPartial({ legWeakness: 'progressive' })?.decidingRule).toBe('E3_PROGRESSIVE_NEURO_DEFICIT');
    expect(emergencyFromPartial({ legWeakness: 'unsure' })?.decidingRule).toBe('E3_PROGRESSIVE_NEURO_DEFICIT');
  });

  it('cancer history with pain down one leg is E4; either alone is not an emergency', () => {
    expect(emergencyFromPartial({ cancerHistory: true, radicularLegPainOneSide: true })?.decidingRule).toBe('E4_CANCER_WITH_NEURO_SYMPTOMS');
    expect(emergencyFromPartial({ cancerHistory: true })).toBeNull();
    expect(emergencyFromPartial({ radicularLegPainOneSide: true })).toBeNull();
  });

  it('a serious accident is E5, chest pain is E6, fever with an infection risk is E7', () => {
    expect(emergencyFromPartial({ majorTrauma: true })?.decidingRule).toBe('E5_MAJOR_TRAUMA');
    expect(emergencyFromPartial({ chestPain: true })?.decidingRule).toBe('E6_CHEST_PAIN');
    expect(emergencyFromPartial({ fever: true, immunosuppressed: 'unsure' })?.decidingRule).toBe('E7_FEVER_WITH_INFECTION_RISK');
  });

  it('fever alone is urgent, not an emergency', () => {
    expect(emergencyFromPartial({ fever: true })).toBeNull();
    expect(triagePartial({ ...calmAnswers(), fever: true })?.level).toBe('urgent-doctor');
  });

  it('no answers, or only "no" answers, are not an emergency', () => {
    expect(emergencyFromPartial({})).toBeNull();
    expect(emergencyFromPartial({ saddleNumbness: false, bladderChange: false, legWeakness: 'none' })).toBeNull();
  });

  it('an emergency from partial answers stays one whatever the unanswered questions turn out to be', () => {
    const answer = fc.constantFrom(true, false, 'unsure' as const, undefined);
    const partial = fc.record({
      ...Object.fromEntries(YES_NO_FIELDS.map((f) => [f, answer])),
      legWeakness: fc.constantFrom('none', 'one_leg_stable', 'progressive', 'unsure', undefined),
    }) as fc.Arbitrary<PartialSafetyAnswers>;
    fc.assert(
      fc.property(partial, anySafetyAnswers, (known, rest) => {
        const given = Object.fromEntries(Object.entries(known).filter(([, v]) => v !== undefined));
        if (emergencyFromPartial(given) === null) return;
        expect(triage({ ...rest, ...given }).level).toBe('emergency');
      }),
    );
  });
});

/** The answers without the named ones (as if never answered). */
function without(a: SafetyAnswers, fields: readonly string[]): PartialSafetyAnswers {
  return Object.fromEntries(Object.entries(a).filter(([k]) => !fields.includes(k)));
}
const ADVISORY_QUESTIONS = ['worseningOverTime', 'limitsDailyActivities', 'strugglingToCope', 'worseWithCoughSneezeStrain', 'painNRS'];

describe('missing and complete answers', () => {
  it('names every required question not answered, and none of the optional ones', () => {
    expect(missingRequired(without(calmAnswers(), ADVISORY_QUESTIONS))).toEqual([]);
    expect(missingRequired(without(calmAnswers(), [...ADVISORY_QUESTIONS, 'ageYears', 'fever'])).sort()).toEqual(['ageYears', 'fever']);
  });

  it('unanswered optional questions count as no for the advisories', () => {
    const rest = without(calmAnswers(), ADVISORY_QUESTIONS);
    const r = triagePartial(rest);
    expect(r).toEqual({ level: 'self-care', timeframe: null, decidingRule: 'NONE', triggeredRules: [], advisories: [], gpReviewAdvised: false });
    expect(completeSafetyAnswers({ ...rest, strugglingToCope: true })?.limitsDailyActivities).toBe(false);
  });

  it('is not complete, and not triaged, while a required question is missing and nothing is an emergency', () => {
    expect(completeSafetyAnswers({ fever: true })).toBeNull();
    expect(triagePartial({ fever: true })).toBeNull();
    expect(triagePartial({ chestPain: true })?.level).toBe('emergency');
  });
});

describe('painCarriedFromStart (pain is asked once)', () => {
  // Started at 23:30 UTC on 30 November, which is 00:30 on 1 December in Paris.
  const start = { createdAt: '2026-11-30T23:30:00.000Z', painNow: 6, safety: { painNRS: 6 } };
  it('pre-fills the first check-in of the same day in the person’s time zone', () => {
    expect(painCarriedFromStart(start, [], '2026-12-01', 'Europe/Paris')).toBe(6);
    expect(painCarriedFromStart(start, [], '2026-11-30', 'Europe/London')).toBe(6);
  });
  it('not on another day, not after a check-in, not when the start had no pain answer', () => {
    expect(painCarriedFromStart(start, [], '2026-12-01', 'Europe/London')).toBeUndefined();
    expect(painCarriedFromStart(start, [{}], '2026-12-01', 'Europe/Paris')).toBeUndefined();
    expect(painCarriedFromStart({ ...start, painNow: 0, safety: {} }, [], '2026-12-01', 'Europe/Paris')).toBeUndefined();
  });
});
