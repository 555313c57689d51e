import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Keypoint } from '../../core/pose/coach/keypoints';
import { PostureCoach, type CoachState, type PostureSummary } from '../../core/pose/coach/postureCoach';
import type { EpisodeT } from '../api/client';
import { Screen } from '../components/Screen';
import { newId } from '../lib/ids';
import { beforeWholePageLoad, Link } from '../lib/router';
import { hush, speak, useVoice } from '../player/voice';
import { savePostureCheck, sendPostureCheckOnLeave } from '../posture/save';
import { usePoseCamera } from '../posture/usePoseCamera';
import { CAMERA_ERRORS, scoreWords, stateWords, VIEW_WORDS } from '../posture/words';
import './posture.css';

const SAVED_WORDS = {
  no: '',
  saving: 'Saving…',
  yes: 'Saved with today.',
  device: 'Kept on this phone for now; it joins your record when you are back online.',
  rejected: 'We couldn’t save this check. Nothing else was affected.',
} as const;

/** A brief gap in what the model sees (a point missed for a frame) does not change what the screen says. */
const FINDING_GRACE_MS = 1_200;
/** While coaching, what was measured so far is saved this often (the same check, the same id), so little is lost. */
const SAVE_EVERY_MS = 15_000;

const bodyOf = (result: PostureSummary, at: string) => ({ at, view: result.view, seconds: Math.max(1, Math.round(result.seconds)), score: result.score, cues: result.cues });

/**
 * Posture check: the camera watches how you stand, on this device only, and gives one calm cue at a time.
 * Nothing is recorded or sent; only the score and the cues given are saved with the day.
 */
export function Posture({ episode }: { episode: EpisodeT }) {
  const coach = useRef(new PostureCoach());
  const checkId = useRef(newId());
  const [state, setState] = useState<CoachState | null>(null);
  const [summary, setSummary] = useState<PostureSummary | null>(null);
  const [saved, setSaved] = useState<'no' | 'saving' | 'yes' | 'device' | 'rejected'>('no');
  const voice = useVoice();
  const [soundChosen, setSoundOn] = useState(true);
  const soundOn = soundChosen && voice === 'available';
  const lastSeen = useRef(0);
  const spoken = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const onPose = useCallback((keypoints: Keypoint[], at: number) => {
    const next = coach.current.update(keypoints, at);
    if (next.stage !== 'finding') lastSeen.current = at;
    else if (at - lastSeen.current < FINDING_GRACE_MS) return;
    setState(next);
  }, []);
  const { video, status, start, stop } = usePoseCamera(onPose);
  const running = status === 'on' || status === 'starting';

  // Say a cue once when it first shows; the words on screen stay for as long as it does.
  const words = running ? stateWords(state) : null;
  useEffect(() => {
    if (!words || !soundOn || state?.stage !== 'coaching' || words === spoken.current) return;
    spoken.current = words;
    speak(words, { interrupt: true });
  }, [words, soundOn, state]);

  // What was measured is saved with the day: now and then while coaching, when the camera goes off (Stop, the page
  // hidden), and when the screen is left mid-check. Always the same check id, so each save replaces the last.
  const wasRunning = useRef(false);
  const startedAt = useRef(new Date().toISOString());
  const measured = () => {
    const result = coach.current.summary();
    return result && result.seconds >= 1 ? result : null;
  };
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => {
      const result = measured();
      if (result) void savePostureCheck(episode.id, checkId.current, bodyOf(result, startedAt.current)).catch(() => undefined);
    }, SAVE_EVERY_MS);
    return () => window.clearInterval(id);
  }, [running, episode.id]);
  useEffect(() => {
    // The page going away (another page, the tab closed) may leave no time for anything but a request sent as it goes.
    const leaving = () => {
      const result = measured();
      if (result) sendPostureCheckOnLeave(episode.id, checkId.current, bodyOf(result, startedAt.current));
    };
    window.addEventListener('pagehide', leaving);
    // Left by the app for another page (a whole load, as the camera page is left): saved, and waited for, first.
    const stopWaiting = beforeWholePageLoad(async () => {
      const result = measured();
      if (result) await savePostureCheck(episode.id, checkId.current, bodyOf(result, startedAt.current));
    });
    return () => {
      window.removeEventListener('pagehide', leaving);
      stopWaiting();
      // Left for another screen of the app while the camera ran: kept, as on Stop.
      const result = wasRunning.current ? measured() : null;
      if (result) void savePostureCheck(episode.id, checkId.current, bodyOf(result, startedAt.current)).catch(() => undefined);
    };
  }, [episode.id]);
  useEffect(() => {
    if (running) {
      wasRunning.current = true;
      return;
    }
    if (!wasRunning.current) return;
    wasRunning.current = false;
    hush();
    const result = coach.current.summary();
    if (!result || result.seconds < 1) return;
    setSummary(result);
    setSaved('saving');
    savePostureCheck(episode.id, checkId.current, bodyOf(result, startedAt.current)).then(
      (r) => setSaved(r.status === 'sent' ? 'yes' : r.status === 'waiting' ? 'device' : 'rejected'),
      () => setSaved('device'),
    );
  }, [running, episode.id]);

  useLayoutEffect(() => {
    if (summary) heading.current?.focus();
  }, [summary]);

  const again = () => {
    coach.current = new PostureCoach();
    checkId.current = newId();
    startedAt.current = new Date().toISOString();
    spoken.current = null;
    setState(null);
    setSummary(null);
    setSaved('no');
    start();
  };

  return (
    <Screen title="Posture check" className="posture">
      {running ? (
        <p className="camera-on" role="status">
          <span className="camera-dot" aria-hidden="true" /> Camera on
        </p>
      ) : null}

      {!running && !summary ? (
        <section className="card posture-intro" aria-labelledby="posture-what">
          <h2 id="posture-what">What the camera is for</h2>
          <p>It watches how you stand and gives one small, calm cue at a time: shoulders over hips, ear over shoulder, hips and shoulders level.</p>
          <p>
            <strong>Nothing is recorded or sent.</strong> The picture is looked at on this phone and let go straight away. Only a score and the cues you were given are saved with your day.
          </p>
          <h2>How to stand</h2>
          <ul>
            <li>Lean the phone against something at about waist height, two or three steps away, so you are in the picture from head to feet.</li>
            <li>Stand side on to check your shoulders and head; face the camera to check your shoulders and hips are level.</li>
            <li>Stand as tall as is comfortable. If anything hurts, stop: there is no need to hold a position that hurts.</li>
          </ul>
          {status === 'denied' || status === 'missing' || status === 'model' ? <p className="form-error">{CAMERA_ERRORS[status]}</p> : null}
          <p>
            <button
              type="button"
              className="button primary"
              onClick={() => {
                startedAt.current = new Date().toISOString();
                start();
              }}
            >
              Start the camera
            </button>
          </p>
        </section>
      ) : null}

      <div className="posture-live" hidden={!running}>
        <video ref={video} className="posture-video" muted playsInline aria-hidden="true" />
        <p className="posture-cue" aria-live="polite" data-stage={state?.stage ?? 'starting'} data-cue={state?.stage === 'coaching' ? (state.cue ?? 'good') : ''}>
          {words}
        </p>
        {state?.stage === 'calibrating' ? <progress className="posture-progress" max={1} value={state.progress} aria-label="Getting a first look" /> : null}
        {state && state.stage !== 'finding' ? <p className="posture-view">Seen {VIEW_WORDS[state.view]}.</p> : null}
        <div className="posture-buttons">
          {voice === 'available' ? (
            <button type="button" role="switch" aria-checked={soundOn} className="sound-toggle" onClick={() => setSoundOn(!soundOn)}>
              Voice <span className="sound-state">{soundOn ? 'on' : 'off'}</span>
            </button>
          ) : null}
          <button type="button" className="button secondary" onClick={stop}>
            Stop the camera
          </button>
        </div>
      </div>

      {summary && !running ? (
        <section className="card posture-summary" aria-labelledby="posture-done">
          <h2 id="posture-done" ref={heading} tabIndex={-1}>
            Camera off
          </h2>
          <p className="posture-score">{scoreWords(summary.score, summary.seconds)}</p>
          <p className="posture-saved">{SAVED_WORDS[saved]}</p>
          <p className="posture-actions">
            <button type="button" className="button secondary" onClick={again}>
              Check again
            </button>{' '}
            <Link to="/today" className="button secondary">
              Back to Today
            </Link>
          </p>
        </section>
      ) : null}
    </Screen>
  );
}
