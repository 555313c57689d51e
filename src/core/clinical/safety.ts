/** The safety questions of clinical.md §1, as the core sees them. */

/** Every yes/no question also offers "not sure", which the rules count as yes (product safety convention). */
export type YesNoUnsure = boolean | 'unsure';
export type LegWeakness = 'none' | 'one_leg_stable' | 'progressive' | 'unsure';
export type Sex = 'female' | 'male' | 'other';

export const YES_NO_FIELDS = [
  'firstEpisode',
  'majorTrauma',
  'minorTraumaOrStrain',
  'osteoporosisOrLongTermSteroids',
  'fever',
  'ivDrugUse',
  'immunosuppressed',
  'recentBacterialInfection',
  'saddleNumbness',
  'bladderChange',
  'bowelChange',
  'newSexualDysfunction',
  'bilateralLegSymptoms',
  'radicularLegPainOneSide',
  'cancerHistory',
  'unexplainedWeightLoss',
  'nightOrRestPain',
  'thoracicPain',
  'deformityOrLump',
  'chestPain',
  'worseWithCoughSneezeStrain',
  'worseningOverTime',
  'limitsDailyActivities',
  'strugglingToCope',
] as const;

export type YesNoField = (typeof YES_NO_FIELDS)[number];

export type SafetyAnswers = { [K in YesNoField]: YesNoUnsure } & {
  ageYears: number;
  sex?: Sex;
  legWeakness: LegWeakness;
  /** Pain now, 0–10. */
  painNRS: number;
  weeksWithoutImprovement: number;
};

/** "Not sure" counts as yes. */
export function isYes(answer: YesNoUnsure): boolean {
  return answer === true || answer === 'unsure';
}

/** "Not sure" about leg weakness counts as progressive weakness. */
export function effectiveLegWeakness(answer: LegWeakness): Exclude<LegWeakness, 'unsure'> {
  return answer === 'unsure' ? 'progressive' : answer;
}
