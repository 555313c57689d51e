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
  U8_WORSE_WITH_COUGH_SNEEZE_STRAIN: 'Pain that grows when you cough, sneeze or strain is worth a doctor’s check.',
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
};

export const TIMEFRAME_WORDS = {
  now: 'Get help now',
  within_24h: 'See a doctor within 24 hours',
  within_1_week: 'See a doctor within the next week',
} as const;

/** The emergency signs, for the always-visible card on the check-in. */
export const EMERGENCY_SIGNS = [
  'Numbness or tingling around your genitals or bottom',
  'New trouble peeing, or controlling your bladder or bowels',
  'Weakness, numbness or pain in both legs',
  'Leg weakness that keeps getting worse',
  'A fever together with your back pain',
  'Chest pain',
] as const;
