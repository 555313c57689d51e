import type { ReactNode } from 'react';
import { errorId, fieldId } from '../lib/issues';
import { FieldError } from './FieldError';

export interface Choice<V extends string = string> {
  value: V;
  label: string;
  hint?: string;
}

interface Props<V extends string> {
  /** The API path this group answers, e.g. `safety.fever`; also the radio name. */
  path: string;
  legend: ReactNode;
  hint?: string;
  choices: readonly Choice<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  error?: string;
  layout?: 'row' | 'column';
  legendClass?: string;
}

/** A labelled radio group drawn as large tappable options. */
export function ChoiceGroup<V extends string>({ path, legend, hint, choices, value, onChange, error, layout = 'row', legendClass }: Props<V>) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? errorId(path) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`choice-group ${layout}${error ? ' has-error' : ''}`} id={id} aria-describedby={describedBy}>
      <legend className={legendClass}>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId(path)} message={error} />
      <div className="choices">
        {choices.map((c) => {
          const inputId = `${id}-${c.value || 'blank'}`;
          return (
            <label key={c.value} className="choice" htmlFor={inputId}>
              <input
                type="radio"
                id={inputId}
                name={path}
                value={c.value}
                checked={value === c.value}
                onChange={() => onChange(c.value)}
                aria-invalid={error ? true : undefined}
              />
              <span className="choice-text">
                {c.label}
                {c.hint ? <span className="choice-hint">{c.hint}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
