/** What a posture cue is about and which way: the words for each are the web app's (src/web/posture/words.ts). */
export const POSTURE_CUE_IDS = [
  'trunkLean.forward',
  'trunkLean.back',
  'shouldersOverHips.forward',
  'shouldersOverHips.back',
  'headForward.forward',
  'headForward.back',
  'shoulderTilt.leftHigh',
  'shoulderTilt.rightHigh',
  'pelvisTilt.leftHigh',
  'pelvisTilt.rightHigh',
  'sideShift.left',
  'sideShift.right',
] as const;
export type PostureCueId = (typeof POSTURE_CUE_IDS)[number];
