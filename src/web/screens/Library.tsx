import { useEffect, useState } from 'react';
import { MUSCLES } from '../../core/body/muscles';
import { EXERCISE_STYLES, POSITIONS } from '../../core/exercises/types';
import { stageFit } from '../../core/plan/mayStart';
import { STAGE_IDS, STAGE_LABELS, type StageId } from '../../core/plan/stages';
import { api, isApiError, type EpisodeT, type ExerciseT } from '../api/client';
import { ExerciseThumb } from '../components/ExerciseThumb';
import { Screen } from '../components/Screen';
import { SelectField } from '../components/SelectField';
import { ErrorState, Loading } from '../components/Status';
import { filtersFromSearch, hasFilters, rememberLibrarySearch, searchFromFilters, type LibraryFilters } from '../lib/libraryFilters';
import { Link } from '../lib/router';
import { SessionHold } from '../player/Hold';
import { decide, useTodayRead } from '../player/startRule';
import { errorWords } from '../words/errors';
import { POSITION_WORDS, STYLE_WORDS } from '../words/exercises';

type Result = { ok: true; list: ExerciseT[] } | { ok: false; message: string };

const STYLE_OPTIONS = EXERCISE_STYLES.map((s) => ({ value: s, label: STYLE_WORDS[s] }));
const POSITION_OPTIONS = POSITIONS.map((p) => ({ value: p, label: POSITION_WORDS[p] }));
const MUSCLE_OPTIONS = MUSCLES.map((m) => ({ value: m.id, label: m.label }));
const STAGE_OPTIONS = STAGE_IDS.map((s) => ({ value: s, label: STAGE_LABELS[s] }));

/** Browse the catalogue, filtered on the server by style, position, muscle and stage. */
export function Library({ episode, timeZone }: { episode: EpisodeT | null; timeZone: string | undefined }) {
  const [filters, setFilters] = useState<LibraryFilters>(() => filtersFromSearch(window.location.search));
  const [attempt, setAttempt] = useState(0);
  const key = `${searchFromFilters(filters)}#${attempt}`;
  const [loaded, setLoaded] = useState<{ key: string; result: Result } | null>(null);

  useEffect(() => {
    const search = searchFromFilters(filters);
    rememberLibrarySearch(search);
    if (window.location.pathname === '/library' && window.location.search !== search) window.history.replaceState(null, '', `/library${search}`);
    let cancelled = false;
    const requestKey = `${search}#${attempt}`;
    api.listExercises(filters).then(
      (list) => {
        if (!cancelled) setLoaded({ key: requestKey, result: { ok: true, list } });
      },
      (e: unknown) => {
        if (!cancelled) setLoaded({ key: requestKey, result: { ok: false, message: errorWords(isApiError(e) ? e.code : 'server') } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [filters, attempt]);

  const current = loaded?.key === key ? loaded.result : null;
  // While new filters load, the previous list stays in view (marked busy) instead of flashing away.
  const shown = current ?? loaded?.result ?? null;
  const set = (patch: Partial<LibraryFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const clear = () => setFilters({});
  // The person's stage and whether sessions are held, so each card can say where it fits (core/plan/mayStart).
  const read = useTodayRead(episode, timeZone);
  const today = read.status === 'ready' ? read.today : null;
  const stage = today?.stage ?? null;
  const hold = episode ? decide(episode, timeZone, stage, { kind: 'session' }, today) : null;

  return (
    <Screen title="Library" lead="Gentle movements from six styles. Choose one to see how it goes, step by step." className="library">
      {hold && !hold.allowed ? <SessionHold reason={hold.reason} compact /> : null}
      <section className="card filters" aria-labelledby="filters-title">
        <h2 id="filters-title">Find a movement</h2>
        <div className="filter-grid">
          <SelectField path="style" label="Style" blank="Any style" options={STYLE_OPTIONS} value={filters.style} onChange={(style) => set({ style })} />
          <SelectField path="position" label="Position" blank="Any position" options={POSITION_OPTIONS} value={filters.position} onChange={(position) => set({ position })} />
          <SelectField path="muscle" label="Muscle it helps" blank="Any muscle" options={MUSCLE_OPTIONS} value={filters.muscle} onChange={(muscle) => set({ muscle })} />
          <SelectField path="stage" label="Stage" blank="Any stage" options={STAGE_OPTIONS} value={filters.stage} onChange={(stage) => set({ stage })} />
        </div>
        {hasFilters(filters) ? (
          <button type="button" className="link-button" onClick={clear}>
            Clear filters
          </button>
        ) : null}
      </section>

      <p className="result-count" role="status">
        {current?.ok ? countWords(current.list.length) : current ? '' : 'Looking…'}
      </p>

      {shown === null ? (
        <Loading what="Opening the library…" />
      ) : !shown.ok ? (
        <ErrorState message={`We couldn’t load the library. ${shown.message}`} onRetry={() => setAttempt((n) => n + 1)} />
      ) : shown.list.length === 0 ? (
        <div className="empty empty-state">
          <p>No movements match these filters.</p>
          <button type="button" className="button secondary" onClick={clear}>
            Clear filters
          </button>
        </div>
      ) : (
        <ul className="exercise-list" aria-busy={current === null ? true : undefined} aria-label="Movements">
          {shown.list.map((e) => (
            <ExerciseCard key={e.id} exercise={e} stage={stage} />
          ))}
        </ul>
      )}
    </Screen>
  );
}

function countWords(n: number): string {
  return n === 1 ? '1 movement' : `${n} movements`;
}

/** Width ÷ height of a Library thumbnail's drawing area (.figure-thumb: 6.5rem by 5.5rem, less its padding). */
const THUMB_ASPECT = 1.2;

function ExerciseCard({ exercise, stage }: { exercise: ExerciseT; stage: StageId | null }) {
  const fit = stageFit(stage, exercise.stages);
  return (
    <li className="exercise-card">
      <ExerciseThumb exercise={exercise} aspect={THUMB_ASPECT} />
      <div className="exercise-card-text">
        <h2>
          <Link to={`/library/${exercise.id}`} className="card-link">
            {exercise.name}
          </Link>
        </h2>
        <p className="exercise-meta">
          <span>{STYLE_WORDS[exercise.style]}</span> <span aria-hidden="true">·</span> <span>{POSITION_WORDS[exercise.position]}</span>
        </p>
        <p className="exercise-summary">{exercise.summary}</p>
        {fit.outsideStage ? (
          <p className="stage-tag" data-direction={fit.direction}>
            {fit.direction === 'later' ? 'For a later stage' : 'For an earlier stage'}: {STAGE_LABELS[fit.meantFor]}
          </p>
        ) : null}
      </div>
    </li>
  );
}
