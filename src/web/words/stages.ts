import type { StageId } from '../../core/plan/stages';

/** One line about each recovery stage, in plain words. */
export const STAGE_WORDS: Record<StageId, string> = {
  settle: 'The muscle is still tight. Today is about easing it: short rests on purpose, slow breathing, and small moves.',
  'stand-walk': 'You’re getting back on your feet. Standing tall and short, slow walks help the muscle let go.',
  move: 'You can move more now. Gentle movements widen what your back can do, a little at a time.',
  strengthen: 'Time to build strength, slowly, so your tummy and hips share the work with your back.',
  maintain: 'You’re nearly there. Keep the habits that helped, at an easy pace.',
};
