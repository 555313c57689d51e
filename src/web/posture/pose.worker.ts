/// <reference lib="webworker" />
import { getBackend } from '@tensorflow/tfjs-core';
import { loadPoseEstimator, type PoseEstimator } from './poseEngine';
import type { FromPoseWorker, ToPoseWorker } from './protocol';

/**
 * The pose model's own thread, so the page stays smooth while it works. Each frame is closed as soon as it has
 * been read; nothing is kept or sent anywhere but back to the page, as keypoints.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let estimator: PoseEstimator | null = null;

const reply = (message: FromPoseWorker) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ToPoseWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      estimator = await loadPoseEstimator(message.files);
      reply({ type: 'ready', backend: getBackend() });
    } catch (error) {
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const { frame, at } = message;
  try {
    if (!estimator) return;
    const started = performance.now();
    const keypoints = estimator.estimate(frame);
    reply({ type: 'pose', keypoints, at, ms: performance.now() - started });
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    if ('close' in frame) frame.close();
  }
};
