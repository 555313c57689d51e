import type { RefObject } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { Exercise } from '../../core/exercises/types';
import type { FormAdvice } from '../../core/pose/coach/formCoach';
import { CAMERA_ERRORS } from '../posture/words';
import { FORM_CAMERA_WORDS as W, formAdviceWords } from './formWords';
import type { FormCameraStatus } from './useFormCamera';

interface Props {
  exercise: Exercise;
  status: FormCameraStatus;
  video: RefObject<HTMLVideoElement | null>;
  /** What the coach says now, or null while the movement has not begun (getting ready, resting). */
  advice: FormAdvice | 'waiting-to-begin';
  onStart: () => void;
  onStop: () => void;
}

/**
 * The camera in a guided session: offered for a camera-ready movement, explained before it asks for anything, and
 * while on, a small picture (so the person can see they are in it), the one thing to change, and the way to turn it off.
 */
export function FormCamera({ exercise, status, video, advice, onStart, onStop }: Props) {
  const [asking, setAsking] = useState(false);
  const ask = useRef<HTMLParagraphElement>(null);
  // The explanation opens below the timer: brought into sight (above the sticky buttons) and read first.
  useLayoutEffect(() => {
    if (!asking) return;
    ask.current?.scrollIntoView({ block: 'center' });
    ask.current?.focus();
  }, [asking]);
  const running = status === 'on' || status === 'starting';
  const problem = status === 'denied' || status === 'missing' || status === 'model' ? CAMERA_ERRORS[status] : status === 'blocked' ? W.blocked : null;
  const words = status === 'starting' ? W.starting : advice === 'waiting-to-begin' ? 'The camera starts watching when the movement begins.' : formAdviceWords(advice, exercise);
  return (
    <section className="form-camera" aria-label="Camera" data-camera={status}>
      {!running && !asking ? (
        <p className="form-camera-offer">
          <button type="button" className="button secondary" onClick={() => setAsking(true)}>
            {W.offer}
          </button>
        </p>
      ) : null}
      {!running && asking ? (
        <div className="card form-camera-ask">
          <p ref={ask} tabIndex={-1}>
            {W.explain}
          </p>
          <p className="hint">{W.place}</p>
          <p className="form-camera-buttons">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setAsking(false);
                onStart();
              }}
            >
              {W.turnOn}
            </button>
            <button type="button" className="link-button" onClick={() => setAsking(false)}>
              {W.notNow}
            </button>
          </p>
        </div>
      ) : null}
      {problem && !running ? <p className="form-error">{problem}</p> : null}
      <div className="form-camera-live" hidden={!running}>
        <video ref={video} className="form-camera-video" muted playsInline aria-hidden="true" />
        <div className="form-camera-side">
          <p className="form-cue-label">From the camera</p>
          <p className="form-cue" aria-live="polite" data-advice={typeof advice === 'string' ? advice : (advice?.kind ?? 'none')}>
            {running ? words : ''}
          </p>
          <button type="button" className="button secondary" onClick={onStop}>
            {W.turnOff}
          </button>
        </div>
      </div>
    </section>
  );
}

/** Always in sight while the camera is on. */
export function CameraOnBadge() {
  return (
    <p className="camera-on" role="status">
      <span className="camera-dot" aria-hidden="true" /> {W.on}
    </p>
  );
}
