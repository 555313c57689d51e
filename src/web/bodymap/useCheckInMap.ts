import { useState } from 'react';
import type { CheckInPrefill } from '../../core/body/checkInPrefill';
import { newLegPain, previousBodyMap } from '../../core/clinical/legRecheck';
import type { CheckInT, EpisodeT, Issue, PartialSafetyAnswersT, SafetyAnswersT } from '../api/client';
import { legSafety, type LegDraft } from './legCheck';
import { screenCheckIns } from './rescreen';
import { draftFromMap, toPayload, type MapDraft, type RegionPainOut } from './mapState';

/**
 * The check-in's body map: it starts from last time's places with their own numbers; pain that newly reaches a leg
 * (the core's rule, against the map before the day this check-in is for) asks the leg questions, answered fresh and
 * merged into the last safety answers for the server to triage.
 */
export function useCheckInMap(episode: EpisodeT, history: readonly CheckInT[], prefill: CheckInPrefill) {
  const [map, setMap] = useState<MapDraft>(() => draftFromMap(prefill.map));
  const [legs, setLegs] = useState<LegDraft>({});
  const previous = (at: string | undefined) => previousBodyMap(episode, screenCheckIns(history), at);
  return {
    map,
    setMap,
    /** Puts back a whole map (e.g. "Same as yesterday"). */
    reset: (places: readonly RegionPainOut[]) => setMap(draftFromMap(places)),
    legs,
    patchLegs: (patch: Partial<LegDraft>) => setLegs((l) => ({ ...l, ...patch })),
    /** Leg places that hurt now and did not on the map before `at` (pain now fills places left at "same as pain now"). */
    newLegs: (painNow: number | undefined, at?: string) => newLegPain(previous(at), toPayload(map, painNow ?? 0, previous(at))),
    regions: (painNow: number | undefined, at?: string): RegionPainOut[] => toPayload(map, painNow ?? 0, previous(at)),
    legSafety: (last: PartialSafetyAnswersT, painNow: number | undefined): { answers: SafetyAnswersT | null; issues: Issue[] } => legSafety(last, legs, painNow),
  };
}
