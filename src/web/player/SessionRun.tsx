import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { exerciseById } from '../../core/exercises';
import type { Exercise } from '../../core/exercises/types';
import { measuredAngles } from '../../core/pose/coach/angles';
import { formModelOf } from '../../core/pose/coach/form';
import { adviceKey, FormCoach, type FormAdvice } from '../../core/pose/coach/formCoach';
import type { Keypoint } from '../../core/pose/coach/keypoints';
import { holdSignal, withCountedReps } from '../../core/session/counted';
import { entryFor } from '../../core/session/entries';
import { records, view, type ExerciseRecord, type SessionEntry, type TimerView } from '../../core/session/timer';
import { PainScale } from '../components/PainScale';
import { clockText, countWord, HURT_WORDS, instructionWords, PAUSED_HINT, PAUSED_TITLE, PAUSED_WORDS, PHASE_TITLES, secondsInWords, VOICE_NONE, whereWords } from '../words/session';
import { CameraOnBadge, FormCamera } from './FormCamera';
import { FORM_CAMERA_WORDS, formAdviceWords } from './formWords';
import { PlayerFigure } from './PlayerFigure';
import { useFormCamera } from './useFormCamera';
import { useReducedMotion } from './useReducedMotion';
import { useSessionTimer } from './useSessionTimer';
import { useWakeLock } from './useWakeLock';
import { hush, speak, useVoice } from './voice';
import './player.css';

export interface RunResult {
  startedAtMs: number;
  endedAtMs: number;
  records: ExerciseRecord[];
}

interface Props {
  entries: readonly SessionEntry[];
  /** Clock reading when the person tapped Start (a user gesture, so the voice may speak). */
  startAt: number;
  onFinished: (result: RunResult) => void;
}

const models = new Map<string, ReturnType<typeof formModelOf>>();
/** An exercise's form model, worked out once (it measures the body model at every keyframe). */
function modelFor(exerciseId: string): ReturnType<typeof formModelOf> {
  if (!models.has(exerciseId)) {
    const e = exerciseById(exerciseId);
    models.set(exerciseId, e ? formModelOf(e) : null);
  }
  return models.get(exerciseId) ?? null;
}

/** Pain at or above this during a movement brings a plain word about when to stop for the day. */
const HIGH_PAIN = 7;

/** The session as it runs: figure, one cue, a large timer, captions and voice, and three big buttons. */
export function SessionRun({ entries, startAt, onFinished }: Props) {
  const { state, now, act } = useSessionTimer(entries, startAt);
  const reducedMotion = useReducedMotion();
  const voice = useVoice();
  const [soundChosen, setSoundOn] = useState(true);
  const soundOn = soundChosen && voice !== 'none';
  const resumeButton = useRef<HTMLButtonElement>(null);
  const [hurtPain, setHurtPain] = useState<number | undefined>(undefined);
  const hurtHeading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  const finishedRef = useRef(false);

  const v = view(state, now);
  const status = v.status;
  const exercise = v.exerciseId ? exerciseById(v.exerciseId) : undefined;
  const cue = exercise ? exercise.cues[v.cueIndex % Math.max(1, exercise.cues.length)] : undefined;
  const instruction = instructionWords(v, exercise?.name ?? '', cue);
  const caption = status === 'paused' ? PAUSED_WORDS : status === 'hurt' ? HURT_WORDS : instruction;

  useWakeLock(status === 'running');

  // ── The camera, for a camera-ready movement, only when the person turns it on ──
  const model = useMemo(() => (exercise ? modelFor(exercise.id) : null), [exercise]);
  /** Repetitions the camera counted, by entry (the session log takes them in place of the tempo's count). */
  const counted = useRef(new Map<number, number>());
  const coach = useRef<{ segment: number; coach: FormCoach; before: number } | null>(null);
  /** What the coach says in a step (segment) and the repetitions counted in its movement so far. */
  const [form, setForm] = useState<{ segment: number; advice: FormAdvice; counted: number } | null>(null);
  const live = useRef({ v, act });
  useEffect(() => {
    live.current = { v, act };
  });
  const onPose = useCallback((keypoints: Keypoint[], at: number) => {
    const { v: now, act: dispatch } = live.current;
    const m = now.exerciseId ? modelFor(now.exerciseId) : null;
    const working = now.status === 'running' && (now.phase === 'move' || now.phase === 'hold');
    if (!m || !working) return;
    if (coach.current?.segment !== now.segmentIndex) coach.current = { segment: now.segmentIndex, coach: new FormCoach(m), before: counted.current.get(now.entryIndex) ?? 0 };
    const c = coach.current;
    const next = c.coach.update(measuredAngles(keypoints), at);
    if (m.kind === 'reps') counted.current.set(now.entryIndex, c.before + next.reps);
    // A hold's time counts only while the pose is reached (the timer ignores a wait or a go that does not apply).
    const signal = holdSignal(now, next.atPeak);
    if (signal) dispatch((t) => ({ type: signal, at: t }));
    const total = c.before + next.reps;
    setForm((f) => (f && f.segment === now.segmentIndex && f.counted === total && adviceKey(f.advice) === adviceKey(next.advice) ? f : { segment: now.segmentIndex, advice: next.advice, counted: total }));
  }, []);
  const camera = useFormCamera(onPose);
  const cameraOn = camera.status === 'on' || camera.status === 'starting';
  const stopCamera = camera.stop;
  // The camera stops when the movement ends (its step is over), on "this hurts", and with the session.
  const entryIndex = v.entryIndex;
  useEffect(() => {
    coach.current = null;
    return stopCamera;
  }, [entryIndex, stopCamera]);
  useEffect(() => {
    if (status === 'hurt' || status === 'finished') stopCamera();
  }, [status, stopCamera]);
  // Off, or between holds, nothing holds the timer back.
  const segmentIndex = v.segmentIndex;
  const heldBack = v.waitingForForm;
  const phase = v.phase;
  useEffect(() => {
    // Only the "go" here: a wait comes from what the camera sees, frame by frame.
    if (holdSignal({ phase, waitingForForm: heldBack }, false, cameraOn && phase === 'hold') === 'form-go') act((at) => ({ type: 'form-go', at }));
  }, [heldBack, cameraOn, phase, segmentIndex, act]);
  const stepForm = form?.segment === v.segmentIndex ? form : null;

  // The end of the session, whichever way it came (time ran out, the last skip, or "end").
  useEffect(() => {
    if (state.status !== 'finished' || finishedRef.current) return;
    finishedRef.current = true;
    hush();
    onFinished({ startedAtMs: state.startedAtMs ?? startAt, endedAtMs: state.endedAtMs ?? startAt, records: withCountedReps(records(state), state.entries, counted.current) });
  }, [state, startAt, onFinished]);

  // One instruction at a time, said when it changes; the captions show the same words.
  useEffect(() => {
    if (soundOn && status !== 'finished') speak(caption, { interrupt: true });
  }, [caption, soundOn, status]);

  // Counts on repetitions, queued after any instruction.
  const rep = status === 'running' && v.phase === 'move' ? v.rep : null;
  const countKey = rep === null ? null : `${v.segmentIndex}:${rep}`;
  useEffect(() => {
    if (soundOn && countKey !== null && rep !== null) speak(countWord(rep), { interrupt: false });
  }, [countKey, rep, soundOn]);

  // The session fills the screen: the header and title scroll away so the figure, timer and buttons all fit.
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
    return hush;
  }, []);

  useLayoutEffect(() => {
    if (status === 'hurt') hurtHeading.current?.focus();
    // Paused, the big Resume takes focus: the button pressed a moment ago has gone with the controls it was in.
    if (status === 'paused') resumeButton.current?.focus();
  }, [status]);

  // A change to make is said once, when it first shows (queued after the session's own words).
  const formWords = cameraOn && stepForm?.advice && stepForm.advice.kind !== 'good' && exercise ? formAdviceWords(stepForm.advice, exercise) : null;
  useEffect(() => {
    if (soundOn && formWords) speak(formWords, { interrupt: false });
  }, [formWords, soundOn]);

  if (!exercise) return null;

  const easier = exercise.easierId ? exerciseById(exercise.easierId) : undefined;
  const toggleSound = () => {
    if (soundOn) hush();
    setSoundOn(!soundOn);
  };
  const hurt = () => {
    camera.stop();
    hush();
    setHurtPain(undefined);
    act((at) => ({ type: 'hurt', at }));
  };
  const choosePain = (n: number) => {
    setHurtPain(n);
    act(() => ({ type: 'pain', value: n }));
  };
  const swapTo = (next: Exercise) => act((at) => ({ type: 'swap', at, replacement: entryFor(next, next.dose, exercise) }));

  return (
    <section className="player" ref={section} aria-labelledby="player-exercise" data-status={status} data-exercise-id={exercise.id} data-camera={camera.status} data-counted={stepForm?.counted ?? ''}>
      {/* First in the session and sticky, so it stays in sight however the page is scrolled. */}
      {cameraOn ? <CameraOnBadge /> : null}
      <div className="player-top">
        <p className="player-progress">
          Movement {v.number} of {v.count}
        </p>
        {voice === 'available' ? (
          <button type="button" role="switch" aria-checked={soundOn} className="sound-toggle" onClick={toggleSound}>
            Sound <span className="sound-state">{soundOn ? 'on' : 'off'}</span>
          </button>
        ) : voice === 'none' ? (
          <p className="sound-none">{VOICE_NONE}</p>
        ) : (
          <span className="sound-checking" aria-hidden="true" />
        )}
      </div>

      <h2 id="player-exercise" className="player-exercise" tabIndex={-1}>
        {exercise.name}
      </h2>

      {status === 'hurt' ? (
        <section className="card hurt-panel" aria-labelledby="hurt-title">
          <h3 id="hurt-title" ref={hurtHeading} tabIndex={-1}>
            Let’s stop here
          </h3>
          <p>You did the right thing. Easing off is part of getting better.</p>
          <PainScale path="painDuring" legend="How much does it hurt right now?" value={hurtPain} onChange={choosePain} />
          {hurtPain !== undefined && hurtPain >= HIGH_PAIN ? (
            <p className="hurt-note">
              That is a lot of pain. It may be best to stop for today and rest in a position that eases it. If the pain is sharp, spreads down a
              leg, or comes with numbness or weakness, check in so we can look at it again.
            </p>
          ) : null}
          <div className="hurt-choices">
            {easier ? (
              <button type="button" className="button primary" onClick={() => swapTo(easier)}>
                Try an easier version: {easier.name}
              </button>
            ) : null}
            <button type="button" className={`button ${easier ? 'secondary' : 'primary'}`} onClick={() => act((at) => ({ type: 'skip', at }))}>
              Skip this movement
            </button>
            <button type="button" className="button secondary" onClick={() => act((at) => ({ type: 'end', at }))}>
              End the session
            </button>
          </div>
        </section>
      ) : (
        <div className="player-stage">
          <PlayerFigure exercise={exercise} timer={state} now={now} reducedMotion={reducedMotion} />
          {status === 'paused' ? (
            // Paused, nothing counts and nothing moves on: no timer, no cue, one big way back.
            <div className="player-paused">
              <p className="paused-title">{PAUSED_TITLE}</p>
              <p className="paused-hint">{PAUSED_HINT}</p>
              <button type="button" ref={resumeButton} className="button primary paused-resume" onClick={() => act((at) => ({ type: 'resume', at }))}>
                Resume
              </button>
            </div>
          ) : (
            <>
              <TimerFace v={v} counted={cameraOn && model?.kind === 'reps' ? (stepForm?.counted ?? 0) : null} />
              <p className="player-cue">{v.phase === 'rest' ? 'Rest. Let everything soften.' : (cue ?? '')}</p>
            </>
          )}
        </div>
      )}

      {model && status !== 'hurt' ? (
        <FormCamera
          key={v.entryIndex}
          exercise={exercise}
          status={camera.status}
          video={camera.video}
          advice={v.phase === 'move' || v.phase === 'hold' ? (stepForm?.advice ?? null) : 'waiting-to-begin'}
          onStart={() => void camera.start()}
          onStop={camera.stop}
        />
      ) : null}

      <div className="player-captions">
        <span className="captions-label">Captions</span>
        <p aria-live="polite" className="captions-text">
          {caption}
        </p>
      </div>

      {/* Stopped by "This hurts", the choices above take the place of these buttons. */}
      {/* The bar sticks above the tab bar and carries "End the session now", so nothing of the session is ever under it. */}
      {status !== 'hurt' ? (
        <div className="player-controls" role="group" aria-label="Session controls">
          <p className="player-end">
            <button type="button" className="link-button" onClick={() => act((at) => ({ type: 'end', at }))}>
              End the session now
            </button>
          </p>
          {status === 'paused' ? null : (
            <button type="button" className="button secondary" onClick={() => act((at) => ({ type: 'pause', at }))}>
              Pause
            </button>
          )}
          <button type="button" className="button secondary" onClick={() => act((at) => ({ type: 'skip', at }))}>
            Skip
          </button>
          <button type="button" className="button primary this-hurts" onClick={hurt}>
            This hurts
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** The large timer: counted repetitions count up with the tempo; holds, rests and timed work count down. */
function TimerFace({ v, counted }: { v: TimerView; counted: number | null }) {
  const counting = v.phase === 'move' && v.rep !== null;
  const where = whereWords(v);
  return (
    <div className="player-timer" role="timer" data-phase={v.phase}>
      <p className="timer-title">{PHASE_TITLES[v.phase]}</p>
      {counting ? (
        <p className="timer-big">
          <span className="timer-count">{v.rep}</span> <span className="timer-of">of {v.reps}</span>
        </p>
      ) : (
        <p className="timer-big">
          <span aria-hidden="true">{clockText(v.secondsLeft)}</span>
          <span className="visually-hidden">{secondsInWords(v.secondsLeft)} left</span>
        </p>
      )}
      {where.length ? <p className="timer-where">{where.join(' · ')}</p> : null}
      {counted !== null && v.phase === 'move' ? (
        <p className="timer-counted" data-counted={counted}>
          {FORM_CAMERA_WORDS.counted(counted)}
        </p>
      ) : null}
      {v.waitingForForm ? <p className="timer-waits">{FORM_CAMERA_WORDS.holdWaits}</p> : null}
    </div>
  );
}
