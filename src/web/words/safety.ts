import type { YesNoField } from '../../core/clinical';

/** The safety questions (clinical.md §1) in plain words, written for this project. */
export interface YesNoQuestion {
  field: YesNoField;
  question: string;
  /** A short line that makes the question easier to answer. */
  hint?: string;
}

export interface SafetySection {
  id: string;
  title: string;
  intro?: string;
  /** Yes/no/not sure questions in this section. Age, leg weakness, pain and weeks are placed by the form. */
  questions: YesNoQuestion[];
}

const q = (field: YesNoField, question: string, hint?: string): YesNoQuestion => (hint ? { field, question, hint } : { field, question });

export const SAFETY_SECTIONS: SafetySection[] = [
  {
    id: 'about-you',
    title: 'About you',
    questions: [q('firstEpisode', 'Is this the first time you have had back pain like this?')],
  },
  {
    id: 'how-it-started',
    title: 'How it started',
    questions: [
      q('majorTrauma', 'Did it start after a serious accident?', 'For example a car crash or a fall from a height.'),
      q('minorTraumaOrStrain', 'Did it start after a small fall, a lift or a twist?'),
      q('osteoporosisOrLongTermSteroids', 'Do you have thin bones (osteoporosis), or take steroid tablets for a long time?'),
    ],
  },
  {
    id: 'nerves',
    title: 'Feeling, bladder and legs',
    intro: 'These questions look for nerves that need help quickly. Only count things that are new.',
    questions: [
      q(
        'saddleNumbness',
        'Is there new numbness, tingling or a strange feeling around your genitals, your bottom or your inner thighs?',
        'You might notice it when you wipe after the toilet.',
      ),
      q(
        'bladderChange',
        'Is peeing different in a new way?',
        'Hard to start or stop, leaking, not feeling when your bladder is full or empty, or not feeling the pee pass.',
      ),
      q(
        'bowelChange',
        'Are your bowels different in a new way?',
        'Not being able to hold a poo, leaking, or not feeling it pass. Being constipated on its own does not count.',
      ),
      q('newSexualDysfunction', 'Has sex or genital feeling changed since this started?', 'For example less feeling, or changes with erections or ejaculation.'),
      q('bilateralLegSymptoms', 'Do you have pain, tingling, weakness or numbness in both legs?'),
      q('radicularLegPainOneSide', 'Does pain, numbness or tingling run down one leg?'),
    ],
  },
  {
    id: 'health',
    title: 'Your general health',
    questions: [
      q('fever', 'Do you have a temperature of 38 °C or more, or feel hot and shivery?'),
      q('ivDrugUse', 'Do you inject drugs?', 'Your answer stays private. It helps us spot a risk of infection.'),
      q(
        'immunosuppressed',
        'Is your immune system weaker than usual?',
        'For example from long-term steroid tablets, biologic medicines, chemotherapy, HIV or a transplant.',
      ),
      q('recentBacterialInfection', 'Have you had an infection in the last few weeks?', 'For example a urine or skin infection.'),
      q('cancerHistory', 'Have you ever had cancer?'),
      q('unexplainedWeightLoss', 'Have you lost weight without trying?'),
      q('chestPain', 'Do you have chest pain?'),
    ],
  },
  {
    id: 'the-pain',
    title: 'The pain itself',
    questions: [
      q('nightOrRestPain', 'Is the pain there even when you rest, or worse at night?'),
      q('thoracicPain', 'Is the pain mainly between your shoulder blades?'),
      q('deformityOrLump', 'Have you noticed a lump, or a change in the shape of your back?'),
      q('worseWithCoughSneezeStrain', 'Does coughing, sneezing or straining on the toilet make it worse?'),
      q('worseningOverTime', 'Is it getting worse over time?'),
      q('limitsDailyActivities', 'Does it stop you doing everyday things?'),
      q('strugglingToCope', 'Are you finding it hard to cope?'),
    ],
  },
];

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
