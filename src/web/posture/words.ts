import type { PostureCueId } from '../../core/pose/coach/cueIds';
import type { CoachState } from '../../core/pose/coach/postureCoach';

/** The posture check's own words: calm and specific, one small change at a time. */
export const POSTURE_CUE_WORDS: Record<PostureCueId, string> = {
  'trunkLean.forward': 'Let your weight settle back over the middle of your feet.',
  'trunkLean.back': 'Let your weight come forward a touch, over the middle of your feet.',
  'shouldersOverHips.forward': 'Let your shoulders come back over your hips.',
  'shouldersOverHips.back': 'Let your shoulders come a little forward, over your hips.',
  'headForward.forward': 'Draw your head gently back, so your ear sits over your shoulder.',
  'headForward.back': 'Let your chin come forward a little, so your ear sits over your shoulder.',
  'shoulderTilt.leftHigh': 'Let your left shoulder soften down, level with the right.',
  'shoulderTilt.rightHigh': 'Let your right shoulder soften down, level with the left.',
  'pelvisTilt.leftHigh': 'Stand evenly on both feet, so your hips are level.',
  'pelvisTilt.rightHigh': 'Stand evenly on both feet, so your hips are level.',
  'sideShift.left': 'Bring your chest back to the middle, over both feet.',
  'sideShift.right': 'Bring your chest back to the middle, over both feet.',
};

export const GOOD_WORDS = 'That’s it. Breathe easily and stay as you are.';

export function stateWords(state: CoachState | null): string {
  if (!state) return 'Getting ready…';
  if (state.stage === 'finding') return state.reason === 'no-body' ? 'Step into the picture, so we can see you.' : 'Step back a little, so we can see you from head to feet.';
  if (state.stage === 'calibrating') return 'Stand as tall as is comfortable and keep still for a moment…';
  return state.cue ? POSTURE_CUE_WORDS[state.cue] : GOOD_WORDS;
}

export const VIEW_WORDS = { side: 'side on', front: 'facing the camera' } as const;

/** The score as a sentence: the share of the check spent stacked and level. */
export function scoreWords(score: number, seconds: number): string {
  const time = seconds < 60 ? `${Math.round(seconds)} seconds` : `${Math.round(seconds / 60)} ${Math.round(seconds / 60) === 1 ? 'minute' : 'minutes'}`;
  return `You stood easy and upright for ${score}% of ${time}.`;
}

export const CAMERA_ERRORS = {
  denied: 'The camera was not allowed. You can allow it for Unclench in your browser’s settings and try again.',
  missing: 'We couldn’t find a camera on this device.',
  model: 'The posture check couldn’t start on this device. Nothing was lost; you can try again later.',
} as const;
