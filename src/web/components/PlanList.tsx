import type { z } from 'zod';
import type { PlanItem as PlanItemSchema, Reason as ReasonSchema } from '../../contract';
import { PRINCIPLE_WORDS, planItemWords } from '../words/plan';

type PlanItem = z.infer<typeof PlanItemSchema>;
type Reason = z.infer<typeof ReasonSchema>;

/** A short "why", closed until the person asks, naming the principle it comes from. */
export function Why({ reason, summary = 'Why this today' }: { reason: Reason; summary?: string }) {
  return (
    <details className="why">
      <summary>{summary}</summary>
      <p>{reason.text}</p>
      <p className="principle">
        <span className="principle-label">Principle:</span> {PRINCIPLE_WORDS[reason.principle]}
      </p>
    </details>
  );
}

export function PlanList({ items }: { items: readonly PlanItem[] }) {
  return (
    <ol className="plan-list">
      {items.map((item, i) => {
        const words = planItemWords(item);
        const paused = item.kind === 'session' && item.paused;
        return (
          <li key={`${item.kind}-${i}`} className={`plan-item kind-${item.kind}${paused ? ' is-paused' : ''}`}>
            <h3>{words.title}</h3>
            <p>{words.detail}</p>
            {item.kind === 'posture' && item.cues.length ? (
              <ul className="cues">
                {item.cues.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : null}
            <Why reason={item.reason} />
          </li>
        );
      })}
    </ol>
  );
}

/** Reasons behind the plan as a whole (stage choice, easing off, pain that travels) that no single item shows. */
export function PlanReasons({ reasons, items }: { reasons: readonly Reason[]; items: readonly PlanItem[] }) {
  const shown = new Set(items.map((i) => i.reason.code));
  const rest = reasons.filter((r) => !shown.has(r.code));
  if (rest.length === 0) return null;
  return (
    <details className="why plan-reasons">
      <summary>How we chose today’s plan</summary>
      <ul>
        {rest.map((r) => (
          <li key={r.code}>
            {r.text} <span className="principle">({PRINCIPLE_WORDS[r.principle]})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
