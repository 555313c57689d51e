import { regionById, type BodyArea, type RegionId } from '../body/regions';
import { regionPhrase } from '../body/regionPhrase';
import type { RegionPain } from '../body/regionPain';
import { dayAndMonth, weekdayName } from '../calendarWords';
import { addDays, daysBetween, localDateOf } from '../time';
import { compareText } from '../compareText';

/** A check-in's body map, with when it was given. */
export interface DatedBodyMap {
  at: string;
  map: RegionPain[];
}

export interface PainChangeInRegion {
  region: RegionId;
  area: BodyArea;
  /** 'new': it did not hurt at the start; 'worse': it hurt then, and now clearly more. */
  kind: 'new' | 'worse';
  /** The first day (local) it was seen this way. */
  since: string;
  painNow: number;
}

/** How far back "recent" maps reach, and how much higher counts as clearly worse (as for pain overall). */
export const RECENT_DAYS = 7;
export const WORSE_BY_POINTS = 2;
/** Pain counts as having travelled only once the new place is on this many check-ins: one day alone is not a trend. */
export const TRAVEL_MIN_CHECK_INS = 2;
const LEG_AREAS: ReadonlySet<BodyArea> = new Set(['thighs', 'lower-legs']);

/**
 * Compares the recent body maps with the first one and names what is new or spreading. Pure: the date
 * ("today", local) and time zone are passed in; maps after that day are ignored.
 */
export function painChangesSinceStart(maps: readonly DatedBodyMap[], today: string, timeZone: string): PainChangeInRegion[] {
  const dated = maps
    .map((m) => ({ day: localDateOf(m.at, timeZone), at: m.at, map: m.map }))
    .filter((m) => m.day <= today)
    .sort((a, b) => compareText(a.at, b.at));
  const first = dated[0];
  if (!first) return [];
  const baseline = new Map(first.map.map((r) => [r.region, r.pain]));
  const recentFrom = addDays(today, -(RECENT_DAYS - 1));
  const latestPain = new Map<RegionId, number>();
  const since = new Map<RegionId, { kind: 'new' | 'worse'; day: string; checkIns: number }>();

  for (const m of dated.slice(1)) {
    for (const r of m.map) {
      const start = baseline.get(r.region) ?? 0;
      const kind = start === 0 && r.pain > 0 ? 'new' : r.pain - start >= WORSE_BY_POINTS ? 'worse' : null;
      const seen = since.get(r.region);
      if (kind) since.set(r.region, seen ? { ...seen, checkIns: seen.checkIns + 1 } : { kind, day: m.day, checkIns: 1 });
      else since.delete(r.region);
      if (m.day >= recentFrom) latestPain.set(r.region, r.pain);
    }
  }
  return [...since.entries()]
    .filter(([region, s]) => s.checkIns >= TRAVEL_MIN_CHECK_INS && (latestPain.get(region) ?? 0) > 0)
    .map(([region, s]) => ({ region, area: regionById(region).area, kind: s.kind, since: s.day, painNow: latestPain.get(region) ?? 0 }))
    .sort((a, b) => compareText(a.since, b.since) || compareText(a.region, b.region));
}

/** New or worse pain in the legs: the check-in should ask again about numbness and weakness (clinical.md §1). */
export function spreadsToLegs(changes: readonly PainChangeInRegion[]): boolean {
  return changes.some((c) => LEG_AREAS.has(c.area));
}

/** "since Tuesday" within the last week, "since 3 November" before that. */
export function sinceWords(day: string, today: string): string {
  if (daysBetween(day, today) === 0) return 'today';
  if (daysBetween(day, today) < 7) return `since ${weekdayName(day)}`;
  return `since ${dayAndMonth(day)}`;
}

/** A plain sentence for one change, e.g. "Pain has appeared in the back of your right thigh since Tuesday." */
export function changeSentence(change: PainChangeInRegion, today: string): string {
  const where = regionPhrase(change.region);
  const when = sinceWords(change.since, today);
  return change.kind === 'new' ? `Pain has appeared in ${where} ${when}.` : `Pain in ${where} has grown ${when}.`;
}
