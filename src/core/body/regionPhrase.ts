import type { RegionId } from './regions';

/**
 * Each body region as it reads inside a sentence addressed to the person ("Pain has appeared in the back of your
 * right thigh"). One table, so every sentence that names a place says it the same, grammatical way.
 */
const PHRASES: Record<RegionId, string> = {
  'neck-back': 'the back of your neck',
  'upper-back-left': 'the left side of your upper back',
  'upper-back-center': 'the area between your shoulder blades',
  'upper-back-right': 'the right side of your upper back',
  'mid-back': 'the middle of your back',
  'low-back-left': 'the left side of your lower back',
  'low-back-center': 'the middle of your lower back',
  'low-back-right': 'the right side of your lower back',
  'buttock-left': 'your left buttock',
  'buttock-right': 'your right buttock',
  'thigh-back-left': 'the back of your left thigh',
  'thigh-back-right': 'the back of your right thigh',
  'calf-left': 'your left calf',
  'calf-right': 'your right calf',
  'neck-front': 'the front of your neck',
  'shoulder-left': 'your left shoulder',
  'shoulder-right': 'your right shoulder',
  'arm-left': 'your left arm',
  'arm-right': 'your right arm',
  chest: 'your chest',
  abdomen: 'your belly',
  groin: 'your groin',
  'hip-left': 'your left hip',
  'hip-right': 'your right hip',
  'thigh-front-left': 'the front of your left thigh',
  'thigh-front-right': 'the front of your right thigh',
  'knee-left': 'your left knee',
  'knee-right': 'your right knee',
  'shin-left': 'your left shin',
  'shin-right': 'your right shin',
  'foot-left': 'your left foot',
  'foot-right': 'your right foot',
};

/** "the back of your right thigh": a region as a noun phrase, to follow "in", "to" or "from". */
export function regionPhrase(region: RegionId): string {
  return PHRASES[region];
}
