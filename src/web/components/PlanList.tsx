import { exerciseById } from '../../core/exercises';
import { SESSION_ROLES } from '../../core/exercises/types';
import type { PlanItemT, ReasonT } from '../api/client';
import { Link } from '../lib/router';
import { doseInWords, ROLE_WORDS } from '../words/exercises';
import { CUE_POSITION_WORDS, PRINCIPLE_WORDS, planItemWords } from '../words/plan';

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

export function PlanList({ items }: { items: readonly PlanItemT[] }) {
  return (
    <ol className="plan-list">
      {items.map((item, i) => {
        const words = planItemWords(item);
        const paused = item.kind === 'session' && item.paused;
        return (
          <li key={`${item.kind}-${i}`} className={`plan-item kind-${item.kind}${paused ? ' is-paused' : ''}`}>
            <h3>{words.title}</h3>
            <p>{words.detail}</p>
            {item.kind === 'posture' ? <PostureCues groups={item.groups} /> : null}
            {item.kind === 'session' && !item.paused && item.exercises.length ? <SessionExercises exercises={item.exercises} /> : null}
            {item.kind === 'session' && !item.paused && item.exercises.length ? (
              <p className="session-start">
                <Link to="/session" className="button primary">
                  Start today’s session
                </Link>
              </p>
            ) : null}
            <Why reason={item.reason} />
          </li>
        );
      })}
    </ol>
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
                  <Link to={`/library/${e.exerciseId}`}>{exerciseById(e.exerciseId)?.name ?? 'A gentle movement'}</Link>
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
const NOTE_CODES = new Set(['flare-step-back', 'flare-hold', 'ease-off-walk', 'ease-off-session', 'rest-longer-than-planned', 'review-gp-4-weeks', 'review-physio-6-weeks']);
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
