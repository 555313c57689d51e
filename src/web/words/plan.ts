import type { z } from 'zod';
import type { PlanItem as PlanItemSchema, Reason as ReasonSchema } from '../../contract';

type PlanItem = z.infer<typeof PlanItemSchema>;
type CuePosition = Extract<PlanItem, { kind: 'posture' }>['groups'][number]['position'];

/** The heading over each group of posture cues: the cues under it are for that position only. */
export const CUE_POSITION_WORDS: Record<CuePosition, string> = {
  lying: 'When you lie down',
  'getting-up': 'When you get up',
  standing: 'When you stand',
  sitting: 'When you sit',
  walking: 'When you walk',
  lifting: 'When you lift, carry or bend',
  exercising: 'During your session',
  habit: 'As a habit',
};
type Principle = z.infer<typeof ReasonSchema>['principle'];

export const PRINCIPLE_WORDS: Record<Principle, string> = {
  pacing: 'Slow down: small steps',
  'keep-moving': 'Keep moving',
  posture: 'Posture and tummy muscles',
  'whole-body': 'Gentle whole-body exercise',
  'related-pains': 'Pain can travel',
  safety: 'Safety first',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A title and one line for each kind of plan item, in plain words. */
export function planItemWords(item: PlanItem): { title: string; detail: string } {
  switch (item.kind) {
    case 'lie-flat':
      return {
        title: 'Lie flat and let go',
        detail: `${plural(item.times, 'time', 'times')} today, about ${plural(item.minutes, 'minute', 'minutes')} each. Lie on your back on a firm surface and let the tight muscles lengthen.`,
      };
    case 'breathing':
      return { title: 'Slow breathing', detail: `About ${plural(item.minutes, 'minute', 'minutes')}. Breathe out slowly and feel your back soften.` };
    case 'posture':
      return { title: 'Your posture cues', detail: 'Small reminders for moments through your day.' };
    case 'walk':
      return {
        title: 'Short walks',
        detail: `${plural(item.walks, 'walk', 'walks')} of about ${plural(item.minutesEach, 'minute', 'minutes')}, slowly, on flat ground.`,
      };
    case 'stand-breaks':
      return { title: 'Get up and move', detail: `When you sit, stand up and move about every ${plural(item.everyMinutes, 'minute', 'minutes')}.` };
    case 'session':
      return item.paused
        ? {
            title: 'Guided session — paused for now',
            detail: 'This waits until a clinician has seen you. Gentle walks and the other steps here are still fine.',
          }
        : {
            title: 'Guided session',
            detail: `About ${plural(Math.max(1, Math.round(item.totalMinutes)), 'minute', 'minutes')} in all, ${plural(new Set(item.exercises.map((e) => e.exerciseId)).size, 'gentle movement', 'gentle movements')}. Stop any movement that brings sharp pain.`,
          };
    case 'see-doctor':
      return {
        title: item.timeframe === 'now' ? 'Get help now' : item.timeframe === 'within_24h' ? 'See a doctor within 24 hours' : 'See a doctor within the next week',
        detail: 'Book this first. Everything else on this page can wait until you have.',
      };
  }
}
