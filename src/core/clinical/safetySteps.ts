import { YES_NO_FIELDS, type SafetyAnswers, type YesNoField } from './safety';
import { triage, type TriageResult } from './triage';
import { localDateOf } from '../time';

/**
 * The stepped safety screen (issue 9, clinical.md §1): which questions come first, which must be answered, and when
 * the answers given so far are already an emergency. Pure: the web app shows the steps, the server applies the same
 * rules to what it is sent.
 */

/** Every answer of `SafetyAnswers` by name. */
export type SafetyField = keyof SafetyAnswers;

/** Safety answers as far as they go: anything may still be unanswered. */
export type PartialSafetyAnswers = Partial<SafetyAnswers>;

/**
 * Inputs of an E or U rule, and age: each can change the level or the rules that fire, so each must be answered
 * (unless the answers given are already an emergency). The rest feed only advisories (S rules) or nothing.
 */
export const REQUIRED_SAFETY_FIELDS = [
  'saddleNumbness',
  'bladderChange',
  'bowelChange',
  'newSexualDysfunction',
  'bilateralLegSymptoms',
  'legWeakness',
  'radicularLegPainOneSide',
  'chestPain',
  'majorTrauma',
  'fever',
  'cancerHistory',
  'immunosuppressed',
  'ivDrugUse',
  'recentBacterialInfection',
  'unexplainedWeightLoss',
  'ageYears',
  'firstEpisode',
  'minorTraumaOrStrain',
  'osteoporosisOrLongTermSteroids',
  'weeksWithoutImprovement',
  'nightOrRestPain',
  'thoracicPain',
  'deformityOrLump',
] as const satisfies readonly SafetyField[];

/** Asked, clearly marked optional: they change only the advisories (or, for sex, nothing). Unanswered counts as no. */
export const OPTIONAL_SAFETY_FIELDS = [
  'sex',
  'painNRS',
  'worseWithCoughSneezeStrain',
  'worseningOverTime',
  'limitsDailyActivities',
  'strugglingToCope',
] as const satisfies readonly SafetyField[];

const REQUIRED: ReadonlySet<SafetyField> = new Set(REQUIRED_SAFETY_FIELDS);

export function isRequiredSafetyField(field: SafetyField): boolean {
  return REQUIRED.has(field);
}

export type SafetyStepId = 'nerves' | 'legs' | 'serious' | 'health' | 'about-you' | 'the-pain' | 'everyday';

export interface SafetyStep {
  id: SafetyStepId;
  /** In the order they are asked. */
  fields: readonly SafetyField[];
}

/**
 * One short step per screen. The inputs of every emergency rule (E1–E7) come first (steps 1–4), so a sign that
 * needs help now is asked before anything else; then the person, the pain, and the optional everyday questions.
 * Pain now (`painNRS`) is not a step: it is asked once, with the episode's start (or the check-in), and carried in.
 */
export const SAFETY_STEPS: readonly SafetyStep[] = [
  { id: 'nerves', fields: ['saddleNumbness', 'bladderChange', 'bowelChange', 'newSexualDysfunction'] },
  { id: 'legs', fields: ['bilateralLegSymptoms', 'legWeakness', 'radicularLegPainOneSide'] },
  { id: 'serious', fields: ['chestPain', 'majorTrauma', 'fever'] },
  { id: 'health', fields: ['cancerHistory', 'immunosuppressed', 'ivDrugUse', 'recentBacterialInfection', 'unexplainedWeightLoss'] },
  { id: 'about-you', fields: ['ageYears', 'sex', 'firstEpisode', 'minorTraumaOrStrain', 'osteoporosisOrLongTermSteroids'] },
  { id: 'the-pain', fields: ['weeksWithoutImprovement', 'nightOrRestPain', 'thoracicPain', 'deformityOrLump'] },
  { id: 'everyday', fields: ['worseWithCoughSneezeStrain', 'worseningOverTime', 'limitsDailyActivities', 'strugglingToCope'] },
];

/** Required questions not answered yet, in the order the steps ask them. */
export function missingRequired(answers: PartialSafetyAnswers): SafetyField[] {
  return SAFETY_STEPS.flatMap((s) => s.fields).filter((f) => REQUIRED.has(f) && answers[f] === undefined);
}

/** Required questions of one step not answered yet. */
export function missingInStep(step: SafetyStep, answers: PartialSafetyAnswers): SafetyField[] {
  return step.fields.filter((f) => REQUIRED.has(f) && answers[f] === undefined);
}

/**
 * An age that fires no age rule (U5 > 65, U11 > 50, U12 < 16, U13 < 20 or > 50), used only while age is unknown.
 * No emergency rule reads age, so an emergency found with it holds for every age.
 */
const AGE_THAT_FIRES_NOTHING = 30;

/** Unanswered questions counted as "no" (leg weakness: none; weeks: 0; pain: 0, below S2's 7). */
function withUnansweredAsNo(answers: PartialSafetyAnswers): SafetyAnswers {
  const no = Object.fromEntries(YES_NO_FIELDS.map((f) => [f, answers[f] ?? false])) as Record<YesNoField, SafetyAnswers[YesNoField]>;
  return {
    ...no,
    ...(answers.sex ? { sex: answers.sex } : {}),
    ageYears: answers.ageYears ?? AGE_THAT_FIRES_NOTHING,
    legWeakness: answers.legWeakness ?? 'none',
    painNRS: answers.painNRS ?? 0,
    weeksWithoutImprovement: answers.weeksWithoutImprovement ?? 0,
  };
}

/**
 * The triage, when the answers given so far already make it an emergency whatever the unanswered ones turn out to
 * be; otherwise null. Every emergency rule fires only on a yes (or "not sure"), never on a no, so if it is an
 * emergency with every unanswered question counted as no, it is one for any answers to them.
 */
export function emergencyFromPartial(answers: PartialSafetyAnswers): TriageResult | null {
  const result = triage(withUnansweredAsNo(answers));
  return result.level === 'emergency' ? result : null;
}

/**
 * The answers to triage once every required question is answered: unanswered optional ones count as no. Null while
 * a required one is missing.
 */
export function completeSafetyAnswers(answers: PartialSafetyAnswers): SafetyAnswers | null {
  return missingRequired(answers).length === 0 ? withUnansweredAsNo(answers) : null;
}

/**
 * What the server triages for answers that are complete or already an emergency; null when a required question is
 * still missing and the known answers are not an emergency.
 */
export function triagePartial(answers: PartialSafetyAnswers): TriageResult | null {
  const complete = completeSafetyAnswers(answers);
  return complete ? triage(complete) : emergencyFromPartial(answers);
}

/**
 * Pain is asked once: the pain given with the episode's start pre-fills the first check-in of the same day (in the
 * person's time zone), so it is not asked again that day. Undefined when there is a check-in already, the start was
 * on another day, or the start had no pain answer (an emergency that stopped before it was asked).
 */
export function painCarriedFromStart(
  start: { readonly createdAt: string; readonly painNow: number; readonly safety: PartialSafetyAnswers },
  checkIns: readonly unknown[],
  today: string,
  timeZone: string,
): number | undefined {
  if (checkIns.length > 0 || start.safety.painNRS === undefined) return undefined;
  return localDateOf(start.createdAt, timeZone) === today ? start.painNow : undefined;
}
