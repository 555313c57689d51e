import type { Keypoint } from '../../core/pose/coach/keypoints';
import type { PoseFiles } from './poseEngine';

/** Messages between a camera screen and the pose worker. Frames go in; only keypoints come out. */
export type ToPoseWorker = { type: 'init'; files: PoseFiles } | { type: 'frame'; frame: ImageBitmap | ImageData; at: number };

export type FromPoseWorker =
  | { type: 'ready'; backend: string }
  | { type: 'pose'; keypoints: Keypoint[]; at: number; ms: number }
  | { type: 'error'; message: string };
