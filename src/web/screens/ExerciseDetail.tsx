import { useEffect, useMemo, useState } from 'react';
import { exerciseById } from '../../core/exercises';
import { STAGE_LABELS } from '../../core/plan/stages';
import { api, isApiError, type EpisodeT, type ExerciseT, type TodayT } from '../api/client';
import { Card } from '../components/Card';
import { Figure, useFigure } from '../components/Figure';
import { Screen } from '../components/Screen';
import { ErrorState, Loading } from '../components/Status';
import { distinctKeyframes } from '../lib/keyframes';
import { libraryPath } from '../lib/libraryFilters';
import { Link, navigate } from '../lib/router';
import { OutsideStage, SessionHold } from '../player/Hold';
import { chooseOutsideStage, decide, useTodayRead } from '../player/startRule';
import { outsideStageWords, PAUSED_TOP } from '../words/session';
import { errorWords } from '../words/errors';
import { doseInWords, doseTimeInWords, muscleLabel, phaseLabel, POSITION_WORDS, ROLE_ONE_WORDS, STYLE_WORDS } from '../words/exercises';
import './exerciseDetail.css';

type State = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string } | { status: 'ready'; exercise: ExerciseT };

/** One movement: how it goes (a still at each keyframe), how much, step by step, what to watch, and its variants. */
export function ExerciseDetail({ exerciseId, episode, timeZone }: { exerciseId: string; episode: EpisodeT | null; timeZone: string | undefined }) {
  const [attempt, setAttempt] = useState(0);
  const key = `${exerciseId}#${attempt}`;
  const [loaded, setLoaded] = useState<{ key: string; state: State } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const requestKey = `${exerciseId}#${attempt}`;
    api.getExercise(exerciseId).then(
      (exercise) => {
        if (!cancelled) setLoaded({ key: requestKey, state: { status: 'ready', exercise } });
      },
      (e: unknown) => {
        if (cancelled) return;
        const state: State = isApiError(e) && e.status === 404 ? { status: 'missing' } : { status: 'error', message: errorWords(isApiError(e) ? e.code : 'server') };
        setLoaded({ key: requestKey, state });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [exerciseId, attempt]);

  const state: State = loaded?.key === key ? loaded.state : { status: 'loading' };
  const back = (
    <p className="back-link">
      <Link to={libraryPath()}>
        <span aria-hidden="true">←</span>
        All movements
      </Link>
    </p>
  );

  // One Screen for every state, so the heading that took focus on arrival stays in place when the movement loads.
  const title = state.status === 'ready' ? state.exercise.name : state.status === 'missing' ? 'We couldn’t find that movement' : 'Movement';
  return (
    <Screen title={title} lead={state.status === 'ready' ? state.exercise.summary : undefined} className="exercise-detail">
      {back}
      {state.status === 'loading' ? <Loading what="Getting this movement ready…" /> : null}
      {state.status === 'missing' ? <p>It may have been renamed or removed. The library has every movement Unclench offers.</p> : null}
      {state.status === 'error' ? <ErrorState message={`We couldn’t load this movement. ${state.message}`} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {state.status === 'ready' ? <Detail exercise={state.exercise} episode={episode} timeZone={timeZone} /> : null}
    </Screen>
  );
}

/** A frame this much wider than tall (a person lying down) gets wide stills, so the figure is not drawn tiny. */
const WIDE_FRAME = 1.6;

function Detail({ exercise: e, episode, timeZone }: { exercise: ExerciseT; episode: EpisodeT | null; timeZone: string | undefined }) {
  const prepared = useFigure(e);
  const frames = useMemo(() => distinctKeyframes(e.keyframes), [e.keyframes]);
  const easier = e.easierId ? (exerciseById(e.easierId)?.name ?? 'the easier version') : null;
  const harder = e.harderId ? (exerciseById(e.harderId)?.name ?? 'the harder version') : null;
  const read = useTodayRead(episode, timeZone);
  const today = read.status === 'ready' ? read.today : null;
  const decision = episode ? decide(episode, timeZone, today?.stage ?? null, { kind: 'exercise', stages: e.stages }, today) : null;
  const held = decision && !decision.allowed ? decision.reason : null;

  return (
    <>
      {held === 'sessions_paused' ? (
        <p className="paused-top" data-hold={held}>
          {PAUSED_TOP} <Link to="/move">Walks and comfort are still fine</Link>
        </p>
      ) : null}
      <p className="exercise-meta">
        <span>{STYLE_WORDS[e.style]}</span> <span aria-hidden="true">·</span> <span>{POSITION_WORDS[e.position]}</span> <span aria-hidden="true">·</span>{' '}
        <span>{ROLE_ONE_WORDS[e.role]}</span>
      </p>

      <section className="card" aria-labelledby="how-title">
        <h2 id="how-title">How it goes</h2>
        <ol className="keyframe-strip" data-wide={prepared.frame.width / prepared.frame.height > WIDE_FRAME ? '' : undefined}>
          {frames.map((k, i) => (
            <li key={`${k.t}-${k.phase}`}>
              <Figure prepared={prepared} pose={k.pose} cycleTime={k.t} label={phaseLabel(k.phase).toLowerCase()} className="figure-step" />
              <span className="keyframe-label">
                {i + 1}. {phaseLabel(k.phase)}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <Card title="How much" id="dose">
        <p className="dose-words">{doseInWords(e.dose)}</p>
        <p className="hint">{doseTimeInWords(e.dose)}. Go slowly; fewer is fine on a sore day.</p>
      </Card>

      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title">Step by step</h2>
        <ol className="steps">
          {e.cues.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
      </section>

      <section className="card cautions" aria-labelledby="cautions-title">
        <h2 id="cautions-title">Take care</h2>
        <ul>
          {e.cautions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </section>

      {e.strengthens.length || e.relaxes.length ? (
        <section className="card" aria-labelledby="works-title">
          <h2 id="works-title">What it helps</h2>
          {e.strengthens.length ? (
            <>
              <h3>Strengthens</h3>
              <ul className="muscle-list">
                {e.strengthens.map((m) => (
                  <li key={m}>{muscleLabel(m)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {e.relaxes.length ? (
            <>
              <h3>Relaxes and stretches</h3>
              <ul className="muscle-list">
                {e.relaxes.map((m) => (
                  <li key={m}>{muscleLabel(m)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="hint">Suits these stages: {e.stages.map((s) => STAGE_LABELS[s]).join(', ')}.</p>
        </section>
      ) : null}

      {easier || harder ? (
        <section className="card variants" aria-labelledby="variants-title">
          <h2 id="variants-title">Easier or harder</h2>
          <ul className="variant-links">
            {e.easierId && easier ? (
              <li>
                <span className="variant-kind">Too much today?</span>{' '}
                <Link to={`/library/${e.easierId}`} className="variant-easier">
                  Easier: {easier}
                </Link>
              </li>
            ) : null}
            {e.harderId && harder ? (
              <li>
                <span className="variant-kind">Feeling ready for more?</span>{' '}
                <Link to={`/library/${e.harderId}`} className="variant-harder">
                  Harder: {harder}
                </Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      <TryMovement exercise={e} episode={episode} timeZone={timeZone} today={today} />
    </>
  );
}

/**
 * "Try this movement", asked of the core rule first: paused sessions say why and what is still fine; a movement
 * for another stage says so and starts only after a deliberate "Try it anyway".
 */
function TryMovement({ exercise: e, episode, timeZone, today }: { exercise: ExerciseT; episode: EpisodeT | null; timeZone: string | undefined; today: TodayT | null }) {
  const [asking, setAsking] = useState(false);
  const activity = { kind: 'exercise', stages: e.stages } as const;
  const decision = episode ? decide(episode, timeZone, today?.stage ?? null, activity, today) : null;
  if (decision && !decision.allowed) return <SessionHold reason={decision.reason} />;
  const stage = today?.stage ?? null;
  const outside = decision?.allowed && decision.outsideStage && stage ? { fit: decision, stage } : null;
  if (outside && asking)
    return (
      <OutsideStage
        fit={outside.fit}
        stage={outside.stage}
        onTry={() => {
          chooseOutsideStage(e.id, { handOver: true });
          navigate(`/session/${e.id}`);
        }}
        onCancel={() => setAsking(false)}
      />
    );
  return (
    <>
      {outside ? (
        <p className="stage-note" data-direction={outside.fit.direction}>
          {outsideStageWords(outside.fit.direction, STAGE_LABELS[outside.fit.meantFor], STAGE_LABELS[outside.stage]).line}
        </p>
      ) : null}
      <div className="action-bar">
        {outside ? (
          <button type="button" className="button primary" onClick={() => setAsking(true)}>
            Try this movement
          </button>
        ) : (
          <Link to={`/session/${e.id}`} className="button primary">
            Try this movement
          </Link>
        )}
      </div>
    </>
  );
}
