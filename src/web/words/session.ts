import type { Outcome, Phase, TimerView } from '../../core/session/timer';

/**
 * Every word the guided session says or shows, written for this project: short, calm, one instruction at a time.
 * The timer gives codes (phase, side, set, rep); these turn them into words for the screen, the captions and the voice.
 */

export const FEEL_WORDS = {
  too_easy: 'Too easy',
  right: 'About right',
  too_much: 'Too much',
} as const;

export const FEEL_HINTS = {
  too_easy: 'I could have done more.',
  right: 'Gentle, and I could manage it.',
  too_much: 'It was hard on my back.',
} as const;

export const OUTCOME_WORDS: Record<Outcome, string> = {
  done: 'Done',
  skipped: 'Skipped',
  swapped: 'Swapped for an easier version',
};

/** The big label over the timer. */
export const PHASE_TITLES: Record<Phase, string> = {
  'not-started': 'Ready when you are',
  'get-ready': 'Get into position',
  'switch-side': 'Change sides',
  move: 'Repetition',
  hold: 'Hold',
  'keep-going': 'Keep going gently',
  rest: 'Rest',
  done: 'Finished',
};

export const SIDE_WORDS = { left: 'Left side', right: 'Right side' } as const;

const NUMBER_WORDS = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve'];

/** A count as the voice says it: "One", "Two", … */
export function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "0:45", "2:05": seconds as a clock. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "45 seconds", "2 minutes 5 seconds": for screen readers, which read "0:45" badly. */
export function secondsInWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  const parts: string[] = [];
  if (m) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  if (r || !m) parts.push(`${r} ${r === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

/** "Set 1 of 2 · Left side · Hold 2 of 3": where we are, in small print under the timer. */
export function whereWords(v: TimerView): string[] {
  const parts: string[] = [];
  if (v.sets !== null && v.sets > 1 && v.phase !== 'get-ready' && v.phase !== 'switch-side') parts.push(`Set ${v.set ?? 1} of ${v.sets}`);
  if (v.side) parts.push(SIDE_WORDS[v.side]);
  if (v.phase === 'hold' && v.holds !== null && v.holds > 1) parts.push(`Hold ${v.hold ?? 1} of ${v.holds}`);
  return parts;
}

/**
 * The instruction for this moment: what the captions show and the voice says when it changes. `cue` is the
 * exercise's current short cue. Counts are spoken separately, so the captions change only with the instruction.
 */
export function instructionWords(v: Pick<TimerView, 'phase' | 'side' | 'set' | 'sets'>, name: string, cue: string | undefined): string {
  switch (v.phase) {
    case 'not-started':
      return 'Press Start when you are ready.';
    case 'get-ready':
      return [v.side ? `${name}, ${v.side} side first.` : `${name}.`, cue].filter(Boolean).join(' ');
    case 'switch-side':
      return ['Now change to the right side.', cue].filter(Boolean).join(' ');
    case 'move':
      // Counts are spoken on every repetition; the cue stays on screen, so the voice says one thing at a time.
      return v.sets !== null && v.sets > 1 ? `Set ${v.set ?? 1} of ${v.sets}. Move slowly with the count.` : 'Move slowly with the count.';
    case 'hold':
      return cue ? `Hold gently. ${cue}` : 'Hold gently and keep breathing.';
    case 'keep-going':
      return cue ?? 'Keep going gently.';
    case 'rest':
      return 'Rest. Let everything soften.';
    case 'done':
      return 'That is the session finished. Take your time getting up.';
  }
}

export const PAUSED_WORDS = 'Paused. Take all the time you need.';
export const PAUSED_TITLE = 'Paused';
export const PAUSED_HINT = 'Take all the time you need. The movement waits here until you press Resume.';
/** When the browser cannot speak: said plainly, and the captions carry every instruction. */
export const VOICE_BEFORE = 'A calm voice will guide you, with captions on screen; you can turn the sound off at any time.';
export const VOICE_NONE_BEFORE = 'Voice is not available on this device, so the captions on screen show every instruction.';
export const VOICE_NONE = 'Voice not available on this device';
export const HURT_WORDS = 'Stopping now. Breathe out slowly and let the movement go.';

/** Why a guided session cannot start now (core/plan/mayStart), and what is still fine. */
export const HOLD_WORDS = {
  sessions_paused: {
    title: 'Guided movements are paused for now',
    why: 'Your last safety check suggests seeing a doctor soon. Until you have been seen, Unclench pauses guided exercise, single movements from the library too. Once you have been seen, mark it on Today and they come back.',
  },
  emergency: {
    title: 'Please get medical help first',
    why: 'Your last safety check found a sign that needs medical help now. Guided movements stop until you have been seen.',
  },
} as const;

/** In the Library while paused: reading is fine, trying waits. */
export const HOLD_BROWSE = 'You can still read how each movement goes. Gentle walks, short rests lying flat and comfort such as heat are fine while you wait to be seen.';

/** Under a movement's title while sessions are paused: the full why stays where "Try this movement" was. */
export const PAUSED_TOP = 'Guided movements are paused until you have been seen, so this one is to read for now.';

export const STILL_FINE_TITLE = 'Still fine while you wait';
export const STILL_FINE = ['Gentle walks on flat ground, at your own pace', 'Short rests lying flat on your back', 'Getting up from sitting often', 'Comfort that helps you, such as heat'] as const;
export const OFFLINE_HOLD_NOTE = 'You are offline, so this follows your last safety check on this device.';

/** "This one is for a later stage: Strengthen. You're in Settle." */
export function outsideStageWords(direction: 'later' | 'earlier', meantFor: string, current: string): { line: string; hint: string } {
  return direction === 'later'
    ? { line: `This one is for a later stage: ${meantFor}. You’re in ${current}.`, hint: 'It may ask more of your back than today’s plan. Try it only if it feels right, and stop if anything hurts.' }
    : { line: `This one is for an earlier stage: ${meantFor}. You’re in ${current}.`, hint: 'It may feel easy, which is fine. Today’s plan has movements chosen for where you are now.' };
}
