import { z } from 'zod';
import { POSTURE_CUE_IDS } from '../core/pose/coach/cueIds';
import { IsoInstant, Uuid } from './common';

/**
 * A posture check's result: worked out on the device from the camera, and only the result is sent — never an
 * image, a frame or a keypoint.
 */
export const PostureCheckPut = z.strictObject({
  at: IsoInstant,
  view: z.enum(['side', 'front'], { error: 'must be side or front' }),
  /** Seconds coached after calibration. */
  seconds: z.number({ error: 'must be a number of seconds' }).int({ error: 'must be a whole number of seconds' }).min(1, { error: 'must be 1 or more' }).max(3600, { error: 'must be 3600 or less' }),
  /** 0–100: the share of that time with every measure within tolerance. */
  score: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(100, { error: 'must be 100 or less' }),
  cues: z
    .array(z.enum(POSTURE_CUE_IDS, { error: `must be one of: ${POSTURE_CUE_IDS.join(', ')}` }))
    .max(POSTURE_CUE_IDS.length, { error: `must list ${POSTURE_CUE_IDS.length} cues or fewer` }),
});
export type PostureCheckPut = z.infer<typeof PostureCheckPut>;
export const PostureCheck = PostureCheckPut.extend({ id: z.string(), episodeId: z.string(), createdAt: z.string() });
export type PostureCheck = z.infer<typeof PostureCheck>;
export const PostureCheckIdParams = z.strictObject({ id: Uuid, checkId: Uuid });
