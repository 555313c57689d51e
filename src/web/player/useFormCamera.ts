import { useCallback, useEffect, useRef, useState } from 'react';
import type { Keypoint } from '../../core/pose/coach/keypoints';
import type { CameraStatus, PoseCamera } from '../posture/poseCamera';

export type FormCameraStatus = CameraStatus | 'blocked';

/** Whether this page's document may ask for the camera (its Permissions-Policy); true where the browser cannot say. */
function cameraAllowedHere(): boolean {
  const policy = (document as Document & { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy;
  try {
    return policy ? policy.allowsFeature('camera') : true;
  } catch {
    return true;
  }
}

/**
 * The camera in a guided session. The pose code (camera, worker, model) is loaded only when the person turns the
 * camera on, so a session without it downloads none of it. Off at once when the page is hidden or left.
 */
export function useFormCamera(onPose: (keypoints: Keypoint[], at: number) => void) {
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<FormCameraStatus>('off');
  const camera = useRef<PoseCamera | null>(null);
  const wanted = useRef(false);
  const pose = useRef(onPose);
  useEffect(() => {
    pose.current = onPose;
  }, [onPose]);

  const stop = useCallback(() => {
    wanted.current = false;
    camera.current?.stop();
    setStatus((s) => (s === 'on' || s === 'starting' ? 'off' : s));
  }, []);

  const start = useCallback(async () => {
    if (!cameraAllowedHere()) return setStatus('blocked');
    wanted.current = true;
    setStatus('starting');
    try {
      const { PoseCamera } = await import('../posture/poseCamera');
      if (!wanted.current || !video.current) return;
      camera.current ??= new PoseCamera(
        (k, at) => pose.current(k, at),
        (s) => {
          if (wanted.current || s === 'off') setStatus(s);
        },
      );
      await camera.current.start(video.current);
    } catch {
      if (wanted.current) setStatus('model');
    }
  }, []);

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') stop();
    };
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', stop);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', stop);
      stop();
    };
  }, [stop]);

  return { video, status, start, stop };
}
