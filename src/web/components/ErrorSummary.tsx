import { useLayoutEffect, useRef } from 'react';
import type { Issue } from '../api/client';
import { fieldName } from '../words/fields';
import { fieldId } from '../lib/issues';
import { sentence } from './FieldError';

/**
 * Lists every issue at the top of a form with a link to its field, and takes focus when it appears.
 * Issues for fields not on this screen are still shown here, so no server message is ever hidden.
 */
export function ErrorSummary({
  issues,
  title = 'Some answers need another look',
  shown,
}: {
  issues: readonly Issue[];
  title?: string;
  /** Paths of the fields on this screen; issues for other fields are listed without a link. Default: all linked. */
  shown?: readonly string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = issues.map((i) => `${i.path}:${i.message}`).join('|');
  useLayoutEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (issues.length === 0) return null;
  // Many unanswered questions read better as one line that leads to the first of them.
  const required = issues.filter((i) => i.rule === 'required');
  const grouped = required.length > 3;
  const listed = grouped ? issues.filter((i) => i.rule !== 'required') : issues;
  return (
    <div className="error-summary" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {grouped && required[0] ? (
          <li>
            <a href={`#${targetOf(required[0].path)}`}>{required.length} questions still need an answer. They are marked below.</a>
          </li>
        ) : null}
        {listed.map((issue) => {
          const text = `${fieldName(issue.path)}: ${sentence(issue.message)}`;
          const linkable = !shown || shown.some((p) => issue.path === p || issue.path.startsWith(`${p}.`));
          return <li key={`${issue.path}:${issue.message}`}>{linkable ? <a href={`#${targetOf(issue.path)}`}>{text}</a> : text}</li>;
        })}
      </ul>
    </div>
  );
}

/** The field an issue belongs to: `safety.ageYears` stays whole, `regions.2` points at `regions`. */
function targetOf(path: string): string {
  return fieldId(path.split('.').slice(0, path.startsWith('safety.') ? 2 : 1).join('.'));
}

/** A single calm message about a whole form or screen (network trouble, signed out, …). */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-alert" role="alert">
      {message}
    </p>
  );
}
