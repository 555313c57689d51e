import { SESSION_ROLES } from '../../core/exercises/types';
import { EXERCISE_NAMES } from '../lib/exerciseNames';
import type { PlanItemT, ReasonT } from '../api/client';
import { Link } from '../lib/router';
import type { DayProgress, TaskKind } from '../../core/plan/nextStep';
import { doseInWords, ROLE_WORDS } from '../words/exercises';
import { CUE_POSITION_WORDS, PRINCIPLE_WORDS, planItemWords } from '../words/plan';
import { TICK_WORDS, countWords } from '../words/today';

/** A short "why", closed until the person asks, naming the principle it comes from. */
export function Why({ reason, summary = 'Why this today' }: { reason: ReasonT; summary?: string }) {
  return (
    <details className="why" data-reason-code={reason.code}>
      <summary>{summary}</summary>
      <p>{reason.text}</p>
      <p className="principle">
        <span className="principle-label">Principle:</span> {PRINCIPLE_WORDS[reason.principle]}
      </p>
    </details>
  );
}

/** A tick from the plan list: what to log. */
export type Tick = 'walk' | 'lie-flat' | 'stand-break';

/**
 * The day's plan as a checklist: items that count (rests, walks, the session) say how many are done and can be
 * ticked off here; the "why" of each is one tap away, closed by default.
 */
export function PlanList({ items, progress, onTick, busy = false }: { items: readonly PlanItemT[]; progress?: DayProgress; onTick?: (kind: Tick) => void; busy?: boolean }) {
  const task = (kind: TaskKind) => progress?.tasks.find((t) => t.kind === kind);
  return (
    <ol className="plan-list">
      {items.map((item, i) => {
        const words = planItemWords(item);
        const paused = item.kind === 'session' && item.paused;
        const counted = item.kind === 'lie-flat' || item.kind === 'walk' || item.kind === 'session' ? task(item.kind) : undefined;
        const done = counted !== undefined && counted.done >= counted.planned;
        return (
          <li key={`${item.kind}-${i}`} className={`plan-item kind-${item.kind}${paused ? ' is-paused' : ''}${done ? ' is-done' : ''}`}>
            <div className="plan-item-head">
              <h3>{words.title}</h3>
              {counted ? (
                <span className="plan-count">
                  {done ? <CheckMark /> : null}
                  {item.kind === 'session' ? (done ? 'Done today' : 'Not yet') : countWords(counted.done, counted.planned)}
                </span>
              ) : null}
            </div>
            <p>{words.detail}</p>
            {item.kind === 'posture' ? (
              <details className="cues-more">
                <summary>Show the cues</summary>
                <PostureCues groups={item.groups} />
              </details>
            ) : null}
            {/* A whole-page load: only the posture page's own document may ask for the camera. */}
            {item.kind === 'posture' ? (
              <p className="posture-link">
                <a href="/posture">Check how you stand, with the camera</a>
              </p>
            ) : null}
            {item.kind === 'stand-breaks' && progress ? <p className="plan-so-far">{standBreaksSoFar(progress.standBreaks)}</p> : null}
            {item.kind === 'session' && !item.paused && item.exercises.length ? (
              <details className="session-more">
                <summary>The movements</summary>
                <SessionExercises exercises={item.exercises} />
              </details>
            ) : null}
            {item.kind === 'session' && !item.paused && item.exercises.length && !done ? (
              <p className="session-start">
                <Link to="/session" className="button secondary small">
                  Start today’s session
                </Link>
              </p>
            ) : null}
            {onTick && (item.kind === 'walk' || item.kind === 'lie-flat') && !done ? (
              <p className="plan-tick">
                <button type="button" className="button secondary small" disabled={busy} onClick={() => onTick(item.kind)}>
                  {TICK_WORDS[item.kind].button}
                </button>
              </p>
            ) : null}
            {onTick && item.kind === 'stand-breaks' ? (
              <p className="plan-tick">
                <button type="button" className="button secondary small" disabled={busy} onClick={() => onTick('stand-break')}>
                  {TICK_WORDS['stand-break'].button}
                </button>
              </p>
            ) : null}
            <Why reason={item.reason} />
          </li>
        );
      })}
    </ol>
  );
}

const standBreaksSoFar = (n: number) => (n === 0 ? 'None logged yet today.' : `${n} ${n === 1 ? 'break' : 'breaks'} so far today.`);

/** A small tick drawn beside "Done". */
export function CheckMark() {
  return (
    <svg className="check-mark" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M4 10.5 8.2 14.5 16 6" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

type PostureItem = Extract<PlanItemT, { kind: 'posture' }>;

/** Posture cues under the position each one is for ("When you lie down", "When you stand"). */
function PostureCues({ groups }: { groups: PostureItem['groups'] }) {
  return (
    <div className="cue-groups">
      {groups.map((g) => (
        <div key={g.position} className={`cue-group position-${g.position}`}>
          <h4>{CUE_POSITION_WORDS[g.position]}</h4>
          <ul className="cues">
            {g.cues.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

type SessionItem = Extract<PlanItemT, { kind: 'session' }>;

/** The guided session's movements by name, in warm-up / main / cool-down groups, each leading to its Library page. */
function SessionExercises({ exercises }: { exercises: SessionItem['exercises'] }) {
  return (
    <div className="session-groups">
      {SESSION_ROLES.map((role) => {
        const group = exercises.filter((e) => e.role === role);
        if (!group.length) return null;
        return (
          <div key={role} className={`session-group role-${role}`}>
            <h4>{ROLE_WORDS[role]}</h4>
            <ol className="session-exercises">
              {group.map((e, i) => (
                <li key={`${e.exerciseId}-${i}`} data-exercise-id={e.exerciseId}>
                  <Link to={`/library/${e.exerciseId}`}>{EXERCISE_NAMES[e.exerciseId] ?? 'A gentle movement'}</Link>
                  <span className="session-dose">{doseInWords(e.dose)}</span>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}

/** Pacing and review notes that change what today asks of you: shown, not tucked away. */
const NOTE_CODES = new Set([
  'flare-step-back',
  'flare-hold',
  'ease-off-walk',
  'ease-off-session',
  'rest-longer-than-planned',
  'review-gp-4-weeks',
  'review-physio-6-weeks',
  // What a linked therapist changed, and their note.
  'therapist-pinned',
  'therapist-hidden',
  'therapist-settings',
  'therapist-note',
]);
/** Already said by the triage card at the top of Today. */
const SAID_BY_TRIAGE = new Set(['emergency', 'clinician-seen']);

export function isStageReason(r: ReasonT): boolean {
  return r.code.startsWith('stage-');
}

/** Reasons that no plan item carries, split into the stage's own, notes to show, and the rest of "how we chose". */
export function planLevelReasons(reasons: readonly ReasonT[], items: readonly PlanItemT[]) {
  const onItems = new Set(items.map((i) => i.reason.code));
  const rest = reasons.filter((r) => !onItems.has(r.code) && !SAID_BY_TRIAGE.has(r.code));
  return {
    stage: rest.find(isStageReason) ?? null,
    notes: rest.filter((r) => NOTE_CODES.has(r.code)),
    other: rest.filter((r) => !isStageReason(r) && !NOTE_CODES.has(r.code)),
  };
}

/** Notes for today (a flare, easing off, a suggested review), visible at once. */
export function PlanNotes({ notes }: { notes: readonly ReasonT[] }) {
  if (notes.length === 0) return null;
  return (
    <section className="card tone-gentle plan-notes" aria-labelledby="today-notes-title">
      <h2 id="today-notes-title">A note for today</h2>
      <ul>
        {notes.map((r) => (
          <li key={r.code} data-reason-code={r.code}>
            {r.text} <span className="principle">({PRINCIPLE_WORDS[r.principle]})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The rest of the reasoning behind the plan as a whole (session length, dose, muscles, pain that travels). */
export function PlanReasons({ reasons }: { reasons: readonly ReasonT[] }) {
  if (reasons.length === 0) return null;
  return (
    <details className="why plan-reasons">
      <summary>How we chose today’s plan</summary>
      <ul>
        {reasons.map((r) => (
          <li key={r.code} data-reason-code={r.code}>
            {r.text} <span className="principle">({PRINCIPLE_WORDS[r.principle]})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
