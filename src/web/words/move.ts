import { COMFORT_KINDS, HELPED_ANSWERS, type ComfortKind, type ComfortUnit, type HelpedAnswer } from '../../core/comfort/kinds';
import { localTimeOf } from '../../core/time';
import { browserTimeZone } from '../lib/dates';

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

/** Each kind in the order the core offers them (heat, cold and movement aids first; tablets last). */
export const COMFORT_KIND_WORDS: Record<ComfortKind, { label: string }> = {
  heat: { label: 'Heat' },
  cold: { label: 'Cold' },
  'movement-aid': { label: 'A walking aid or support' },
  topical: { label: 'Cream or gel' },
  patch: { label: 'Patch' },
  tablet: { label: 'Tablet or capsule' },
  other: { label: 'Something else' },
};

export const COMFORT_KIND_CHOICES = COMFORT_KINDS.map((value) => ({ value, label: COMFORT_KIND_WORDS[value].label }));

/** Examples under the question, so each choice stays a short name. */
export const COMFORT_KIND_HINT = 'Heat or cold: a hot water bottle, a warm bath, a cold pack. A walking aid or support: a stick, a rail, a support belt.';

const UNIT_WORDS: Record<ComfortUnit, { one: string; many: string; choice: string }> = {
  minutes: { one: 'minute', many: 'minutes', choice: 'Minutes' },
  applications: { one: 'application', many: 'applications', choice: 'Applications' },
  patches: { one: 'patch', many: 'patches', choice: 'Patches' },
  tablets: { one: 'tablet', many: 'tablets', choice: 'Tablets' },
  mg: { one: 'mg', many: 'mg', choice: 'mg (the dose on the package)' },
  times: { one: 'time', many: 'times', choice: 'Times' },
};

/** The unit's name as in "in tablets". */
export const unitWord = (unit: ComfortUnit) => UNIT_WORDS[unit].many;

export const unitChoices = (units: readonly ComfortUnit[]) => units.map((value) => ({ value, label: UNIT_WORDS[value].choice }));

/** The question for the amount, in the unit being asked. */
export const AMOUNT_QUESTIONS: Record<ComfortUnit, string> = {
  minutes: 'For how many minutes?',
  applications: 'How many times did you put it on?',
  patches: 'How many patches?',
  tablets: 'How many tablets?',
  mg: 'How many mg in all?',
  times: 'How many times?',
};

/** "20 minutes", "1 tablet", "400 mg"; an entry from before units were asked shows its number alone. */
export function amountWords(amount: number, unit: ComfortUnit | null): string {
  const n = round(amount);
  if (!unit) return n;
  const w = UNIT_WORDS[unit];
  return `${n} ${amount === 1 ? w.one : w.many}`;
}

export const HELPED_WORDS: Record<HelpedAnswer, string> = { yes: 'Yes', a_little: 'A little', no: 'No' };
export const HELPED_CHOICES = HELPED_ANSWERS.map((value) => ({ value, label: HELPED_WORDS[value] }));

export const NEVER_SUGGESTS =
  'Unclench never suggests a medicine or a dose. This is your own record. Follow the label on your package, or ask a pharmacist.';

/** The kind explanation shown before the browser asks about notifications. Never a cold prompt. */
/** Why the sit timer matters: one tap away on Move, never in the way of starting it. */
export const MOVE_WHY =
  'Lying still and long sitting make a spasm worse. Little and often is the way. Tell us when you sit down, and when the time comes we’ll show a short standing routine (under a minute) to loosen up.';

export const NOTIFY_WHY = {
  title: 'Reminders outside Unclench',
  body: 'While you sit, Unclench can remind you to stand up even when you are in another app or the phone is locked. Your browser will ask whether Unclench may show notifications. We use them only for these reminders — nothing else, and never an advert.',
  allow: 'Turn on reminders',
  later: 'Not now',
  asking: 'Setting up reminders…',
  on: 'Reminders reach this device, also when Unclench is closed. You can turn them off in Settings.',
  granted: 'Reminders will also show outside Unclench while this page stays open.',
  denied: 'Notifications for Unclench are off in your browser’s settings. Reminders still show here in the app.',
  noPushService:
    'This browser could not set up reminders for when Unclench is closed. That is fine: while Unclench is open, reminders still show here and as a notification.',
  offline: 'Unclench could not reach the server to set up reminders. Please try again when you are online.',
  tryAgain: 'Try again',
};

/** Settings: which devices the reminders reach, a test, and turning them off per device. */
export const REACH_WORDS = {
  title: 'Reminders on your devices',
  on: 'Reminders reach this device, also when Unclench is closed.',
  off: 'Reminders do not reach this device when Unclench is closed.',
  blocked: 'Notifications for Unclench are off in this browser’s settings, so reminders cannot reach this device when Unclench is closed.',
  unsupported: 'This browser cannot receive reminders when Unclench is closed. While it is open, reminders still show here.',
  none: 'No device has reminders turned on yet.',
  thisDevice: 'This device',
  turnOff: 'Turn off',
  turnOffHere: 'Turn off on this device',
  turnedOff: 'Reminders no longer reach that device.',
  test: 'Send a test reminder',
  testSending: 'Sending…',
  failed: 'That did not work just now. Please try again in a moment.',
  unread: 'Unclench could not reach the server to show where your reminders go. Reminders in the app still work.',
};

export const devicesWords = (count: number) => (count === 1 ? 'Your reminders reach 1 device:' : `Your reminders reach ${count} devices:`);
export const otherDeviceWords = (addedOn: string) => `Another device, added ${addedOn}`;
export const testSentWords = (devices: number) =>
  devices === 0 ? 'No device has reminders turned on, so there was nowhere to send it.' : `A test reminder is on its way to ${devices === 1 ? 'your device' : `your ${devices} devices`}. It usually arrives within a minute.`;

/** A length to the second, short: "45 s", "6 min", "6 min 30 s", "1 h 5 min". */
export function durationWords(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m === 0) return `${s} s`;
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

/** "Saved: a 45-second walk.", "Saved: a 5-minute walk.", "Saved: a walk of 6 min 30 s." */
export function walkSavedWords(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `Saved: a ${total}-second walk.`;
  if (total % 60 === 0 && total < 3600) return `Saved: a ${total / 60}-minute walk.`;
  return `Saved: a walk of ${durationWords(total)}.`;
}

export function minutesWords(minutes: number): string {
  const rounded = Math.round(minutes * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'minute' : 'minutes'}`;
}

/** "09:05" on the zone's clock (the browser's when none is given). */
export function clockTime(ms: number, timeZone: string | undefined): string {
  return localTimeOf(ms, timeZone ?? browserTimeZone() ?? 'UTC');
}

export function overLimitWords(o: { name: string; total: number; dailyMax: number; unit: ComfortUnit | null }): string {
  return `Today you’ve logged ${amountWords(o.total, o.unit)} of ${o.name}. The most your label allows in a day is ${amountWords(o.dailyMax, o.unit)}. Please don’t take or use any more today. If you’re unsure what to do, a pharmacist or your doctor’s helpline can advise.`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
