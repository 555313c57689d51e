import type { AdvisoryId, RuleId } from '../../core/clinical';

/** One plain line per triage rule: why this answer needs a doctor. Written for this project. */
export const RULE_WORDS: Record<RuleId, string> = {
  E1_CES_SYMPTOMS:
    'New numbness around your genitals or bottom, or new changes with your bladder, bowels or sex, can mean the nerves at the base of your spine are squeezed.',
  E2_BILATERAL_LEG_SYMPTOMS: 'Symptoms in both legs can mean pressure on the nerves in your spine.',
  E3_PROGRESSIVE_NEURO_DEFICIT: 'Leg weakness that is getting worse needs checking straight away.',
  E4_CANCER_WITH_NEURO_SYMPTOMS: 'After cancer, new nerve symptoms in the legs need checking straight away.',
  E5_MAJOR_TRAUMA: 'Back pain after a serious accident needs a check for injury.',
  E6_CHEST_PAIN: 'Chest pain needs checking straight away, even when your back hurts too.',
  E7_FEVER_WITH_INFECTION_RISK: 'A fever, when you are more likely to get infections, can mean an infection near the spine.',
  U1_FEVER: 'You have a temperature or feel hot and shivery. A doctor can check for an infection.',
  U2_UNEXPLAINED_WEIGHT_LOSS: 'You have lost weight without trying. A doctor can look into why.',
  U3_CANCER_HISTORY: 'You have had cancer before, so new back pain is worth a doctor’s check.',
  U4_NEW_ONE_LEG_WEAKNESS: 'One of your legs feels weak. A doctor can check the nerve that serves it.',
  U5_FRAGILITY_FRACTURE_RISK: 'A small fall, lift or twist can crack a weaker bone. A doctor can check for that.',
  U6_DEFORMITY_OR_LUMP: 'You noticed a lump or a change in the shape of your back. A doctor should look at it.',
  U7_NIGHT_OR_REST_PAIN: 'Pain that rest does not ease, or that is worse at night, is worth a doctor’s check.',
  U9_THORACIC_PAIN: 'Pain mainly between the shoulder blades is worth a doctor’s check.',
  U10_INFECTION_RISK_NO_FEVER: 'You may be more likely to get infections, so new back pain is worth a doctor’s check.',
  U11_AGE_OVER_50_NOT_IMPROVING_4_WEEKS: 'Over the age of 50, back pain that has not improved in four weeks is worth a doctor’s check.',
  U12_UNDER_16_OUT_OF_SCOPE: 'Unclench is made for people aged 16 and over. A doctor can guide a younger person’s recovery.',
  U13_AGE_FLAG_FIRST_EPISODE: 'A first bout of back pain like this before 20 or after 50 is worth a doctor’s check.',
};

/** Why a routine GP visit could help, one line per advisory. */
export const ADVISORY_WORDS: Record<AdvisoryId, string> = {
  S1_NOT_IMPROVING_4_WEEKS: 'It has not improved for four weeks or more.',
  S2_SEVERE_OR_WORSENING: 'The pain is severe, or it is getting worse.',
  S3_LIMITS_DAILY_ACTIVITIES: 'It gets in the way of everyday life.',
  S4_STRUGGLING_TO_COPE: 'You are finding it hard to cope. You do not have to do this alone.',
  S5_WORSE_WITH_COUGH_SNEEZE_STRAIN: 'It hurts more when you cough, sneeze or strain. That is common with an irritated nerve, and a GP can check it.',
};

export const TIMEFRAME_WORDS = {
  now: 'Get help now',
  within_24h: 'See a doctor within 24 hours',
  within_1_week: 'See a doctor within the next week',
} as const;

/**
 * The emergency signs, for the always-visible card on the check-in: only what the rule table makes an emergency
 * (E1–E7 of clinical.md §1). A fever alone is urgent (U1), not an emergency, so it is named only with what makes
 * it one (E7). Each line names the rules it stands for, so a test can hold the card to the table.
 */
export const EMERGENCY_SIGN_RULES = [
  { rules: ['E1_CES_SYMPTOMS'], text: 'New numbness or tingling around your genitals, bottom or inner thighs' },
  { rules: ['E1_CES_SYMPTOMS'], text: 'New trouble peeing, or controlling your bladder or bowels, or a new change in sex' },
  { rules: ['E2_BILATERAL_LEG_SYMPTOMS'], text: 'Pain, tingling, weakness or numbness in both legs' },
  { rules: ['E3_PROGRESSIVE_NEURO_DEFICIT'], text: 'Leg weakness that keeps getting worse' },
  { rules: ['E4_CANCER_WITH_NEURO_SYMPTOMS'], text: 'New leg pain, numbness or weakness after you have had cancer' },
  { rules: ['E5_MAJOR_TRAUMA'], text: 'Back pain after a serious accident, such as a car crash or a fall from a height' },
  { rules: ['E6_CHEST_PAIN'], text: 'Chest pain' },
  { rules: ['E7_FEVER_WITH_INFECTION_RISK'], text: 'A fever when your immune system is weaker, you inject drugs, or you have had an infection lately' },
] as const satisfies readonly { rules: readonly RuleId[]; text: string }[];

export const EMERGENCY_SIGNS = EMERGENCY_SIGN_RULES.map((s) => s.text);
