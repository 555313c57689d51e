import { useState } from 'react';
import type { CheckInT, EpisodeT, Issue, PartialSafetyAnswersT, SafetyAnswersT } from '../api/client';
import { legSafety, type LegDraft } from './legCheck';
import { newLegPain } from '../../core/clinical/legRecheck';
import { carriedOver, toPayload, type MapDraft, type RegionPainOut, type SavedRegionPain } from './mapState';

/** The map a check-in compares with: the last check-in's, else the places named at the episode's start. */
export function previousMap(episode: Pick<EpisodeT, 'regions' | 'painNow'>, history: readonly Pick<CheckInT, 'bodyMap' | 'regions' | 'painNow'>[]): SavedRegionPain[] {
  const last = history[history.length - 1];
  if (last) return last.bodyMap.length ? last.bodyMap : last.regions.map((region) => ({ region, pain: last.painNow, spasm: false }));
  return episode.regions.map((region) => ({ region, pain: episode.painNow, spasm: false }));
}

/**
 * The check-in's body map: carried over from last time, the regions to send, and — when pain newly reaches a
 * leg — the leg questions, answered fresh and merged into the last safety answers for the server to triage.
 */
export function useCheckInMap(episode: EpisodeT, history: readonly CheckInT[]) {
  const [previous] = useState(() => previousMap(episode, history));
  const [map, setMap] = useState<MapDraft>(() => carriedOver(previous));
  const [legs, setLegs] = useState<LegDraft>({});
  return {
    map,
    setMap,
    legs,
    patchLegs: (patch: Partial<LegDraft>) => setLegs((l) => ({ ...l, ...patch })),
    /** Leg places that hurt now and did not last time (pain now fills places left at "same as pain now"). */
    newLegs: (painNow: number | undefined) => newLegPain(previous, toPayload(map, painNow ?? 0, previous)),
    regions: (painNow: number | undefined): RegionPainOut[] => toPayload(map, painNow ?? 0, previous),
    legSafety: (last: PartialSafetyAnswersT, painNow: number | undefined): { answers: SafetyAnswersT | null; issues: Issue[] } => legSafety(last, legs, painNow),
  };
}
