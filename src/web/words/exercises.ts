import { MUSCLES } from '../../core/body/muscles';
import { doseSeconds, type Dose, type ExerciseStyle, type Position, type SessionRole } from '../../core/exercises/types';

/** Names for the catalogue's styles, positions and session roles, and doses in words. Written for this project. */

export const STYLE_WORDS: Record<ExerciseStyle, string> = {
  general: 'Plain exercises',
  pilates: 'Pilates',
  yoga: 'Yoga',
  ballet: 'Ballet',
  flamenco: 'Flamenco',
  capoeira: 'Capoeira',
};

/** One line on what each style brings, for the settings screen. */
export const STYLE_HINTS: Record<ExerciseStyle, string> = {
  general: 'Simple, familiar movements.',
  pilates: 'Slow control from the deep belly muscles.',
  yoga: 'Gentle stretches with slow breathing.',
  ballet: 'Tall posture and rounded arms, with a chair as the barre.',
  flamenco: 'A proud stance, flowing arms and soft footwork.',
  capoeira: 'The swaying ginga step and low shapes, slowed right down.',
};

export const POSITION_WORDS: Record<Position, string> = {
  lying: 'Lying down',
  quadruped: 'On hands and knees',
  sitting: 'Sitting',
  standing: 'Standing',
  walking: 'Walking',
};

/** Group titles in a session. */
export const ROLE_WORDS: Record<SessionRole, string> = {
  'warm-up': 'Warm-up',
  main: 'Main movements',
  'cool-down': 'Cool-down',
};

/** One movement's place in a session. */
export const ROLE_ONE_WORDS: Record<SessionRole, string> = {
  'warm-up': 'Warm-up',
  main: 'Main movement',
  'cool-down': 'Cool-down',
};

const MUSCLE_LABELS = new Map<string, string>(MUSCLES.map((m) => [m.id, m.label]));

/** A muscle's plain label; an id the app does not know is shown as it is rather than hidden. */
export function muscleLabel(id: string): string {
  return MUSCLE_LABELS.get(id) ?? id;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function durationWords(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return plural(s, 'second', 'seconds');
  const minutes = Math.round(s / 60);
  return plural(minutes, 'minute', 'minutes');
}

/** "8 slow repetitions, 2 sets, each side"; "Hold for 20 seconds, 3 times"; "2 minutes". */
export function doseInWords(dose: Dose): string {
  const parts: string[] = [];
  switch (dose.kind) {
    case 'reps':
      parts.push(plural(dose.reps, 'slow repetition', 'slow repetitions'));
      if (dose.sets > 1) parts.push(`${dose.sets} sets`);
      break;
    case 'hold':
      parts.push(`Hold for ${durationWords(dose.holdSeconds)}, ${dose.reps === 1 ? 'once' : `${dose.reps} times`}`);
      if (dose.sets > 1) parts.push(`${dose.sets} sets`);
      break;
    case 'time':
      parts.push(durationWords(dose.seconds));
      break;
  }
  if (dose.sides === 'each') parts.push('each side');
  return parts.join(', ');
}

/** "About 3 minutes in all", from the same sum the engine uses to size a session. */
export function doseTimeInWords(dose: Dose): string {
  return `About ${durationWords(Math.max(1, doseSeconds(dose)))} in all`;
}

/** "Start", "Left arm up": a keyframe's phase as a label. */
export function phaseLabel(phase: string): string {
  return phase.charAt(0).toUpperCase() + phase.slice(1);
}
