import { errorId, fieldId } from '../lib/issues';
import { FieldError } from './FieldError';

interface Props<V extends string> {
  path: string;
  label: string;
  hint?: string;
  /** The first option, meaning "nothing chosen" (e.g. "Any style"). */
  blank: string;
  options: readonly { value: V; label: string }[];
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  error?: string;
  className?: string;
}

/** A labelled native select: large, familiar, and read well by every screen reader. */
export function SelectField<V extends string>({ path, label, hint, blank, options, value, onChange, error, className }: Props<V>) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? errorId(path) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`select-field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId(path)} message={error} />
      <select
        id={id}
        name={path}
        value={value ?? ''}
        onChange={(e) => {
          const v = e.target.value;
          onChange(v === '' ? undefined : (options.find((o) => o.value === v)?.value ?? undefined));
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        <option value="">{blank}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
