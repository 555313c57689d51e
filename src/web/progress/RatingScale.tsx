import { errorId, fieldId } from '../lib/issues';
import { FieldError } from '../components/FieldError';

const NUMBERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const RATING_KEY = '0 can’t do it · 10 as well as before';

function ratingWords(n: number): string {
  if (n === 0) return '0 — you can’t do it';
  if (n === 10) return '10 — as well as before your back pain';
  if (n <= 3) return `${n} — very hard`;
  if (n <= 6) return `${n} — partly`;
  return `${n} — nearly as before`;
}

/** 0–10 for one activity (the PSFS): the same large buttons as the pain scale, with this scale's own words. */
export function RatingScale({ path, legend, hint, value, onChange, error }: { path: string; legend: string; hint?: string; value: number | undefined; onChange: (n: number) => void; error?: string }) {
  const id = fieldId(path);
  const keyId = `${id}-key`;
  return (
    <fieldset className={`pain-scale goal-rate${error ? ' has-error' : ''}`} id={id} aria-describedby={[keyId, error ? errorId(path) : ''].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      <p className="hint" id={keyId}>
        {hint ? `${hint} ` : ''}
        {RATING_KEY}
      </p>
      <FieldError id={errorId(path)} message={error} />
      <div className="pain-buttons">
        {NUMBERS.map((n) => (
          <label key={n} className="pain-choice" htmlFor={`${id}-${n}`}>
            <input type="radio" id={`${id}-${n}`} name={path} value={n} checked={value === n} onChange={() => onChange(n)} aria-invalid={error ? true : undefined} />
            <span className="pain-number">
              {n}
              <span className="visually-hidden">, {ratingWords(n)}</span>
            </span>
          </label>
        ))}
      </div>
      <p className="pain-meaning" aria-live="polite">
        {value === undefined ? 'Tap the number that fits best.' : `You chose ${ratingWords(value)}.`}
      </p>
    </fieldset>
  );
}
