import type { InputHTMLAttributes } from 'react';
import { errorId, fieldId } from '../lib/issues';
import { FieldError } from './FieldError';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
  path: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
};

/** A labelled input with its hint and its error wired up for screen readers. */
export function TextField({ path, label, hint, value, onChange, error, className, ...rest }: Props) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? errorId(path) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`text-field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId(path)} message={error} />
      <input id={id} name={path} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
    </div>
  );
}
