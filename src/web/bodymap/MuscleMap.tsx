import { useState } from 'react';
import { MUSCLES, type MuscleId } from '../../core/body/muscles';
import { regionPhrase } from '../../core/body/regionPhrase';
import type { RegionId } from '../../core/body/regions';
import { BodyFigures } from './BodyFigure';

const byId = new Map(MUSCLES.map((m) => [m.id, m]));

/** Muscles that sit in a place, in the catalogue's order. */
export function musclesIn(region: RegionId): (typeof MUSCLES)[number][] {
  return MUSCLES.filter((m) => (m.regions as readonly RegionId[]).includes(region));
}

/**
 * The body drawing for muscle notes: the chosen muscle lights up the places it sits in; tapping a place offers the
 * muscles there. The "Which muscle?" list beside it stays the keyboard and screen-reader path; the buttons here
 * are ordinary buttons too.
 */
export function MuscleMap({ selected, onSelect }: { selected: MuscleId | undefined; onSelect: (m: MuscleId) => void }) {
  const [place, setPlace] = useState<RegionId | null>(null);
  const muscle = selected ? byId.get(selected) : undefined;
  const here = place ? musclesIn(place) : [];
  return (
    <div className="muscle-map">
      <BodyFigures regions={{}} highlight={new Set<RegionId>(muscle?.regions ?? [])} active={place} onRegion={(r) => setPlace((p) => (p === r ? null : r))} />
      <p className="mm-chosen" aria-live="polite">
        {muscle ? `${muscle.label}: picked out on the body.` : 'Tap a place on the body to see the muscles there, or choose from the list.'}
      </p>
      {place ? (
        <div className="mm-here" role="group" aria-labelledby="mm-here-title">
          <p id="mm-here-title">
            {here.length ? `Muscles in ${regionPhrase(place)}:` : `We don’t track a muscle in ${regionPhrase(place)} yet.`}
          </p>
          {here.length ? (
            <ul>
              {here.map((m) => (
                <li key={m.id}>
                  <button type="button" className="button secondary small" aria-pressed={selected === m.id} onClick={() => onSelect(m.id)}>
                    {m.label}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
