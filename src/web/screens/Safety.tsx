import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { emergencyFromPartial, SAFETY_STEPS, type TriageResult } from '../../core/clinical';
import type { Issue, PartialSafetyAnswersT } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { SafetyFields } from '../components/SafetyForm';
import { ActionBar, Screen } from '../components/Screen';
import { restoreStep, saveStep, type SafetyDraft } from '../lib/safetyDraft';
import { checkSafetySteps, knownAnswers } from '../lib/safetyCheck';
import { STEP_WORDS } from '../words/safety';
import './safety.css';

interface Props {
  draft: SafetyDraft;
  onDraft: (patch: Partial<SafetyDraft>) => void;
  serverIssues: readonly Issue[];
  onDone: () => void;
  /** The answers given so far are already an emergency (core `emergencyFromPartial`): nothing more is asked. */
  onEmergency: (answers: PartialSafetyAnswersT, triage: TriageResult) => void;
}

const pathsOf = (index: number) => new Set((SAFETY_STEPS[index]?.fields ?? []).map((f) => `safety.${f}`));

/** The first step holding one of these issues, or null. */
function stepWith(issues: readonly Issue[]): number | null {
  const i = SAFETY_STEPS.findIndex((_, index) => issues.some((issue) => pathsOf(index).has(issue.path)));
  return i < 0 ? null : i;
}

/**
 * First run: the safety questions, one short step per screen, emergency signs first (core `SAFETY_STEPS`). Each
 * answer is checked at once: the moment the answers are an emergency, the emergency screen takes over.
 */
export function Safety({ draft, onDraft, serverIssues, onDone, onEmergency }: Props) {
  const count = SAFETY_STEPS.length;
  const [index, setIndex] = useState(() => stepWith(serverIssues) ?? restoreStep(count));
  const [localIssues, setLocalIssues] = useState<Issue[] | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const step = SAFETY_STEPS[index] ?? SAFETY_STEPS[0];
  const shown = pathsOf(index);
  const issues = (localIssues ?? serverIssues).filter((i) => shown.has(i.path));

  useLayoutEffect(() => {
    saveStep(index);
    if (!moved.current) return;
    window.scrollTo(0, 0);
    stepHeading.current?.focus();
  }, [index]);

  if (!step) return null;
  const words = STEP_WORDS[step.id];
  const last = index === count - 1;

  const go = (to: number) => {
    moved.current = true;
    setLocalIssues(null);
    setIndex(Math.max(0, Math.min(count - 1, to)));
  };

  const change = (patch: Partial<SafetyDraft>) => {
    onDraft(patch);
    const known = knownAnswers({ ...draft, ...patch });
    const emergency = emergencyFromPartial(known);
    if (emergency) onEmergency(known, emergency);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkSafetySteps(draft).filter((i) => shown.has(i.path));
    setLocalIssues(found);
    if (found.length > 0) return;
    if (last) onDone();
    else go(index + 1);
  };

  return (
    <Screen title="First, a few safety questions" lead="They check for the rare signs that need a doctor. “Not sure” is fine.">
      <div className="safety-progress">
        <p id="safety-step-count" className="safety-step-count">
          Step {index + 1} of {count}
        </p>
        <progress max={count} value={index + 1} aria-labelledby="safety-step-count" />
      </div>
      <form onSubmit={submit} noValidate aria-labelledby="safety-step-title" className="safety-step" data-step={step.id}>
        <ErrorSummary issues={issues} />
        <section className="card form-section">
          <h2 id="safety-step-title" tabIndex={-1} ref={stepHeading}>
            {words.title}
          </h2>
          {words.intro ? <p className="section-intro">{words.intro}</p> : null}
          <SafetyFields step={step} draft={draft} onChange={change} issues={issues} />
        </section>
        <ActionBar>
          <div className="safety-step-actions">
            {index > 0 ? (
              <button type="button" className="button secondary" onClick={() => go(index - 1)}>
                Back
              </button>
            ) : null}
            <button type="submit" className="button primary">
              Continue
            </button>
          </div>
        </ActionBar>
      </form>
    </Screen>
  );
}
