import { useLayoutEffect, useRef } from 'react';
import type { HoldReason, StageFit } from '../../core/plan/mayStart';
import { STAGE_LABELS, type StageId } from '../../core/plan/stages';
import { Link } from '../lib/router';
import { searchFromFilters } from '../lib/libraryFilters';
import { HOLD_BROWSE, HOLD_WORDS, OFFLINE_HOLD_NOTE, outsideStageWords, STILL_FINE, STILL_FINE_TITLE } from '../words/session';
import './player.css';

/** Why no guided movement can start now, what is still fine, and the way to Move. */
export function SessionHold({ reason, compact = false }: { reason: HoldReason; compact?: boolean }) {
  const words = HOLD_WORDS[reason];
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  if (compact)
    return (
      <section className="card session-hold compact" aria-labelledby="session-hold-title" data-hold={reason}>
        <h2 id="session-hold-title">{words.title}</h2>
        <p>{HOLD_BROWSE}</p>
        <Link to="/move" className="button secondary">
          Go to Move: walks and comfort
        </Link>
      </section>
    );
  return (
    <section className="card session-hold" aria-labelledby="session-hold-title" data-hold={reason}>
      <h2 id="session-hold-title">{words.title}</h2>
      <p>{words.why}</p>
      {reason === 'sessions_paused' ? (
        <>
          <h3 className="still-fine-title">{STILL_FINE_TITLE}</h3>
          <ul className="still-fine">
            {STILL_FINE.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
      {offline ? <p className="hint">{OFFLINE_HOLD_NOTE}</p> : null}
      <div className="hold-actions">
        {reason === 'sessions_paused' ? (
          <Link to="/move" className="button primary">
            Go to Move: walks and comfort
          </Link>
        ) : null}
        <Link to="/today" className={`button ${reason === 'sessions_paused' ? 'secondary' : 'primary'}`}>
          Back to Today
        </Link>
      </div>
    </section>
  );
}

type Outside = Extract<StageFit, { outsideStage: true }>;

/**
 * An exercise meant for another stage: said plainly, and started only by a deliberate "Try it anyway".
 * The question takes focus when it appears, so the second tap is never the first tap repeated by accident.
 */
export function OutsideStage({ fit, stage, onTry, onCancel, cancelLabel = 'Not now' }: { fit: Outside; stage: StageId; onTry: () => void; onCancel?: () => void; cancelLabel?: string }) {
  const words = outsideStageWords(fit.direction, STAGE_LABELS[fit.meantFor], STAGE_LABELS[stage]);
  const title = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => title.current?.focus(), []);
  return (
    <section className="card outside-stage" aria-labelledby="outside-stage-line" data-direction={fit.direction}>
      <p id="outside-stage-line" className="outside-stage-line" ref={title} tabIndex={-1}>
        {words.line}
      </p>
      <p className="hint">{words.hint}</p>
      <div className="hold-actions">
        <Link to={`/library${searchFromFilters({ stage })}`} className="button primary">
          Movements for {STAGE_LABELS[stage]}
        </Link>
        <button type="button" className="button secondary try-anyway" onClick={onTry}>
          Try it anyway
        </button>
        {onCancel ? (
          <button type="button" className="link-button" onClick={onCancel}>
            {cancelLabel}
          </button>
        ) : null}
      </div>
    </section>
  );
}
