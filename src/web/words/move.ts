import type { ComfortT } from '../api/client';

/** Words for the Move screen: sitting reminders, walks and what helped. Written for this project. */

/** Standing movements for the stand-up prompt: about 45 seconds in all, each with one cue. */
export const MICRO_ROUTINE = [
  { exerciseId: 'stand-and-reach', seconds: 15, cue: 'Stand tall, tighten your tummy a little, and reach both arms up slowly. Lower them slowly.' },
  { exerciseId: 'march-on-the-spot', seconds: 15, cue: 'Lift one knee a little, then the other, as if walking on the spot. Hold something steady if you like.' },
  { exerciseId: 'calf-stretch-wall', seconds: 15, cue: 'Hands on a wall, one foot back, heel down. Feel a gentle stretch in the calf, then swap.' },
] as const;

export const SAFE_WALKING_CUES = [
  'Walk on flat, even ground: a corridor, a pavement, a quiet path.',
  'Slowly. No sudden moves, twists or hurrying.',
  'Stand tall: shoulders over hips, a light pull in at the tummy.',
  'Short steps are fine. Stop and stand for a moment whenever you need.',
  'If the pain becomes sharp, stop, stand easy, and head back gently.',
];

export const COMFORT_KIND_CHOICES = [
  { value: 'tablet', label: 'Tablet' },
  { value: 'topical', label: 'Cream or gel' },
  { value: 'patch', label: 'Patch' },
  { value: 'heat', label: 'Heat' },
  { value: 'cold', label: 'Cold' },
  { value: 'other', label: 'Something else' },
] as const;
export type ComfortKindValue = (typeof COMFORT_KIND_CHOICES)[number]['value'];

export const COMFORT_KIND_WORDS: Record<ComfortT['kind'], string> = {
  tablet: 'Tablet',
  topical: 'Cream or gel',
  patch: 'Patch',
  heat: 'Heat',
  cold: 'Cold',
  other: 'Something else',
};

/** What the amount means for each kind, as a hint under the field. */
export const AMOUNT_HINTS: Record<ComfortT['kind'], string> = {
  tablet: 'How many tablets, or the dose in the unit on your package (for example mg).',
  topical: 'How many times you put it on, or the amount in the unit on your package.',
  patch: 'How many patches.',
  heat: 'How many minutes.',
  cold: 'How many minutes.',
  other: 'How much, in whatever unit makes sense to you.',
};

export const NEVER_SUGGESTS =
  'Unclench never suggests a medicine or a dose. This is your own record. Follow the label on your package, or ask a pharmacist.';

/** The kind explanation shown before the browser asks about notifications. Never a cold prompt. */
export const NOTIFY_WHY = {
  title: 'Reminders outside Unclench',
  body: 'While you sit, Unclench can remind you to stand up even when you are in another app. Your browser will ask whether Unclench may show notifications. We use them only for these reminders — nothing else, and never an advert.',
  allow: 'Allow reminders',
  later: 'Not now',
  granted: 'Reminders will also show outside Unclench while this page stays open.',
  denied: 'Notifications for Unclench are off in your browser’s settings. Reminders still show here in the app.',
};

export function minutesWords(minutes: number): string {
  const rounded = Math.round(minutes * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'minute' : 'minutes'}`;
}

export function clockTime(ms: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(ms));
}

export function overLimitWords(o: { name: string; total: number; dailyMax: number }): string {
  return `Today you’ve logged ${round(o.total)} of ${o.name}. The most your label allows in a day is ${round(o.dailyMax)}. Please don’t take or use any more today. If you’re unsure what to do, a pharmacist or your doctor’s helpline can advise.`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
