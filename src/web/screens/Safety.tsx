import { useState, type FormEvent } from 'react';
import type { Issue } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { SafetyForm } from '../components/SafetyForm';
import { ActionBar, Screen } from '../components/Screen';
import { checkSafety, type SafetyDraft } from '../lib/safetyDraft';

/** First run: the safety questions. The server decides what the answers mean when the episode is saved. */
export function Safety({ draft, onDraft, serverIssues, onDone }: { draft: SafetyDraft; onDraft: (patch: Partial<SafetyDraft>) => void; serverIssues: readonly Issue[]; onDone: () => void }) {
  const [localIssues, setLocalIssues] = useState<Issue[] | null>(null);
  const issues = localIssues ?? serverIssues;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { issues: found } = checkSafety(draft);
    setLocalIssues(found);
    if (found.length === 0) onDone();
  };

  return (
    <Screen
      title="First, a few safety questions"
      lead="Most back spasms settle with gentle self-care. These questions check for the rare signs that need a doctor. Answer what you can — “Not sure” is fine."
    >
      <form onSubmit={submit} noValidate aria-labelledby="screen-title">
        <ErrorSummary issues={issues} />
        <SafetyForm draft={draft} onChange={onDraft} issues={issues} askPain />
        <ActionBar>
          <button type="submit" className="button primary">
            Continue
          </button>
        </ActionBar>
      </form>
    </Screen>
  );
}
