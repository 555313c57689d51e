import type { Exercise } from '../../core/exercises/types';
import type { FormAdvice, FormChange } from '../../core/pose/coach/formCoach';

/**
 * The form coach's words in a guided session: one small, specific change at a time, never pushing past comfort.
 * Angles grow with bending (knee, elbow), with folding at the hip or lifting the arm forwards, and with leaning
 * forwards; lying down or on all fours, the trunk's change is a lift or a lowering.
 */

const COMFORT = ' Only as far as is comfortable.';

function changeWords(c: FormChange, position: Exercise['position']): string {
  switch (c.part) {
    case 'knee':
      return c.increase ? `Bend your knee a little more.${COMFORT}` : 'Straighten your knee a little more.';
    case 'elbow':
      return c.increase ? 'Bend your elbow a little more.' : 'Let your arm lengthen a little more.';
    case 'hip':
      return c.increase ? `Fold a little more at your hips.${COMFORT}` : 'Open a little more at the front of your hips.';
    case 'shoulder':
      return c.increase ? 'Bring your arm a little further forward.' : 'Bring your arm a little further back.';
    case 'trunk':
      if (position === 'lying' || position === 'quadruped') return c.more ? `Lift a little further.${COMFORT}` : 'Lower a little, to where it is comfortable.';
      return c.increase ? `Tip forward a little more, with your back long.${COMFORT}` : 'Come a little more upright.';
  }
}

export function formAdviceWords(advice: FormAdvice, exercise: Exercise): string {
  if (advice === null) return 'Watching your form…';
  if (advice.kind === 'unseen') return 'We can’t see you well. Move the phone so your whole body is in the picture.';
  if (advice.kind === 'good') return 'That’s it.';
  return changeWords(advice.change, exercise.position);
}

export const FORM_CAMERA_WORDS = {
  offer: 'Watch my form with the camera',
  explain: 'The camera watches your form on this phone, to count repetitions and say what to change. Nothing is recorded or sent.',
  place: 'Set the phone down two or three steps away, side on to you, so your whole body is in the picture.',
  turnOn: 'Turn the camera on',
  notNow: 'Not now',
  turnOff: 'Turn the camera off',
  on: 'Camera on',
  starting: 'Starting the camera…',
  counted: (n: number) => `Counted by the camera: ${n}`,
  holdWaits: 'The hold counts while you are in the position.',
  blocked: 'The camera can’t be used on this page just now. Open the session again from Today to use it.',
} as const;
