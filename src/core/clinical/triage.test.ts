import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calmAnswers } from './fixtures';
import { triage, RULE_IDS, ADVISORY_IDS, type RuleId, type AdvisoryId } from './triage';
import { YES_NO_FIELDS, type SafetyAnswers } from './safety';

interface Case {
  rule: RuleId | AdvisoryId | 'NONE';
  name: string;
  answers: Partial<SafetyAnswers>;
  level: 'emergency' | 'urgent-doctor' | 'self-care';
  triggered: RuleId[];
  advisories?: AdvisoryId[];
  timeframe: 'now' | 'within_24h' | 'within_1_week' | null;
}

const CASES: Case[] = [
  { rule: 'NONE', name: 'calm answers', answers: {}, level: 'self-care', triggered: [], timeframe: null },
  // E1: each cauda equina symptom alone
  ...(['saddleNumbness', 'bladderChange', 'bowelChange', 'newSexualDysfunction'] as const).map((f): Case => ({
    rule: 'E1_CES_SYMPTOMS', name: `${f} alone`, answers: { [f]: true }, level: 'emergency', triggered: ['E1_CES_SYMPTOMS'], timeframe: 'now',
  })),
  { rule: 'E1_CES_SYMPTOMS', name: 'bladder change "not sure" counts as yes', answers: { bladderChange: 'unsure' }, level: 'emergency', triggered: ['E1_CES_SYMPTOMS'], timeframe: 'now' },
  { rule: 'E2_BILATERAL_LEG_SYMPTOMS', name: 'both legs', answers: { bilateralLegSymptoms: true }, level: 'emergency', triggered: ['E2_BILATERAL_LEG_SYMPTOMS'], timeframe: 'now' },
  { rule: 'E3_PROGRESSIVE_NEURO_DEFICIT', name: 'weakness getting worse', answers: { legWeakness: 'progressive' }, level: 'emergency', triggered: ['E3_PROGRESSIVE_NEURO_DEFICIT'], timeframe: 'now' },
  { rule: 'E3_PROGRESSIVE_NEURO_DEFICIT', name: 'leg weakness "not sure" counts as progressive', answers: { legWeakness: 'unsure' }, level: 'emergency', triggered: ['E3_PROGRESSIVE_NEURO_DEFICIT'], timeframe: 'now' },
  { rule: 'E4_CANCER_WITH_NEURO_SYMPTOMS', name: 'cancer history with sciatica', answers: { cancerHistory: true, radicularLegPainOneSide: true }, level: 'emergency', triggered: ['E4_CANCER_WITH_NEURO_SYMPTOMS', 'U3_CANCER_HISTORY'], timeframe: 'now' },
  { rule: 'E4_CANCER_WITH_NEURO_SYMPTOMS', name: 'cancer history with stable one-leg weakness', answers: { cancerHistory: true, legWeakness: 'one_leg_stable' }, level: 'emergency', triggered: ['E4_CANCER_WITH_NEURO_SYMPTOMS', 'U3_CANCER_HISTORY', 'U4_NEW_ONE_LEG_WEAKNESS'], timeframe: 'now' },
  { rule: 'E4_CANCER_WITH_NEURO_SYMPTOMS', name: 'cancer history with a cauda equina symptom', answers: { cancerHistory: true, saddleNumbness: true }, level: 'emergency', triggered: ['E1_CES_SYMPTOMS', 'E4_CANCER_WITH_NEURO_SYMPTOMS', 'U3_CANCER_HISTORY'], timeframe: 'now' },
  { rule: 'E5_MAJOR_TRAUMA', name: 'serious accident', answers: { majorTrauma: true }, level: 'emergency', triggered: ['E5_MAJOR_TRAUMA'], timeframe: 'now' },
  { rule: 'E6_CHEST_PAIN', name: 'chest pain', answers: { chestPain: true }, level: 'emergency', triggered: ['E6_CHEST_PAIN'], timeframe: 'now' },
  ...(['ivDrugUse', 'immunosuppressed', 'recentBacterialInfection'] as const).map((f): Case => ({
    rule: 'E7_FEVER_WITH_INFECTION_RISK', name: `fever with ${f}`, answers: { fever: true, [f]: true }, level: 'emergency',
    triggered: ['E7_FEVER_WITH_INFECTION_RISK', 'U1_FEVER', 'U10_INFECTION_RISK_NO_FEVER'], timeframe: 'now',
  })),
  { rule: 'U1_FEVER', name: 'fever alone', answers: { fever: true }, level: 'urgent-doctor', triggered: ['U1_FEVER'], timeframe: 'within_24h' },
  { rule: 'U2_UNEXPLAINED_WEIGHT_LOSS', name: 'weight loss', answers: { unexplainedWeightLoss: true }, level: 'urgent-doctor', triggered: ['U2_UNEXPLAINED_WEIGHT_LOSS'], timeframe: 'within_24h' },
  { rule: 'U3_CANCER_HISTORY', name: 'cancer history alone', answers: { cancerHistory: true }, level: 'urgent-doctor', triggered: ['U3_CANCER_HISTORY'], timeframe: 'within_24h' },
  { rule: 'U4_NEW_ONE_LEG_WEAKNESS', name: 'one leg weak, not worsening', answers: { legWeakness: 'one_leg_stable' }, level: 'urgent-doctor', triggered: ['U4_NEW_ONE_LEG_WEAKNESS'], timeframe: 'within_24h' },
  { rule: 'U5_FRAGILITY_FRACTURE_RISK', name: 'strain with osteoporosis', answers: { minorTraumaOrStrain: true, osteoporosisOrLongTermSteroids: true }, level: 'urgent-doctor', triggered: ['U5_FRAGILITY_FRACTURE_RISK'], timeframe: 'within_24h' },
  { rule: 'U5_FRAGILITY_FRACTURE_RISK', name: 'strain at 66 (edge: > 65)', answers: { minorTraumaOrStrain: true, ageYears: 66 }, level: 'urgent-doctor', triggered: ['U5_FRAGILITY_FRACTURE_RISK'], timeframe: 'within_24h' },
  { rule: 'NONE', name: 'strain at 65 does not fire U5', answers: { minorTraumaOrStrain: true, ageYears: 65 }, level: 'self-care', triggered: [], timeframe: null },
  { rule: 'NONE', name: 'osteoporosis without a strain does not fire U5', answers: { osteoporosisOrLongTermSteroids: true }, level: 'self-care', triggered: [], timeframe: null },
  { rule: 'U6_DEFORMITY_OR_LUMP', name: 'lump', answers: { deformityOrLump: true }, level: 'urgent-doctor', triggered: ['U6_DEFORMITY_OR_LUMP'], timeframe: 'within_24h' },
  { rule: 'U7_NIGHT_OR_REST_PAIN', name: 'night pain', answers: { nightOrRestPain: true }, level: 'urgent-doctor', triggered: ['U7_NIGHT_OR_REST_PAIN'], timeframe: 'within_24h' },
  { rule: 'U8_WORSE_WITH_COUGH_SNEEZE_STRAIN', name: 'worse with cough', answers: { worseWithCoughSneezeStrain: true }, level: 'urgent-doctor', triggered: ['U8_WORSE_WITH_COUGH_SNEEZE_STRAIN'], timeframe: 'within_24h' },
  { rule: 'U9_THORACIC_PAIN', name: 'between the shoulder blades', answers: { thoracicPain: true }, level: 'urgent-doctor', triggered: ['U9_THORACIC_PAIN'], timeframe: 'within_24h' },
  ...(['ivDrugUse', 'immunosuppressed', 'recentBacterialInfection'] as const).map((f): Case => ({
    rule: 'U10_INFECTION_RISK_NO_FEVER', name: `${f} without fever`, answers: { [f]: true }, level: 'urgent-doctor', triggered: ['U10_INFECTION_RISK_NO_FEVER'], timeframe: 'within_24h',
  })),
  { rule: 'U11_AGE_OVER_50_NOT_IMPROVING_4_WEEKS', name: 'age 51, 4 weeks', answers: { ageYears: 51, weeksWithoutImprovement: 4 }, level: 'urgent-doctor', triggered: ['U11_AGE_OVER_50_NOT_IMPROVING_4_WEEKS'], advisories: ['S1_NOT_IMPROVING_4_WEEKS'], timeframe: 'within_24h' },
  { rule: 'S1_NOT_IMPROVING_4_WEEKS', name: 'age 50, 4 weeks: only the advisory (edge: > 50)', answers: { ageYears: 50, weeksWithoutImprovement: 4 }, level: 'self-care', triggered: [], advisories: ['S1_NOT_IMPROVING_4_WEEKS'], timeframe: null },
  { rule: 'NONE', name: 'age 51, 3 weeks', answers: { ageYears: 51, weeksWithoutImprovement: 3 }, level: 'self-care', triggered: [], timeframe: null },
  { rule: 'U12_UNDER_16_OUT_OF_SCOPE', name: 'age 15 (edge: < 16)', answers: { ageYears: 15 }, level: 'urgent-doctor', triggered: ['U12_UNDER_16_OUT_OF_SCOPE'], timeframe: 'within_1_week' },
  { rule: 'NONE', name: 'age 16 is in scope', answers: { ageYears: 16 }, level: 'self-care', triggered: [], timeframe: null },
  { rule: 'U13_AGE_FLAG_FIRST_EPISODE', name: 'first episode at 51', answers: { firstEpisode: true, ageYears: 51 }, level: 'urgent-doctor', triggered: ['U13_AGE_FLAG_FIRST_EPISODE'], timeframe: 'within_1_week' },
  { rule: 'U13_AGE_FLAG_FIRST_EPISODE', name: 'first episode at 19 (edge: < 20)', answers: { firstEpisode: true, ageYears: 19 }, level: 'urgent-doctor', triggered: ['U13_AGE_FLAG_FIRST_EPISODE'], timeframe: 'within_1_week' },
  { rule: 'NONE', name: 'first episode at 20', answers: { firstEpisode: true, ageYears: 20 }, level: 'self-care', triggered: [], timeframe: null },
  { rule: 'NONE', name: 'first episode at 50', answers: { firstEpisode: true, ageYears: 50 }, level: 'self-care', triggered: [], timeframe: null },
  { rule: 'U12_UNDER_16_OUT_OF_SCOPE', name: 'first episode at 15: U12 and U13, one week', answers: { firstEpisode: true, ageYears: 15 }, level: 'urgent-doctor', triggered: ['U12_UNDER_16_OUT_OF_SCOPE', 'U13_AGE_FLAG_FIRST_EPISODE'], timeframe: 'within_1_week' },
  { rule: 'U1_FEVER', name: 'U13 with fever: within 24 h wins', answers: { firstEpisode: true, ageYears: 60, fever: true }, level: 'urgent-doctor', triggered: ['U1_FEVER', 'U13_AGE_FLAG_FIRST_EPISODE'], timeframe: 'within_24h' },
  { rule: 'NONE', name: 'one-sided sciatica alone is not a red flag', answers: { radicularLegPainOneSide: true }, level: 'self-care', triggered: [], timeframe: null },
  { rule: 'S2_SEVERE_OR_WORSENING', name: 'pain 7 (edge: ≥ 7)', answers: { painNRS: 7 }, level: 'self-care', triggered: [], advisories: ['S2_SEVERE_OR_WORSENING'], timeframe: null },
  { rule: 'NONE', name: 'pain 6', answers: { painNRS: 6 }, level: 'self-care', triggered: [], timeframe: null },
  { rule: 'S2_SEVERE_OR_WORSENING', name: 'worsening', answers: { worseningOverTime: true }, level: 'self-care', triggered: [], advisories: ['S2_SEVERE_OR_WORSENING'], timeframe: null },
  { rule: 'S3_LIMITS_DAILY_ACTIVITIES', name: 'limits daily life', answers: { limitsDailyActivities: true }, level: 'self-care', triggered: [], advisories: ['S3_LIMITS_DAILY_ACTIVITIES'], timeframe: null },
  { rule: 'S4_STRUGGLING_TO_COPE', name: 'struggling', answers: { strugglingToCope: 'unsure' }, level: 'self-care', triggered: [], advisories: ['S4_STRUGGLING_TO_COPE'], timeframe: null },
  { rule: 'E6_CHEST_PAIN', name: 'advisories still listed at emergency level', answers: { chestPain: true, painNRS: 9 }, level: 'emergency', triggered: ['E6_CHEST_PAIN'], advisories: ['S2_SEVERE_OR_WORSENING'], timeframe: 'now' },
];

describe('triage (clinical.md §1)', () => {
  it.each(CASES)('$rule: $name', (c) => {
    const result = triage(calmAnswers(c.answers));
    const advisories = c.advisories ?? [];
    expect(result).toEqual({
      level: c.level,
      timeframe: c.timeframe,
      decidingRule: c.triggered[0] ?? 'NONE',
      triggeredRules: c.triggered,
      advisories,
      gpReviewAdvised: c.level === 'self-care' && advisories.length > 0,
    });
  });

  it('has a case for every rule', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    for (const id of [...RULE_IDS, ...ADVISORY_IDS]) expect(covered, id).toContain(id);
  });

  const anyAnswers = fc.record({
    ...Object.fromEntries(YES_NO_FIELDS.map((f) => [f, fc.constantFrom(true, false, 'unsure' as const)])),
    ageYears: fc.integer({ min: 0, max: 120 }),
    legWeakness: fc.constantFrom('none', 'one_leg_stable', 'progressive', 'unsure'),
    painNRS: fc.integer({ min: 0, max: 10 }),
    weeksWithoutImprovement: fc.integer({ min: 0, max: 60 }),
  }) as fc.Arbitrary<SafetyAnswers>;

  it('"not sure" is never safer than yes', () => {
    fc.assert(
      fc.property(anyAnswers, (a) => {
        const asYes = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v === 'unsure' ? true : v])) as SafetyAnswers;
        if (a.legWeakness === 'unsure') asYes.legWeakness = 'progressive';
        expect(triage(a)).toEqual(triage(asYes));
      }),
    );
  });

  it('keeps its invariants for any answers', () => {
    fc.assert(
      fc.property(anyAnswers, (a) => {
        const r = triage(a);
        expect(r.decidingRule).toBe(r.triggeredRules[0] ?? 'NONE');
        expect(r.level === 'emergency').toBe(r.triggeredRules.some((id) => id.startsWith('E')));
        expect(r.timeframe === null).toBe(r.level === 'self-care');
        expect([...r.triggeredRules].sort((x, y) => RULE_IDS.indexOf(x) - RULE_IDS.indexOf(y))).toEqual(r.triggeredRules);
      }),
    );
  });
});
