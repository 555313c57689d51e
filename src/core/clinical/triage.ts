import { effectiveLegWeakness, isYes, type SafetyAnswers } from './safety';

/** Triage decision table of clinical.md §1: rules in priority order, each a pure predicate. */

export type TriageLevel = 'emergency' | 'urgent-doctor' | 'self-care';
export type Timeframe = 'now' | 'within_24h' | 'within_1_week';

type RuleLevel = 'emergency' | 'urgent-doctor' | 'advisory';

interface Rule<Id extends string> {
  readonly id: Id;
  readonly level: RuleLevel;
  readonly fires: (a: SafetyAnswers) => boolean;
}

const cesSymptom = (a: SafetyAnswers) =>
  isYes(a.saddleNumbness) || isYes(a.bladderChange) || isYes(a.bowelChange) || isYes(a.newSexualDysfunction);
const infectionRisk = (a: SafetyAnswers) =>
  isYes(a.ivDrugUse) || isYes(a.immunosuppressed) || isYes(a.recentBacterialInfection);
/** Strict edges: "> 50" is 51 or older, "> 65" is 66 or older, "< 20" is 19 or younger. */
const olderThan = (a: SafetyAnswers, years: number) => a.ageYears > years;
const youngerThan = (a: SafetyAnswers, years: number) => a.ageYears < years;

function rule<const Id extends string>(id: Id, level: RuleLevel, fires: (a: SafetyAnswers) => boolean): Rule<Id> {
  return { id, level, fires };
}

export const TRIAGE_RULES = [
  rule('E1_CES_SYMPTOMS', 'emergency', cesSymptom),
  rule('E2_BILATERAL_LEG_SYMPTOMS', 'emergency', (a) => isYes(a.bilateralLegSymptoms)),
  rule('E3_PROGRESSIVE_NEURO_DEFICIT', 'emergency', (a) => effectiveLegWeakness(a.legWeakness) === 'progressive'),
  rule(
    'E4_CANCER_WITH_NEURO_SYMPTOMS',
    'emergency',
    (a) =>
      isYes(a.cancerHistory) &&
      (isYes(a.radicularLegPainOneSide) ||
        effectiveLegWeakness(a.legWeakness) !== 'none' ||
        isYes(a.bilateralLegSymptoms) ||
        cesSymptom(a)),
  ),
  rule('E5_MAJOR_TRAUMA', 'emergency', (a) => isYes(a.majorTrauma)),
  rule('E6_CHEST_PAIN', 'emergency', (a) => isYes(a.chestPain)),
  rule('E7_FEVER_WITH_INFECTION_RISK', 'emergency', (a) => isYes(a.fever) && infectionRisk(a)),
  rule('U1_FEVER', 'urgent-doctor', (a) => isYes(a.fever)),
  rule('U2_UNEXPLAINED_WEIGHT_LOSS', 'urgent-doctor', (a) => isYes(a.unexplainedWeightLoss)),
  rule('U3_CANCER_HISTORY', 'urgent-doctor', (a) => isYes(a.cancerHistory)),
  rule('U4_NEW_ONE_LEG_WEAKNESS', 'urgent-doctor', (a) => effectiveLegWeakness(a.legWeakness) === 'one_leg_stable'),
  rule(
    'U5_FRAGILITY_FRACTURE_RISK',
    'urgent-doctor',
    (a) => isYes(a.minorTraumaOrStrain) && (isYes(a.osteoporosisOrLongTermSteroids) || olderThan(a, 65)),
  ),
  rule('U6_DEFORMITY_OR_LUMP', 'urgent-doctor', (a) => isYes(a.deformityOrLump)),
  rule('U7_NIGHT_OR_REST_PAIN', 'urgent-doctor', (a) => isYes(a.nightOrRestPain)),
  // U8 is retired (clinical.md §1): pain worse with coughing, sneezing or straining is advisory S5. The id stays unused.
  rule('U9_THORACIC_PAIN', 'urgent-doctor', (a) => isYes(a.thoracicPain)),
  rule('U10_INFECTION_RISK_NO_FEVER', 'urgent-doctor', infectionRisk),
  rule('U11_AGE_OVER_50_NOT_IMPROVING_4_WEEKS', 'urgent-doctor', (a) => olderThan(a, 50) && a.weeksWithoutImprovement >= 4),
  rule('U12_UNDER_16_OUT_OF_SCOPE', 'urgent-doctor', (a) => youngerThan(a, 16)),
  rule('U13_AGE_FLAG_FIRST_EPISODE', 'urgent-doctor', (a) => isYes(a.firstEpisode) && (olderThan(a, 50) || youngerThan(a, 20))),
  rule('S1_NOT_IMPROVING_4_WEEKS', 'advisory', (a) => a.weeksWithoutImprovement >= 4),
  rule('S2_SEVERE_OR_WORSENING', 'advisory', (a) => a.painNRS >= 7 || isYes(a.worseningOverTime)),
  rule('S3_LIMITS_DAILY_ACTIVITIES', 'advisory', (a) => isYes(a.limitsDailyActivities)),
  rule('S4_STRUGGLING_TO_COPE', 'advisory', (a) => isYes(a.strugglingToCope)),
  rule('S5_WORSE_WITH_COUGH_SNEEZE_STRAIN', 'advisory', (a) => isYes(a.worseWithCoughSneezeStrain)),
] as const;

type AnyRuleId = (typeof TRIAGE_RULES)[number]['id'];
export type AdvisoryId = Extract<AnyRuleId, `S${string}`>;
export type RuleId = Exclude<AnyRuleId, AdvisoryId>;

export const RULE_IDS = TRIAGE_RULES.filter((r) => r.level !== 'advisory').map((r) => r.id as RuleId);
export const ADVISORY_IDS = TRIAGE_RULES.filter((r) => r.level === 'advisory').map((r) => r.id as AdvisoryId);

export interface TriageResult {
  level: TriageLevel;
  timeframe: Timeframe | null;
  decidingRule: RuleId | 'NONE';
  triggeredRules: RuleId[];
  advisories: AdvisoryId[];
  gpReviewAdvised: boolean;
}

/** Rules U12 and U13 are the only ones that may wait a week. */
const WITHIN_WEEK_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['U12_UNDER_16_OUT_OF_SCOPE', 'U13_AGE_FLAG_FIRST_EPISODE']);

export function triage(answers: SafetyAnswers): TriageResult {
  return resultOf(TRIAGE_RULES.filter((r) => r.fires(answers)).map((r) => r.id));
}

const LEVEL_OF: ReadonlyMap<string, RuleLevel> = new Map(TRIAGE_RULES.map((r) => [r.id, r.level]));
const ORDER: readonly string[] = TRIAGE_RULES.map((r) => r.id);

/** The result that follows from a set of fired rules (any order, unknown ids ignored). */
function resultOf(firedIds: readonly string[]): TriageResult {
  const fired = new Set(firedIds);
  const ids = ORDER.filter((id) => fired.has(id));
  const emergency = ids.filter((id) => LEVEL_OF.get(id) === 'emergency');
  const urgent = ids.filter((id) => LEVEL_OF.get(id) === 'urgent-doctor');
  const triggeredRules = [...emergency, ...urgent].filter(isRuleId);
  const advisories = ids.filter(isAdvisoryId);

  const level: TriageLevel = emergency.length > 0 ? 'emergency' : urgent.length > 0 ? 'urgent-doctor' : 'self-care';
  let timeframe: Timeframe | null = null;
  if (level === 'emergency') timeframe = 'now';
  else if (level === 'urgent-doctor') {
    timeframe = triggeredRules.some((id) => !WITHIN_WEEK_RULES.has(id)) ? 'within_24h' : 'within_1_week';
  }

  return {
    level,
    timeframe,
    decidingRule: triggeredRules[0] ?? 'NONE',
    triggeredRules,
    advisories,
    gpReviewAdvised: level === 'self-care' && advisories.length > 0,
  };
}

function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}
function isAdvisoryId(id: string): id is AdvisoryId {
  return (ADVISORY_IDS as readonly string[]).includes(id);
}

/** The retired rule id that results stored before clinical.md §1 changed may still name. */
export const RETIRED_U8 = 'U8_WORSE_WITH_COUGH_SNEEZE_STRAIN';

/**
 * A triage result as stored, possibly under older rules, brought up to the current table. A stored result is
 * fully described by the rules that fired, so this is exact: a retired U8 becomes advisory S5 (same answer, "yes"
 * to worse with coughing, sneezing or straining), and level, timeframe, deciding rule and GP review follow again.
 */
export function upgradeStoredTriage(stored: { triggeredRules: readonly string[]; advisories: readonly string[] }): TriageResult {
  const fired = [...stored.triggeredRules, ...stored.advisories].map((id) => (id === RETIRED_U8 ? 'S5_WORSE_WITH_COUGH_SNEEZE_STRAIN' : id));
  return resultOf(fired);
}
