import { POSE_FILES } from 'virtual:pose-files';
import type { Keypoint } from '../../core/pose/coach/keypoints';
import { asSeen, isMirroredSource, previewMirrored, type SourceFacts } from '../../core/pose/coach/mirror';
import type { FromPoseWorker, ToPoseWorker } from './protocol';

export type CameraStatus = 'off' | 'starting' | 'on' | 'denied' | 'missing' | 'model';

/** How often a frame is offered to the worker; it takes one only when it has finished the last. */
const OFFER_MS = 1000 / 30;

/**
 * The camera and the pose worker together. The camera starts only when `start` is called (after a tap) and stops
 * on `stop`. Frames go to the worker one at a time, as it is free (a slow device skips frames rather than queueing
 * them), and each frame is closed once read. Only keypoints come back. Nothing is recorded, kept or sent.
 */
export class PoseCamera {
  private stream: MediaStream | null = null;
  private worker: Worker | null = null;
  private busy = false;
  private timer: number | null = null;
  private video: HTMLVideoElement | null = null;
  private mirroredSource = false;
  status: CameraStatus = 'off';

  constructor(
    private readonly onPose: (keypoints: Keypoint[], at: number, ms: number) => void,
    private readonly onStatus: (status: CameraStatus) => void,
  ) {}

  private set(status: CameraStatus) {
    this.status = status;
    this.onStatus(status);
  }

  async start(video: HTMLVideoElement): Promise<void> {
    this.stop();
    this.video = video;
    this.set('starting');
    const worker = new Worker(new URL('./pose.worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    const ready = new Promise<boolean>((resolve) => {
      worker.onmessage = (event: MessageEvent<FromPoseWorker>) => {
        const m = event.data;
        if (m.type === 'ready') return resolve(true);
        this.busy = false;
        if (m.type === 'error') return resolve(false);
        this.onPose(asSeen(m.keypoints, this.mirroredSource), m.at, m.ms);
      };
      worker.onerror = () => resolve(false);
    });
    const init: ToPoseWorker = { type: 'init', files: POSE_FILES };
    worker.postMessage(init);
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false });
    } catch (error) {
      this.stop();
      const name = error instanceof DOMException ? error.name : '';
      this.set(name === 'NotFoundError' || name === 'OverconstrainedError' ? 'missing' : 'denied');
      return;
    }
    if (this.worker !== worker) {
      for (const track of media.getTracks()) track.stop();
      return;
    }
    this.stream = media;
    video.srcObject = media;
    await video.play().catch(() => undefined);
    const facts = sourceFacts(media, video);
    this.mirroredSource = isMirroredSource(facts);
    video.classList.toggle('mirrored', previewMirrored(facts));
    if (!(await ready)) {
      this.stop();
      this.set('model');
      return;
    }
    if (this.worker !== worker) return;
    this.set('on');
    this.offer();
  }

  private offer = () => {
    this.timer = window.setTimeout(this.offer, OFFER_MS);
    const { video, worker } = this;
    if (!video || !worker || this.busy || video.readyState < 2 || video.videoWidth === 0) return;
    this.busy = true;
    createImageBitmap(video).then(
      (frame) => {
        if (this.worker !== worker) return frame.close();
        const message: ToPoseWorker = { type: 'frame', frame, at: performance.now() };
        worker.postMessage(message, [frame]);
      },
      () => {
        this.busy = false;
      },
    );
  };

  stop = () => {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    if (this.video) this.video.srcObject = null;
    this.worker?.terminate();
    this.worker = null;
    this.busy = false;
    if (this.status === 'on' || this.status === 'starting') this.set('off');
  };
}

/** What the browser says of the camera: which way it faces, and whether its frames come flipped. */
function sourceFacts(media: MediaStream, video: HTMLVideoElement): SourceFacts {
  const facts: SourceFacts = {};
  const facing = media.getVideoTracks()[0]?.getSettings().facingMode;
  if (facing) facts.facingMode = facing;
  if (typeof VideoFrame !== 'undefined' && video.readyState >= 2) {
    try {
      const frame = new VideoFrame(video);
      const flip = (frame as VideoFrame & { flip?: unknown }).flip;
      if (typeof flip === 'boolean') facts.flip = flip;
      frame.close();
    } catch {
      // No frame to look at yet: taken as it comes.
    }
  }
  return facts;
}
