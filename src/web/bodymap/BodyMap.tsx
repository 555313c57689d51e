import { useEffect, useRef, useState } from 'react';
import { nprsBand } from '../../core/clinical';
import { BODY_REGIONS, regionById, type BodyView, type RegionId } from '../../core/body/regions';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { FieldError } from '../components/FieldError';
import { PainScale } from '../components/PainScale';
import { errorId, fieldId } from '../lib/issues';
import { PAIN_BAND_WORDS, painInWords } from '../words/pain';
import { BodyFigures, type ShownMap } from './BodyFigure';
import { isPainful, painfulIds, setPain, setSpasm, toggle, type MapDraft } from './mapState';
import { regionInView, type MapView } from './shapes';

const GROUPS: { view: BodyView; title: string }[] = [
  { view: 'back', title: 'Back of the body' },
  { view: 'front', title: 'Front of the body, arms and legs' },
];
const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** The views of the drawing: the back close up first (where a back spasm hurts), then the whole back and the front. */
const VIEW_CHOICES = [
  { value: 'back-close', label: 'Close up' },
  { value: 'back', label: 'Whole back' },
  { value: 'front', label: 'Front' },
] as const satisfies readonly { value: MapView; label: string }[];

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
 * Where it hurts, and how much: tap a place on the body (the back close up first, every place at least 44 × 44 px)
 * for a small panel (pain 0–10, spasm). The places marked are listed in words under the drawing; a list of every
 * named place, collapsed, offers the same choices as checkboxes, a select and a checkbox, for keyboards and screen
 * readers. The drawing itself is hidden from assistive technology.
 */
export function BodyMap({ path = 'regions', legend, value, onChange, painNow, error, placesOnly = false }: Props) {
  const id = fieldId(path);
  const hintId = `${id}-hint`;
  const [active, setActive] = useState<RegionId | null>(null);
  const [view, setView] = useState<MapView>('back-close');
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (active) panel.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const entry = active ? value[active] : undefined;
  const marked = painfulIds(value);
  const open = (r: RegionId) => (placesOnly ? onChange(toggle(value, r, !isPainful(value[r]))) : setActive((a) => (a === r ? null : r)));
  /** From the words under the drawing: shows the place (switching to a view that has it) with its panel open. */
  const show = (r: RegionId) => {
    if (!regionInView(r, view)) setView(regionById(r).view);
    setActive(r);
  };
  return (
    <fieldset className={`bodymap${error ? ' has-error' : ''}`} id={id} aria-describedby={[hintId, error ? errorId(path) : ''].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      <p className="hint" id={hintId}>
        {placesOnly ? 'Tap every place that hurts.' : 'Tap a place that hurts to say how much, from 0 to 10.'}
      </p>
      <FieldError id={errorId(path)} message={error} />
      <div className="bm-views">
        <ChoiceGroup path={`${path}-view`} legend="Show" legendClass="visually-hidden" choices={VIEW_CHOICES} value={view} onChange={setView} />
      </div>
      <BodyFigures
        regions={shownFrom(value, painNow)}
        view={view}
        active={placesOnly ? null : active}
        // Places only: a tap marks or clears the place at once. Otherwise it opens the place's panel.
        onRegion={open}
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

      <div className="bm-marked" aria-live="polite">
        {marked.length ? (
          <>
            <p className="bm-marked-title">{placesOnly ? 'Marked:' : 'Marked, with how much it hurts:'}</p>
            <ul>
              {marked.map((r) => {
                const pain = value[r]?.pain ?? painNow;
                return (
                  <li key={r} data-marked={r}>
                    {placesOnly ? (
                      regionById(r).label
                    ) : (
                      <button type="button" className="bm-chip" aria-expanded={active === r} onClick={() => show(r)}>
                        {regionById(r).label}: {pain === undefined ? 'same as pain now' : painInWords(pain)}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p className="bm-marked-title">No places marked yet.</p>
        )}
      </div>

      <details className="bm-list" open={placesOnly || Boolean(error)}>
        <summary>Choose from a list of places instead</summary>
        {GROUPS.map(({ view: side, title }) => (
          <div className="region-group" key={side} role="group" aria-labelledby={`${id}-${side}`}>
            <h3 className="region-group-title" id={`${id}-${side}`}>
              {title}
            </h3>
            <ul className="bm-rows">
              {BODY_REGIONS.filter((r) => r.view === side).map((r) => (
                <RegionRow key={r.id} path={path} id={r.id} label={r.label} draft={value} onChange={onChange} painNow={painNow} invalid={Boolean(error)} placesOnly={placesOnly} />
              ))}
            </ul>
          </div>
        ))}
      </details>
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
