import { useEffect, useRef, useState } from 'react';
import { nprsBand } from '../../core/clinical';
import { BODY_REGIONS, regionById, type BodyView, type RegionId } from '../../core/body/regions';
import { FieldError } from '../components/FieldError';
import { PainScale } from '../components/PainScale';
import { errorId, fieldId } from '../lib/issues';
import { PAIN_BAND_WORDS } from '../words/pain';
import { BodyFigures, type ShownMap } from './BodyFigure';
import { isPainful, setPain, setSpasm, toggle, type MapDraft } from './mapState';

const GROUPS: { view: BodyView; title: string }[] = [
  { view: 'back', title: 'Back of the body' },
  { view: 'front', title: 'Front of the body, arms and legs' },
];
const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

interface Props {
  /** The API path the map answers (`regions`): ids and error messages hang off it. */
  path?: string;
  legend: string;
  value: MapDraft;
  onChange: (next: MapDraft) => void;
  /** The overall pain now, for places left at "same as pain now". */
  painNow: number | undefined;
  error?: string;
  /** Places only, no numbers or cramps: where what is asked is kept as a list of places (an episode's start). */
  placesOnly?: boolean;
}

/** What the figure shows for a draft: each place's number (or "hurts, number to come") and its cramp. */
export function shownFrom(draft: MapDraft, painNow: number | undefined): ShownMap {
  const shown: ShownMap = {};
  for (const r of BODY_REGIONS) {
    const e = draft[r.id];
    if (e && isPainful(e)) shown[r.id] = { pain: e.pain ?? painNow ?? null, spasm: e.spasm };
    else if (e) shown[r.id] = { pain: 0, spasm: false };
  }
  return shown;
}

/**
 * Where it hurts, and how much: tap a place on the body for a small panel (pain 0–10, spasm), or use the list
 * of named places below it — the same choices as checkboxes, a select and a checkbox, for keyboards and
 * screen readers. The drawing itself is hidden from assistive technology.
 */
export function BodyMap({ path = 'regions', legend, value, onChange, painNow, error, placesOnly = false }: Props) {
  const id = fieldId(path);
  const hintId = `${id}-hint`;
  const [active, setActive] = useState<RegionId | null>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (active) panel.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const entry = active ? value[active] : undefined;
  return (
    <fieldset className={`bodymap${error ? ' has-error' : ''}`} id={id} aria-describedby={[hintId, error ? errorId(path) : ''].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      <p className="hint" id={hintId}>
        {placesOnly
          ? 'Tap every place that hurts on the body, or choose them in the list below.'
          : 'Tap a place on the body, or choose it in the list below. The number is how much it hurts there, from 0 to 10.'}
      </p>
      <FieldError id={errorId(path)} message={error} />
      <BodyFigures
        regions={shownFrom(value, painNow)}
        active={placesOnly ? null : active}
        // Places only: a tap marks or clears the place at once. Otherwise it opens the place's panel.
        onRegion={(r) => (placesOnly ? onChange(toggle(value, r, !isPainful(value[r]))) : setActive((a) => (a === r ? null : r)))}
      />
      <p className="bm-key" aria-hidden="true">
        <span className="bm-key-ramp" /> Deeper colour, more pain.
        {placesOnly ? null : (
          <>
            {' '}
            <span className="bm-key-hatch" /> Stripes: spasm or cramping.
          </>
        )}
      </p>

      {active && !placesOnly ? (
        <div className="bm-panel" ref={panel} role="group" aria-labelledby={`${id}-panel-title`}>
          <h3 id={`${id}-panel-title`}>{regionById(active).label}</h3>
          <PainScale
            path={`${path}-panel`}
            legend="How much does it hurt here?"
            value={entry ? (entry.pain ?? painNow) : undefined}
            onChange={(n) => onChange(setPain(value, active, n))}
          />
          <label className="check bm-spasm" htmlFor={`${id}-panel-spasm`}>
            <input type="checkbox" id={`${id}-panel-spasm`} checked={entry?.spasm ?? false} onChange={(e) => onChange(setSpasm(value, active, e.target.checked))} />
            <span>Spasm or cramping here</span>
          </label>
          <button type="button" className="button secondary small" onClick={() => setActive(null)}>
            Done
          </button>
        </div>
      ) : null}

      <div className="bm-list">
        {GROUPS.map(({ view, title }) => (
          <div className="region-group" key={view} role="group" aria-labelledby={`${id}-${view}`}>
            <h3 className="region-group-title" id={`${id}-${view}`}>
              {title}
            </h3>
            <ul className="bm-rows">
              {BODY_REGIONS.filter((r) => r.view === view).map((r) => (
                <RegionRow key={r.id} path={path} id={r.id} label={r.label} draft={value} onChange={onChange} painNow={painNow} invalid={Boolean(error)} placesOnly={placesOnly} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function RegionRow({ path, id, label, draft, onChange, painNow, invalid, placesOnly }: { path: string; id: RegionId; label: string; draft: MapDraft; onChange: (d: MapDraft) => void; painNow: number | undefined; invalid: boolean; placesOnly: boolean }) {
  const base = `${fieldId(path)}-${id}`;
  const entry = draft[id];
  const on = isPainful(entry);
  return (
    <li className={`bm-row${on && !placesOnly ? ' is-on' : ''}`} data-region={id}>
      <label className="check" htmlFor={base}>
        <input type="checkbox" id={base} name={path} value={id} checked={on} onChange={(e) => onChange(toggle(draft, id, e.target.checked))} aria-invalid={invalid ? true : undefined} />
        <span>{label}</span>
      </label>
      {on && entry && !placesOnly ? (
        <div className="bm-row-controls">
          <div className="bm-select">
            <label htmlFor={`${base}-pain`}>
              How much<span className="visually-hidden">: {label}</span>
            </label>
            <select id={`${base}-pain`} value={entry.pain === null ? '' : String(entry.pain)} onChange={(e) => onChange(setPain(draft, id, e.target.value === '' ? null : Number(e.target.value)))}>
              <option value="">{painNow === undefined ? 'Same as pain now' : `Same as pain now (${painNow})`}</option>
              {LEVELS.map((n) => (
                <option key={n} value={n}>
                  {n} — {PAIN_BAND_WORDS[nprsBand(n)]}
                </option>
              ))}
            </select>
          </div>
          <label className="check bm-spasm" htmlFor={`${base}-spasm`}>
            <input type="checkbox" id={`${base}-spasm`} checked={entry.spasm} onChange={(e) => onChange(setSpasm(draft, id, e.target.checked))} />
            <span>
              Spasm or cramping<span className="visually-hidden">: {label}</span>
            </span>
          </label>
        </div>
      ) : null}
    </li>
  );
}
