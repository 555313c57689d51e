import { mirrored, type Keypoint, type Keypoints } from './keypoints';

/**
 * Left and right with a mirrored camera source. A pose model names sides by how the body looks, as in a photo: given
 * a mirrored picture it calls the person's right side "left" and has x flipped too. Browsers hand a page the camera's
 * own view (a front camera too; only its preview is usually shown as a mirror), so frames are taken as they are
 * unless the browser says a frame is flipped (VideoFrame.flip). Nothing in the points themselves can tell: a body
 * seen in a mirror looks like a body.
 */
export interface SourceFacts {
  /** The track's facingMode setting ('user' is a front camera), when the browser reports it. */
  facingMode?: string;
  /** A video frame's own `flip` (WebCodecs), when the browser reports it. */
  flip?: boolean;
}

export const isMirroredSource = (facts: SourceFacts): boolean => facts.flip === true;

/** The preview is shown as a mirror for a front camera (as people expect of one), as it is for a back camera. */
export const previewMirrored = (facts: SourceFacts): boolean => facts.facingMode !== 'environment';

/** A frame's keypoints with the person's own left and right, whatever the source. */
export function asSeen(frame: Keypoints, mirroredSource: boolean): Keypoint[] {
  return mirroredSource ? mirrored(frame) : [...frame];
}
