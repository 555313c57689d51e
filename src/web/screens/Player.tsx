import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { exerciseById } from '../../core/exercises';
import { entryFor, sessionEntries, type PlannedExercise } from '../../core/session/entries';
import { createTimer, type SessionEntry } from '../../core/session/timer';
import type { Activity, HoldReason, StageFit } from '../../core/plan/mayStart';
import type { StageId } from '../../core/plan/stages';
import { ApiError, isApiError, type EpisodeT, type Issue, type SessionLogBody, type TodayT } from '../api/client';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { ErrorSummary } from '../components/ErrorSummary';
import { PainScale } from '../components/PainScale';
import { ActionBar, Screen } from '../components/Screen';
import { ErrorState, Loading } from '../components/Status';
import { newId } from '../lib/ids';
import { messageFor } from '../lib/issues';
import { Link, navigate } from '../lib/router';
import { saveSession } from '../offline/writes';
import { OutsideStage, SessionHold } from '../player/Hold';
import { SessionRun, type RunResult } from '../player/SessionRun';
import { chooseOutsideStage, choseOutsideStage, decide, useTodayRead, type TodayRead } from '../player/startRule';
import { painFromCheckIn } from '../player/painPrefill';
import { instantOf, playerClock } from '../player/useSessionTimer';
import { useVoice } from '../player/voice';
import { errorWords } from '../words/errors';
import { clockTime } from '../words/move';
import { doseInWords } from '../words/exercises';
import { FEEL_HINTS, FEEL_WORDS, OUTCOME_WORDS, VOICE_BEFORE, VOICE_NONE_BEFORE } from '../words/session';
import '../player/player.css';

type Feel = keyof typeof FEEL_WORDS;

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'nothing'; why: 'no-session' | 'unknown' }
  | { status: 'hold'; reason: HoldReason }
  | { status: 'outside'; fit: Extract<StageFit, { outsideStage: true }>; stage: StageId }
  | { status: 'ready' };

type Step =
  | { kind: 'before' }
  | { kind: 'running'; painBefore: number; startAt: number }
  | { kind: 'after'; painBefore: number; result: RunResult; sessionId: string };

/**
 * What the Player may show, asked of the core rule (core/plan/mayStart) on every path: today's session, one movement
 * from the library or a direct link, online or offline (the episode's last triage, today's plan from the device).
 */
function loadFor(episode: EpisodeT, timeZone: string | undefined, exerciseId: string | undefined, read: TodayRead, stageChosen: boolean): Load {
  const single = exerciseId ? exerciseById(exerciseId) : undefined;
  if (exerciseId && !single) return { status: 'nothing', why: 'unknown' };
  const activity: Activity = single ? { kind: 'exercise', stages: single.stages } : { kind: 'session' };
  // Paused needs nothing from the network: the episode's triage decides at once, offline too.
  const first = decide(episode, timeZone, null, activity);
  if (!first.allowed) return { status: 'hold', reason: first.reason };
  if (read.status === 'loading') return { status: 'loading' };
  if (read.status === 'failed') {
    // One movement can start without today's plan (its stage is then not known); today's session cannot.
    return single ? { status: 'ready' } : { status: 'error', message: read.message };
  }
  const { today } = read;
  const decision = decide(episode, timeZone, today.stage, activity, today);
  if (!decision.allowed) return { status: 'hold', reason: decision.reason };
  if (single) {
    if (decision.outsideStage && today.stage && !stageChosen) return { status: 'outside', fit: decision, stage: today.stage };
    return { status: 'ready' };
  }
  return plannedOf(today).length === 0 ? { status: 'nothing', why: 'no-session' } : { status: 'ready' };
}

/** Today's session as the player runs it (none when the plan has no session). */
function plannedOf(today: TodayT): PlannedExercise[] {
  const session = today.plan.find((i) => i.kind === 'session');
  return session ? session.exercises.map((e) => ({ exerciseId: e.exerciseId, dose: e.dose })) : [];
}

/**
 * The guided session: pain now → each movement with the figure, a cue, a timer, voice and captions, and a
 * "This hurts" button that always works → pain now and how it felt → saved, and back to Today.
 * With `exerciseId` it is a single movement from the library, at its own usual amount.
 */
export function Player({ episode, timeZone, exerciseId }: { episode: EpisodeT; timeZone?: string; exerciseId?: string }) {
  const single = exerciseId ? exerciseById(exerciseId) : undefined;
  const [attempt, setAttempt] = useState(0);
  const read = useTodayRead(episode, timeZone, attempt);
  const [stageChosen, setStageChosen] = useState(() => (exerciseId ? choseOutsideStage(exerciseId) : false));
  const [step, setStep] = useState<Step>({ kind: 'before' });
  const load = loadFor(episode, timeZone, exerciseId, read, stageChosen);

  // From the kept read, not from `load` (a new object each render), so a sync that changes nothing never restarts the timer.
  const ready = load.status === 'ready';
  const today = read.status === 'ready' ? read.today : null;
  const entries = useMemo<SessionEntry[]>(() => {
    if (!ready) return [];
    if (single) return [entryFor(single)];
    return today ? sessionEntries(plannedOf(today), exerciseById) : [];
  }, [ready, single, today]);

  const finished = useCallback((result: RunResult) => {
    setStep((s) => (s.kind === 'running' ? { kind: 'after', painBefore: s.painBefore, result, sessionId: newId() } : s));
  }, []);

  // Each step brings its own heading into focus, so a screen reader hears where the person is now.
  const firstStep = useRef(true);
  useLayoutEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    (document.getElementById('player-exercise') ?? document.getElementById('step-title'))?.focus();
  }, [step.kind]);

  const title = single ? single.name : 'Today’s session';
  if (load.status === 'loading')
    return (
      <Screen title={title}>
        <Loading what="Getting your session ready…" />
      </Screen>
    );
  if (load.status === 'error')
    return (
      <Screen title={title}>
        <ErrorState message={`We couldn’t load today’s session. ${load.message}`} onRetry={() => setAttempt((n) => n + 1)} />
      </Screen>
    );
  if (load.status === 'hold')
    return (
      <Screen title={title}>
        <SessionHold reason={load.reason} />
      </Screen>
    );
  if (load.status === 'outside')
    return (
      <Screen title={title}>
        <OutsideStage
          fit={load.fit}
          stage={load.stage}
          onTry={() => {
            if (exerciseId) chooseOutsideStage(exerciseId);
            setStageChosen(true);
          }}
          onCancel={() => navigate(exerciseId ? `/library/${exerciseId}` : '/library')}
          cancelLabel="Back to this movement"
        />
      </Screen>
    );
  if (load.status === 'nothing' || entries.length === 0) return <Nothing why={load.status === 'nothing' ? load.why : 'no-session'} title={title} />;

  return (
    <Screen title={title} className="player-screen">
      {step.kind === 'before' ? (
        <Before entries={entries} single={single !== undefined} fromCheckIn={read.status === 'ready' ? painFromCheckIn(read.checkIns, read.today.date, read.timeZone) : null} timeZone={read.status === 'ready' ? read.timeZone : undefined} onStart={(painBefore) => setStep({ kind: 'running', painBefore, startAt: playerClock() })} />
      ) : null}
      {step.kind === 'running' ? <SessionRun entries={entries} startAt={step.startAt} onFinished={finished} /> : null}
      {step.kind === 'after' ? <After episodeId={episode.id} painBefore={step.painBefore} result={step.result} sessionId={step.sessionId} /> : null}
    </Screen>
  );
}

function Nothing({ why, title }: { why: 'no-session' | 'unknown'; title: string }) {
  const words = {
    'no-session': 'There is no guided session in today’s plan. Today’s walks, rests and posture cues are the work for now.',
    unknown: 'We couldn’t find that movement. The library has every movement Unclench offers.',
  }[why];
  return (
    <Screen title={title}>
      <div className="card empty-state">
        <p>{words}</p>
      </div>
      <ActionBar>
        <Link to={why === 'unknown' ? '/library' : '/today'} className="button primary">
          {why === 'unknown' ? 'Go to the library' : 'Back to Today'}
        </Link>
      </ActionBar>
    </Screen>
  );
}

function Before({
  entries,
  single,
  fromCheckIn,
  timeZone,
  onStart,
}: {
  entries: readonly SessionEntry[];
  single: boolean;
  /** Today's latest check-in's pain now: pain is asked once a day, so it starts the scale (still changeable). */
  fromCheckIn: { pain: number; at: string } | null;
  timeZone: string | undefined;
  onStart: (painBefore: number) => void;
}) {
  const [pain, setPain] = useState<number | undefined>(fromCheckIn?.pain);
  const [issues, setIssues] = useState<Issue[]>([]);
  const voice = useVoice();
  const minutes = Math.max(1, Math.round(createTimer(entries).totalMs / 60_000));
  const start = () => {
    if (pain === undefined) {
      setIssues([{ path: 'painBefore', rule: 'required', message: 'Please choose a number from 0 to 10 first.' }]);
      return;
    }
    onStart(pain);
  };
  return (
    <div className="player-before">
      <h2 id="step-title" tabIndex={-1}>
        {single ? 'One movement' : `${entries.length} movements`}, about {minutes} {minutes === 1 ? 'minute' : 'minutes'}
      </h2>
      <ol className="player-list">
        {entries.map((e, i) => (
          <li key={`${e.exerciseId}-${i}`}>
            <span className="player-list-name">{exerciseById(e.exerciseId)?.name}</span>
            <span className="session-dose">{doseInWords(e.dose)}</span>
          </li>
        ))}
      </ol>
      <ErrorSummary issues={issues} title="One answer first" />
      {fromCheckIn ? (
        // Above the scale, so it is seen before the sticky Start; always there, so the scale never jumps under a finger.
        <p className="hint pain-from-checkin">
          {pain === fromCheckIn.pain
            ? `Pain ${fromCheckIn.pain}, from your check-in at ${clockTime(Date.parse(fromCheckIn.at), timeZone)}, so we don’t ask again. If it’s different now, choose another number.`
            : `Your check-in at ${clockTime(Date.parse(fromCheckIn.at), timeZone)} said ${fromCheckIn.pain}; this session keeps the number you chose now.`}
        </p>
      ) : null}
      <PainScale
        path="painBefore"
        legend="How much does it hurt right now?"
        value={pain}
        onChange={(n) => {
          setPain(n);
          setIssues([]);
        }}
        error={messageFor(issues, 'painBefore')}
      />
      <p className="hint">
        {voice === 'none' ? VOICE_NONE_BEFORE : VOICE_BEFORE} If anything hurts, press <strong>This hurts</strong> and we stop at once.
      </p>
      <ActionBar>
        <button type="button" className="button primary" onClick={start}>
          Start
        </button>
      </ActionBar>
    </div>
  );
}

function After({
  episodeId,
  painBefore,
  result,
  sessionId,
}: {
  episodeId: string;
  painBefore: number;
  result: RunResult;
  sessionId: string;
}) {
  const [pain, setPain] = useState<number | undefined>(undefined);
  const [feel, setFeel] = useState<Feel | undefined>(undefined);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const save = async () => {
    const local: Issue[] = [];
    if (pain === undefined) local.push({ path: 'painAfter', rule: 'required', message: 'Please choose a number from 0 to 10.' });
    if (feel === undefined) local.push({ path: 'feel', rule: 'required', message: 'Please choose how it felt.' });
    setIssues(local);
    if (pain === undefined || feel === undefined) return;
    const body: SessionLogBody = {
      startedAt: instantOf(result.startedAtMs),
      endedAt: instantOf(Math.max(result.startedAtMs, result.endedAtMs)),
      painBefore,
      painAfter: pain,
      feel,
      exercises: result.records,
    };
    setSaving(true);
    setFailure(null);
    try {
      // Through the outbox: kept on this device at once and sent when the network allows (offline/writes.ts).
      const saved = await saveSession(episodeId, sessionId, body);
      if (saved.status === 'rejected') throw new ApiError(saved.rejection.status, saved.rejection.code, saved.rejection.message, saved.rejection.issues ?? []);
      navigate('/today');
    } catch (e) {
      setSaving(false);
      if (isApiError(e) && e.issues.length) setIssues([...e.issues]);
      else setFailure(`We couldn’t save your session. ${errorWords(isApiError(e) ? e.code : 'server')} Your answers are kept here; try again when you’re ready.`);
    }
  };

  const done = result.records.filter((r) => r.outcome === 'done').length;
  return (
    <div className="player-after">
      <h2 id="step-title" tabIndex={-1}>
        That’s it for now
      </h2>
      <p>
        {done === result.records.length
          ? 'You went through every movement. Take your time getting up.'
          : 'You listened to your body, which is exactly right. Take your time getting up.'}
      </p>
      <ul className="player-outcomes">
        {result.records.map((r, i) => (
          <li key={`${r.exerciseId}-${i}`} data-outcome={r.outcome}>
            <span>{exerciseById(r.exerciseId)?.name ?? 'A movement'}</span> <span className="outcome">{OUTCOME_WORDS[r.outcome]}</span>
          </li>
        ))}
      </ul>
      <ErrorSummary issues={issues} title="Two quick answers to finish" />
      <PainScale path="painAfter" legend="How much does it hurt now?" value={pain} onChange={setPain} error={messageFor(issues, 'painAfter')} />
      <ChoiceGroup<Feel>
        path="feel"
        legend="How did that feel?"
        choices={(Object.keys(FEEL_WORDS) as Feel[]).map((value) => ({ value, label: FEEL_WORDS[value], hint: FEEL_HINTS[value] }))}
        value={feel}
        onChange={setFeel}
        error={messageFor(issues, 'feel')}
        layout="column"
      />
      {failure ? <ErrorState message={failure} /> : null}
      <ActionBar>
        <button type="button" className="button primary" onClick={() => void save()} disabled={saving}>
          {saving ? 'Saving…' : 'Save and go to Today'}
        </button>
      </ActionBar>
    </div>
  );
}
