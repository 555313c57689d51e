import type { DayProgress, NextStep, TaskKind } from '../../core/plan/nextStep';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The next step in words: a title (said by the button, or the card's heading when the day is done), one line of how, and the primary button's label. */
export function nextStepWords(step: NextStep): { title: string; how: string; action: string } {
  switch (step.kind) {
    case 'check-in':
      return { title: 'Check in', how: 'About 30 seconds: how it feels today. Your plan is built from it.', action: 'Check in for today' };
    case 'lie-flat':
      return {
        title: `Lie flat for ${plural(step.minutes, 'minute', 'minutes')}`,
        how: 'On your back on a firm surface, knees bent. Let your back go heavy. The button starts a timer.',
        action: `Lie flat for ${plural(step.minutes, 'minute', 'minutes')}`,
      };
    case 'walk':
      return {
        title: `Stand up and walk ${plural(step.minutes, 'minute', 'minutes')}`,
        how: 'Slowly, on flat ground. The walk timer keeps count for you.',
        action: `Stand up and walk ${plural(step.minutes, 'minute', 'minutes')}`,
      };
    case 'session':
      return {
        title: `Your ${step.minutes}-minute session`,
        how: 'Gentle, guided movements. “This hurts” stops it at any moment.',
        action: `Start your ${step.minutes}-minute session`,
      };
    case 'done':
      return {
        title: 'Today’s plan is done',
        how:
          step.extra === null
            ? 'That’s enough for today. Rest is part of getting better.'
            : step.extra.kind === 'walk'
              ? `If you feel like it, an extra walk of ${plural(step.extra.minutes, 'minute', 'minutes')} is fine. There’s no need.`
              : 'If you feel like it, stand up and move now and then. There’s no need to do more.',
        action: step.extra?.kind === 'walk' ? `An extra ${step.extra.minutes}-minute walk (optional)` : 'Stand up and move (optional)',
      };
  }
}

/** "2 of 5 done", as the ring's label says it. */
export function progressWords(p: Pick<DayProgress, 'done' | 'planned'>): string {
  return `${p.done} of ${p.planned} done`;
}

/** What a tick logs, for the list's buttons and the undo line. */
export const TICK_WORDS: Record<Exclude<TaskKind, 'check-in' | 'session'> | 'stand-break', { button: string; ticked: string }> = {
  walk: { button: 'Tick off a walk', ticked: 'Walk ticked off.' },
  'lie-flat': { button: 'Tick off a rest', ticked: 'Rest lying flat ticked off.' },
  'stand-break': { button: 'I stood up', ticked: 'Stand-up break ticked off.' },
};

/** "1 of 2 done" on a plan item that counts. */
export function countWords(done: number, planned: number): string {
  return done >= planned ? `All ${planned} done` : `${done} of ${planned} done`;
}
