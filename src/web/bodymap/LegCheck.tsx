import type { Issue } from '../api/client';
import { LegWeaknessQuestion } from '../components/SafetyForm';
import { YesNoUnsure } from '../components/YesNoUnsure';
import { messageFor } from '../lib/issues';
import { SAFETY_SECTIONS } from '../words/safety';
import type { RegionId } from '../../core/body/regions';
import { placesInWords } from './places';
import { LEG_QUESTIONS, type LegDraft } from './legCheck';

const QUESTIONS = SAFETY_SECTIONS.flatMap((s) => s.questions).filter((q) => LEG_QUESTIONS.includes(q.field));


/**
 * Pain has newly reached a leg: the nerve questions once more, with the same words and controls as the safety
 * screen, before the check-in is saved and the server checks the answers again. `earlier` are leg places from a
 * check-in that was saved without these questions (the server's re-screen); `places` are new on this map.
 */
export function LegCheck({ places, earlier = [], value, onChange, issues }: { places: readonly RegionId[]; earlier?: readonly RegionId[]; value: LegDraft; onChange: (patch: Partial<LegDraft>) => void; issues: readonly Issue[] }) {
  const fresh = places.filter((p) => !earlier.includes(p));
  return (
    <section className="card form-section tone-gentle leg-check" aria-labelledby="leg-check-title" data-testid="leg-check">
      <h2 id="leg-check-title">A few questions about your legs</h2>
      <p className="section-intro">
        {earlier.length ? `Pain in ${placesInWords(earlier)} started after you last answered these questions. ` : ''}
        {fresh.length ? `You’ve marked new pain in ${placesInWords(fresh)}. ` : ''}
        Pain that travels into a leg is common with a back spasm and usually settles. A few signs need a doctor quickly, so please answer these as
        things are now.
      </p>
      {QUESTIONS.map((q) => (
        <YesNoUnsure
          key={q.field}
          path={`safety.${q.field}`}
          question={q.question}
          hint={q.hint}
          value={value[q.field]}
          onChange={(a) => onChange({ [q.field]: a })}
          error={messageFor(issues, `safety.${q.field}`)}
        />
      ))}
      <LegWeaknessQuestion value={value.legWeakness} onChange={(v) => onChange({ legWeakness: v })} error={messageFor(issues, 'safety.legWeakness')} />
    </section>
  );
}
