import { SAFETY_STEPS, YES_NO_FIELDS, type SafetyStepId, type YesNoField } from '../../core/clinical';

/** The safety questions (clinical.md §1) in plain words, written for this project. */
export interface YesNoQuestion {
  field: YesNoField;
  question: string;
  /** A short line that makes the question easier to answer. */
  hint?: string;
}

export interface SafetySection {
  id: SafetyStepId;
  title: string;
  intro?: string;
  /** Yes/no/not sure questions in this section. Age, sex, leg weakness and weeks are placed by the form. */
  questions: YesNoQuestion[];
}

const q = (question: string, hint?: string): Omit<YesNoQuestion, 'field'> => (hint ? { question, hint } : { question });

/** Every yes / no / not sure question in plain words. */
export const QUESTION_WORDS: Record<YesNoField, Omit<YesNoQuestion, 'field'>> = {
  saddleNumbness: q(
    'Is there new numbness, tingling or a strange feeling around your genitals, your bottom or your inner thighs?',
    'You might notice it when you wipe after the toilet.',
  ),
  bladderChange: q('Is peeing different in a new way?', 'Hard to start or stop, leaking, not feeling when your bladder is full or empty, or not feeling the pee pass.'),
  bowelChange: q('Are your bowels different in a new way?', 'Not being able to hold a poo, leaking, or not feeling it pass. Being constipated on its own does not count.'),
  newSexualDysfunction: q('Has sex or genital feeling changed since this started?', 'For example less feeling, or changes with erections or ejaculation.'),
  bilateralLegSymptoms: q('Do you have pain, tingling, weakness or numbness in both legs?'),
  radicularLegPainOneSide: q('Does pain, numbness or tingling run down one leg?'),
  chestPain: q('Do you have chest pain?'),
  majorTrauma: q('Did it start after a serious accident?', 'For example a car crash or a fall from a height.'),
  fever: q('Do you have a temperature of 38 °C or more, or feel hot and shivery?'),
  cancerHistory: q('Have you ever had cancer?'),
  immunosuppressed: q('Is your immune system weaker than usual?', 'For example from long-term steroid tablets, biologic medicines, chemotherapy, HIV or a transplant.'),
  ivDrugUse: q('Do you inject drugs?', 'Your answer stays private. It helps us spot a risk of infection.'),
  recentBacterialInfection: q('Have you had an infection in the last few weeks?', 'For example a urine or skin infection.'),
  unexplainedWeightLoss: q('Have you lost weight without trying?'),
  firstEpisode: q('Is this the first time you have had back pain like this?'),
  minorTraumaOrStrain: q('Did it start after a small fall, a lift or a twist?'),
  osteoporosisOrLongTermSteroids: q('Do you have thin bones (osteoporosis), or take steroid tablets for a long time?'),
  nightOrRestPain: q('Is the pain there even when you rest, or worse at night?'),
  thoracicPain: q('Is the pain mainly between your shoulder blades?'),
  deformityOrLump: q('Have you noticed a lump, or a change in the shape of your back?'),
  worseWithCoughSneezeStrain: q('Does coughing, sneezing or straining on the toilet make it worse?'),
  worseningOverTime: q('Is it getting worse over time?'),
  limitsDailyActivities: q('Does it stop you doing everyday things?'),
  strugglingToCope: q('Are you finding it hard to cope?'),
};

/** Each step's heading and a line that says why it is asked. */
export const STEP_WORDS: Record<SafetyStepId, { title: string; intro?: string }> = {
  nerves: { title: 'Feeling, bladder and bowels', intro: 'Only count things that are new.' },
  legs: { title: 'Your legs' },
  serious: { title: 'A few more urgent signs' },
  health: { title: 'Your general health' },
  'about-you': { title: 'About you' },
  'the-pain': { title: 'The pain itself' },
  everyday: { title: 'How it affects you', intro: 'These are optional. They help us say when a routine visit to your GP could help.' },
};

/** The word added to an optional question. */
export const OPTIONAL = '(optional)';

/** The steps in plain words, in the order core asks them. */
export const SAFETY_SECTIONS: SafetySection[] = SAFETY_STEPS.map((step) => ({
  id: step.id,
  ...STEP_WORDS[step.id],
  questions: step.fields.filter(isYesNoField).map((field) => ({ field, ...QUESTION_WORDS[field] })),
}));

function isYesNoField(field: string): field is YesNoField {
  return (YES_NO_FIELDS as readonly string[]).includes(field);
}

export const LEG_WEAKNESS_CHOICES = [
  { value: 'none', label: 'No weakness' },
  { value: 'one_leg_stable', label: 'One leg is weak, and it is not getting worse' },
  { value: 'progressive', label: 'It is getting worse', hint: 'For example the foot drags more, or walking is newly hard.' },
  { value: 'unsure', label: 'Not sure' },
] as const;

export const SEX_CHOICES = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: '', label: 'Rather not say' },
] as const;
