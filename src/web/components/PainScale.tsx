import { nprsBand } from '../../core/clinical';
import { errorId, fieldId } from '../lib/issues';
import { PAIN_BAND_WORDS, PAIN_SCALE_KEY, painInWords } from '../words/pain';
import { FieldError } from './FieldError';

const NUMBERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** 0–10 as large buttons (native radios), with the chosen number's meaning in words. */
export function PainScale({ path, legend, value, onChange, error }: { path: string; legend: string; value: number | undefined; onChange: (n: number) => void; error?: string }) {
  const id = fieldId(path);
  const keyId = `${id}-key`;
  return (
    <fieldset className={`pain-scale${error ? ' has-error' : ''}`} id={id} aria-describedby={[keyId, error ? errorId(path) : ''].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      <p className="hint" id={keyId}>
        {PAIN_SCALE_KEY}
      </p>
      <FieldError id={errorId(path)} message={error} />
      <div className="pain-buttons">
        {NUMBERS.map((n) => (
          <label key={n} className={`pain-choice band-${nprsBand(n)}`} htmlFor={`${id}-${n}`}>
            <input
              type="radio"
              id={`${id}-${n}`}
              name={path}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-invalid={error ? true : undefined}
            />
            <span className="pain-number">
              {n}
              <span className="visually-hidden">, {PAIN_BAND_WORDS[nprsBand(n)]}</span>
            </span>
          </label>
        ))}
      </div>
      <p className="pain-meaning" aria-live="polite">
        {value === undefined ? 'Tap the number that fits best.' : `You chose ${painInWords(value)}.`}
      </p>
    </fieldset>
  );
}
