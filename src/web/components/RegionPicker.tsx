import { BODY_REGIONS, type BodyView, type RegionId } from '../../core/body/regions';
import { errorId, fieldId } from '../lib/issues';
import { FieldError } from './FieldError';

const VIEWS: { view: BodyView; title: string }[] = [
  { view: 'back', title: 'Back of the body' },
  { view: 'front', title: 'Front of the body, arms and legs' },
];

/** Where it hurts: every body region as a checkbox, grouped back and front. */
export function RegionPicker({ path = 'regions', legend, value, onChange, error }: { path?: string; legend: string; value: readonly RegionId[]; onChange: (ids: RegionId[]) => void; error?: string }) {
  const id = fieldId(path);
  const selected = new Set(value);
  const toggle = (rid: RegionId) => {
    const next = new Set(selected);
    if (next.has(rid)) next.delete(rid);
    else next.add(rid);
    onChange(BODY_REGIONS.map((r) => r.id).filter((x) => next.has(x)));
  };
  return (
    <fieldset className={`regions${error ? ' has-error' : ''}`} id={id} aria-describedby={[`${id}-hint`, error ? errorId(path) : ''].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        Choose every place that hurts.
      </p>
      <FieldError id={errorId(path)} message={error} />
      {VIEWS.map(({ view, title }) => (
        <div className="region-group" key={view} role="group" aria-labelledby={`${id}-${view}`}>
          <h3 className="region-group-title" id={`${id}-${view}`}>
            {title}
          </h3>
          <div className="region-list">
            {BODY_REGIONS.filter((r) => r.view === view).map((r) => (
              <label key={r.id} className="check" htmlFor={`${id}-${r.id}`}>
                <input
                  type="checkbox"
                  id={`${id}-${r.id}`}
                  name={path}
                  value={r.id}
                  checked={selected.has(r.id)}
                  onChange={() => toggle(r.id)}
                  aria-invalid={error ? true : undefined}
                />
                <span>{r.label}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
