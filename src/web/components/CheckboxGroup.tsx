import type { ReactNode } from 'react';
import { errorId, fieldId } from '../lib/issues';
import { FieldError } from './FieldError';

interface Props<V extends string> {
  path: string;
  legend: ReactNode;
  hint?: string;
  choices: readonly { value: V; label: string; hint?: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  error?: string;
}

/** Several answers from a list, drawn as large tappable options; the chosen ones keep the list's order. */
export function CheckboxGroup<V extends string>({ path, legend, hint, choices, value, onChange, error }: Props<V>) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? errorId(path) : undefined].filter(Boolean).join(' ') || undefined;
  const chosen = new Set(value);
  const toggle = (v: V) => {
    const next = new Set(chosen);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    onChange(choices.map((c) => c.value).filter((c) => next.has(c)));
  };
  return (
    <fieldset className={`checkbox-group${error ? ' has-error' : ''}`} id={id} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId(path)} message={error} />
      <div className="check-list">
        {choices.map((c) => {
          const inputId = `${id}-${c.value}`;
          return (
            <label key={c.value} className="check" htmlFor={inputId}>
              <input type="checkbox" id={inputId} name={path} value={c.value} checked={chosen.has(c.value)} onChange={() => toggle(c.value)} aria-invalid={error ? true : undefined} />
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
