import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calmAnswers } from './fixtures';
import { anySafetyAnswers } from './arbitraries.test-util';
import { triage, upgradeStoredTriage, RULE_IDS, ADVISORY_IDS, type RuleId, type AdvisoryId } from './triage';
import type { SafetyAnswers } from './safety';

/** The rule table of clinical.md §1, in its priority order, written out here (not read from the code under test). */
const TABLE_RULES = [
  'E1_CES_SYMPTOMS', 'E2_BILATERAL_LEG_SYMPTOMS', 'E3_PROGRESSIVE_NEURO_DEFICIT', 'E4_CANCER_WITH_NEURO_SYMPTOMS', 'E5_MAJOR_TRAUMA',
  'E6_CHEST_PAIN', 'E7_FEVER_WITH_INFECTION_RISK', 'U1_FEVER', 'U2_UNEXPLAINED_WEIGHT_LOSS', 'U3_CANCER_HISTORY', 'U4_NEW_ONE_LEG_WEAKNESS',
  'U5_FRAGILITY_FRACTURE_RISK', 'U6_DEFORMITY_OR_LUMP', 'U7_NIGHT_OR_REST_PAIN', 'U9_THORACIC_PAIN', 'U10_INFECTION_RISK_NO_FEVER',
  'U11_AGE_OVER_50_NOT_IMPROVING_4_WEEKS', 'U12_UNDER_16_OUT_OF_SCOPE', 'U13_AGE_FLAG_FIRST_EPISODE',
] as const;
const TABLE_ADVISORIES = [
  'S1_NOT_IMPROVING_4_WEEKS', 'S2_SEVERE_OR_WORSENING', 'S3_LIMITS_DAILY_ACTIVITIES', 'S4_STRUGGLING_TO_COPE', 'S5_WORSE_WITH_COUGH_SNEEZE_STRAIN',
] as const;

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
  // U8 is retired: worse with coughing, sneezing or straining is advisory S5, not urgent (clinical.md §1).
  { rule: 'S5_WORSE_WITH_COUGH_SNEEZE_STRAIN', name: 'worse with cough, sneeze or strain is only an advisory', answers: { worseWithCoughSneezeStrain: true }, level: 'self-care', triggered: [], advisories: ['S5_WORSE_WITH_COUGH_SNEEZE_STRAIN'], timeframe: null },
  { rule: 'S5_WORSE_WITH_COUGH_SNEEZE_STRAIN', name: '"not sure" about coughing counts as yes for S5', answers: { worseWithCoughSneezeStrain: 'unsure', painNRS: 8 }, level: 'self-care', triggered: [], advisories: ['S2_SEVERE_OR_WORSENING', 'S5_WORSE_WITH_COUGH_SNEEZE_STRAIN'], timeframe: null },
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

  it('has exactly the rules of the table, U8 retired, and a case for every one', () => {
    expect(RULE_IDS).toEqual(TABLE_RULES);
    expect(ADVISORY_IDS).toEqual(TABLE_ADVISORIES);
    expect(RULE_IDS.some((id) => id.startsWith('U8'))).toBe(false);
    const covered = new Set(CASES.map((c) => c.rule));
    for (const id of [...TABLE_RULES, ...TABLE_ADVISORIES]) expect(covered, id).toContain(id);
  });

  it('reads a result stored under the old table: U8 becomes advisory S5 and the level follows', () => {
    // Stored before the change: cough pain alone was urgent within 24 hours.
    const cough = { level: 'urgent-doctor', timeframe: 'within_24h', decidingRule: 'U8_WORSE_WITH_COUGH_SNEEZE_STRAIN', triggeredRules: ['U8_WORSE_WITH_COUGH_SNEEZE_STRAIN'], advisories: ['S3_LIMITS_DAILY_ACTIVITIES'], gpReviewAdvised: false };
    expect(upgradeStoredTriage(cough)).toEqual({
      level: 'self-care', timeframe: null, decidingRule: 'NONE', triggeredRules: [],
      advisories: ['S3_LIMITS_DAILY_ACTIVITIES', 'S5_WORSE_WITH_COUGH_SNEEZE_STRAIN'], gpReviewAdvised: true,
    });
    // With a rule that still holds, that rule decides.
    const withFever = { triggeredRules: ['U1_FEVER', 'U8_WORSE_WITH_COUGH_SNEEZE_STRAIN'], advisories: [] };
    expect(upgradeStoredTriage(withFever)).toEqual({
      level: 'urgent-doctor', timeframe: 'within_24h', decidingRule: 'U1_FEVER', triggeredRules: ['U1_FEVER'],
      advisories: ['S5_WORSE_WITH_COUGH_SNEEZE_STRAIN'], gpReviewAdvised: false,
    });
    // A current result is kept as it is.
    const e1 = { level: 'emergency', timeframe: 'now', decidingRule: 'E1_CES_SYMPTOMS', triggeredRules: ['E1_CES_SYMPTOMS'], advisories: [], gpReviewAdvised: false };
    expect(upgradeStoredTriage(e1)).toEqual(e1);
  });

  const anyAnswers = anySafetyAnswers;

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
        const order: readonly string[] = TABLE_RULES;
        expect([...r.triggeredRules].sort((x, y) => order.indexOf(x) - order.indexOf(y))).toEqual(r.triggeredRules);
      }),
    );
  });
});
