import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dayProgress, type DayProgress, type NextStep } from '../../core/plan/nextStep';
import { STAGE_IDS, STAGE_LABELS } from '../../core/plan/stages';
import { isApiError, type CheckInT, type EpisodeT, type MovementT } from '../api/client';
import { CheckMark, PlanList, PlanNotes, PlanReasons, planLevelReasons, type Tick } from '../components/PlanList';
import { Screen } from '../components/Screen';
import { ErrorState } from '../components/Status';
import { TriageCard } from '../components/TriageCard';
import { RescreenCard } from '../components/RescreenCard';
import { TodayLinks } from '../progress/TodayLinks';
import { dateIn, longDate, todayIn } from '../lib/dates';
import { newId } from '../lib/ids';
import { Link } from '../lib/router';
import { loadToday, type TodayData } from '../offline/load';
import { OfflineNote } from '../offline/OfflineNote';
import { useSync } from '../offline/useSync';
import { removeMovement, saveMovement } from '../offline/writes';
import { STAND_CHOICES, walkInWords } from '../words/checkIn';
import { errorWords } from '../words/errors';
import { PAIN_BAND_WORDS } from '../words/pain';
import { nprsBand } from '../../core/clinical';
import { PRINCIPLE_WORDS } from '../words/plan';
import { STAGE_WORDS } from '../words/stages';
import { TICK_WORDS, nextStepWords, progressWords } from '../words/today';
import './today.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & TodayData);

/** How long "Undo" stays offered after a tick (longer while focus is on it). */
const UNDO_MS = 10_000;

/**
 * Today as the next step: the stage in one line, the one next thing to do as the primary button, the day's progress,
 * then the plan as a checklist (walks, rests and stand breaks ticked off here, through the outbox, with Undo).
 */
export function Today({ episode, timeZone, onEpisode }: { episode: EpisodeT; timeZone: string | undefined; onEpisode: (e: EpisodeT) => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Read again when writes reach the server or the network comes back; offline, Today is worked out on this device.
  const { sentVersion, online } = useSync();

  useEffect(() => {
    let cancelled = false;
    loadToday(episode, timeZone).then(
      (data) => {
        if (!cancelled) setState({ status: 'ready', ...data });
      },
      (e: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorWords(isApiError(e) ? e.code : 'server') });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episode, attempt, sentVersion, online, timeZone]);

  const retry = () => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  };

  // One screen from the first paint: its heading and stage line stay the same nodes while the plan arrives, so focus
  // (moved to the heading on arrival) is kept and nothing above the next step is rebuilt.
  const stage = state.status === 'ready' ? state.today.stage : null;
  const date = state.status === 'ready' ? state.today.date : todayIn(timeZone);
  return (
    <Screen title="Today" lead={<TodayLead date={date} stage={stage} />} className="today">
      {state.status === 'error' ? (
        <ErrorState message={`We couldn’t load today’s plan. ${state.message}`} onRetry={retry} />
      ) : state.status === 'loading' ? (
        <TodaySkeleton />
      ) : (
        <TodayReady data={state} episode={episode} timeZone={timeZone} onEpisode={onEpisode} onChange={(data) => setState({ status: 'ready', ...data })} />
      )}
    </Screen>
  );
}

/** The date and the stage, in one line each, with room kept for the stage so nothing moves when it arrives. */
function TodayLead({ date, stage }: { date: string; stage: TodayData['today']['stage'] | null }) {
  return (
    <span className="today-lead">
      <span className="today-date">{longDate(date)}</span>
      <span className="today-stage-slot">{stage ? `Stage ${STAGE_IDS.indexOf(stage) + 1} of ${STAGE_IDS.length}: ${STAGE_LABELS[stage]}` : '\u00a0'}</span>
    </span>
  );
}

/** While loading: the same boxes as the first screen of Today, so nothing moves when it arrives. */
function TodaySkeleton() {
  return (
    <div className="today-skeleton" role="status">
      <div className="next-step card skeleton-box">
        <p className="visually-hidden">Getting today’s plan ready…</p>
      </div>
      <div className="checkin-line skeleton-box" aria-hidden="true" />
    </div>
  );
}

function TodayReady({
  data,
  episode,
  timeZone,
  onEpisode,
  onChange,
}: {
  data: TodayData;
  episode: EpisodeT;
  timeZone: string | undefined;
  onEpisode: (e: EpisodeT) => void;
  onChange: (data: TodayData) => void;
}) {
  const { today, checkIns, movements, sessions } = data;
  const [undo, setUndo] = useState<{ movement: MovementT; words: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const clearUndo = useCallback(() => setUndo(null), []);
  const progress = useMemo(() => dayProgress({ date: today.date, items: today.plan, reasons: today.reasons }, { checkIns, movements, sessions }, data.timeZone), [today, checkIns, movements, sessions, data.timeZone]);

  const todays = checkIns.filter((c) => dateIn(new Date(c.at), data.timeZone) === today.date);
  const latestToday = todays[todays.length - 1];
  const welcomeBack = !latestToday && checkIns.length > 0;
  const urgentShown = today.triage.level === 'urgent-doctor';
  const items = urgentShown ? today.plan.filter((i) => i.kind !== 'see-doctor') : today.plan;
  const sessionPaused = today.plan.some((i) => i.kind === 'session' && i.paused);
  const why = planLevelReasons(today.reasons, items);
  const hasPlan = today.plan.length > 0;

  /** Logs a walk, rest or break now (through the outbox) and offers Undo. */
  const tick = async (kind: Tick, startedAt = new Date(), minutes?: number) => {
    const planned = kind === 'stand-break' ? 1 : (progress.tasks.find((t) => t.kind === kind)?.minutes ?? 1);
    const movement: MovementT = { id: newId(), episodeId: episode.id, kind, startedAt: startedAt.toISOString(), minutes: minutes ?? planned, createdAt: new Date().toISOString() };
    onChange({ ...data, movements: [...movements, movement] });
    setUndo({ movement, words: TICK_WORDS[kind].ticked });
    setBusy(true);
    try {
      await saveMovement(episode.id, movement.id, { kind, startedAt: movement.startedAt, minutes: movement.minutes });
    } finally {
      setBusy(false);
    }
  };
  const takeBack = async (movement: MovementT) => {
    setUndo(null);
    onChange({ ...data, movements: movements.filter((m) => m.id !== movement.id) });
    await removeMovement(episode.id, movement.id, movement.kind);
  };

  return (
    <>
      <RescreenCard rescreen={today.rescreen} />
      {data.source === 'device' ? <OfflineNote /> : null}
      <TriageCard triage={today.triage} episode={episode} timeZone={timeZone} onEpisode={onEpisode} sessionPaused={sessionPaused} />

      {hasPlan ? <NextStepCard progress={progress} welcomeBack={welcomeBack} onTick={tick} /> : null}
      <UndoLine undo={undo} onUndo={takeBack} onExpire={clearUndo} />

      {latestToday ? <CheckInLine checkIn={latestToday} /> : null}

      <PlanNotes notes={why.notes} />

      <section aria-labelledby="plan-title" className="plan">
        <h2 id="plan-title">Your plan for today</h2>
        {items.length ? (
          <>
            <PlanList items={items} progress={progress} onTick={(k) => void tick(k)} busy={busy} />
            <PlanReasons reasons={why.other} />
          </>
        ) : today.rescreen.needed ? (
          <p className="empty">Today’s plan will appear here once you have answered those few questions.</p>
        ) : (
          <p className="empty">Your plan will appear here. Check in and we’ll build today’s plan from your answers.</p>
        )}
      </section>

      {today.stage ? (
        <section className="card stage" aria-labelledby="stage-title">
          <h2 id="stage-title">
            <span className="eyebrow">Your stage</span> {STAGE_LABELS[today.stage]}
          </h2>
          <ol className="stage-steps" aria-label="Recovery stages">
            {STAGE_IDS.map((s) => (
              <li key={s} className={s === today.stage ? 'current' : undefined} aria-current={s === today.stage ? 'step' : undefined}>
                {STAGE_LABELS[s]}
              </li>
            ))}
          </ol>
          {why.stage ? (
            <details className="why stage-reason" data-reason-code={why.stage.code}>
              <summary>Why this stage</summary>
              <p>{why.stage.text}</p>
              <p className="principle">
                <span className="principle-label">Principle:</span> {PRINCIPLE_WORDS[why.stage.principle]}
              </p>
            </details>
          ) : (
            <p>{STAGE_WORDS[today.stage]}</p>
          )}
        </section>
      ) : null}

      <TodayLinks episodeId={episode.id} timeZone={timeZone} />
    </>
  );
}

/** The ring of planned items done, with the words beside it. */
function ProgressRing({ done, planned }: { done: number; planned: number }) {
  const r = 22;
  const circumference = 2 * Math.PI * r;
  const share = planned > 0 ? done / planned : 0;
  return (
    <svg className="progress-ring" viewBox="0 0 56 56" width="56" height="56" aria-hidden="true" focusable="false">
      <circle className="ring-track" cx="28" cy="28" r={r} fill="none" strokeWidth="7" />
      <circle
        className="ring-done"
        cx="28"
        cy="28"
        r={r}
        fill="none"
        strokeWidth="7"
        strokeLinecap="round"
        strokeDasharray={`${(share * circumference).toFixed(2)} ${circumference.toFixed(2)}`}
        transform="rotate(-90 28 28)"
      />
    </svg>
  );
}

/** The one next thing to do, as the primary button, and the day's progress. */
function NextStepCard({ progress, welcomeBack, onTick }: { progress: DayProgress; welcomeBack: boolean; onTick: (kind: Tick, startedAt?: Date, minutes?: number) => Promise<void> }) {
  const step = progress.next;
  const words = nextStepWords(step);
  const [resting, setResting] = useState<Date | null>(null);
  return (
    <section className="card next-step" aria-labelledby="next-step-title" data-next={step.kind}>
      <div className="next-progress">
        <ProgressRing done={progress.done} planned={progress.planned} />
        <p className="next-progress-words" id="day-progress">
          {progressWords(progress)}
          <span className="visually-hidden"> of today’s plan</span>
        </p>
      </div>
      <h2 id="next-step-title">
        {step.kind === 'done' ? (
          <span className="done-title">
            <CheckMark /> {words.title}
          </span>
        ) : welcomeBack ? (
          'Welcome back. Your next step'
        ) : (
          'Your next step'
        )}
      </h2>
      {resting && step.kind === 'lie-flat' ? (
        <RestTimer
          startedAt={resting}
          minutes={step.minutes}
          onDone={(minutes) => {
            setResting(null);
            void onTick('lie-flat', resting, minutes);
          }}
        />
      ) : (
        <>
          <p className="next-how">{words.how}</p>
          <NextAction step={step} label={words.action} onRest={() => setResting(new Date())} onStandBreak={() => void onTick('stand-break')} />
        </>
      )}
    </section>
  );
}

/** Where the next step's button goes, when it leads to another screen (the walk timer is on Move). */
const STEP_PATHS = { 'check-in': '/check-in', walk: '/move', session: '/session' } as const;

function NextAction({ step, label, onRest, onStandBreak }: { step: NextStep; label: string; onRest: () => void; onStandBreak: () => void }) {
  if (step.kind === 'check-in' || step.kind === 'walk' || step.kind === 'session')
    return (
      <Link to={STEP_PATHS[step.kind]} className="button primary next-action">
        {label}
      </Link>
    );
  if (step.kind === 'lie-flat')
    return (
      <button type="button" className="button primary next-action" onClick={onRest}>
        {label}
      </button>
    );
  if (step.extra === null) return null;
  return step.extra.kind === 'walk' ? (
    <Link to="/move" className="button secondary next-action">
      {label}
    </Link>
  ) : (
    <button type="button" className="button secondary next-action" onClick={onStandBreak}>
      {label}
    </button>
  );
}

/** A rest lying flat, counted down here; "I'm up" ticks it off with the time it took. */
function RestTimer({ startedAt, minutes, onDone }: { startedAt: Date; minutes: number; onDone: (minutes: number) => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const leftS = Math.max(0, Math.round((startedAt.getTime() + minutes * 60_000 - now) / 1000));
  const elapsedMin = Math.max(0, (now - startedAt.getTime()) / 60_000);
  return (
    <div className="rest-timer">
      <p className="rest-left" role="timer" aria-live="off">
        {leftS > 0 ? `${Math.floor(leftS / 60)}:${String(leftS % 60).padStart(2, '0')} left` : 'Time’s up. Roll onto your side, then push up with your arms.'}
      </p>
      <button type="button" className="button primary next-action" onClick={() => onDone(Math.round(Math.min(elapsedMin, 600) * 60) / 60)}>
        I’m up: tick it off
      </button>
    </div>
  );
}

/** "Walk ticked off. Undo", for a while after a tick (longer while focus is on it). */
function UndoLine({ undo, onUndo, onExpire }: { undo: { movement: MovementT; words: string } | null; onUndo: (m: MovementT) => void; onExpire: () => void }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!undo) return;
    let timer = 0;
    const check = () => {
      if (bar.current?.contains(document.activeElement)) timer = window.setTimeout(check, 2000);
      else onExpire();
    };
    timer = window.setTimeout(check, UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [undo, onExpire]);
  return (
    <div className="undo-slot" role="status" ref={bar}>
      {undo ? (
        <div className="undo-bar">
          <span>{undo.words}</span>
          <button type="button" className="button secondary small" onClick={() => onUndo(undo.movement)}>
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}

const standLabel = (v: CheckInT['standStraight']) => STAND_CHOICES.find((c) => c.value === v)?.label ?? '';
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Today's check-in in one compact, worded block. */
function CheckInLine({ checkIn }: { checkIn: CheckInT }) {
  return (
    <section className="checkin-line" id="checkin-summary" aria-labelledby="checkin-summary-title">
      <h2 id="checkin-summary-title" className="visually-hidden">
        Your check-in today
      </h2>
      <dl>
        <div>
          <dt>Pain now</dt>
          <dd>
            {checkIn.painNow} <span className="band">({PAIN_BAND_WORDS[nprsBand(checkIn.painNow)]})</span>
          </dd>
        </div>
        <div>
          <dt>Worst</dt>
          <dd>
            {checkIn.painWorst24h} <span className="band">({PAIN_BAND_WORDS[nprsBand(checkIn.painWorst24h)]})</span>
          </dd>
        </div>
        <div>
          <dt>Standing straight</dt>
          <dd>{standLabel(checkIn.standStraight)}</dd>
        </div>
        <div>
          <dt>Walking</dt>
          <dd>{capitalised(walkInWords(checkIn.walkMinutes))}</dd>
        </div>
      </dl>
      <Link to="/check-in" className="checkin-again">
        Check in again
      </Link>
    </section>
  );
}
