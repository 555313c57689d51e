import { useEffect, useRef, useState } from 'react';
import type { Keypoint } from '../../core/pose/coach/keypoints';
import { PoseCamera, type CameraStatus } from './poseCamera';

/**
 * A PoseCamera for a screen: its status as state, and off at once when the page is hidden (another app, the
 * screen locked) or the screen is left.
 */
export function usePoseCamera(onPose: (keypoints: Keypoint[], at: number) => void) {
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<CameraStatus>('off');
  const [camera] = useState(() => new PoseCamera(onPose, setStatus));

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') camera.stop();
    };
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', camera.stop);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', camera.stop);
      camera.stop();
    };
  }, [camera]);

  const start = () => {
    if (video.current) void camera.start(video.current);
  };
  return { video, status, start, stop: camera.stop };
}
