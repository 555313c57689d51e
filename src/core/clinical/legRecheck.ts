import { BODY_REGIONS, isRegionId, regionById, type BodyArea, type RegionId } from '../body/regions';
import { compareText } from '../compareText';

/**
 * "New leg pain re-asks the leg questions" (clinical.md §1, when to screen: "whenever the body map shows new leg
 * symptoms"). Pain that newly reaches a leg place, compared with the map before it, needs the leg (nerve) safety
 * questions answered again. A check-in that reports it without safety answers is still kept — the person said
 * where it hurts — but the episode then needs a re-screen before any plan, until safety answers arrive.
 */

/** The leg areas: thighs, knees, shins, calves and feet. */
const LEG_AREAS: ReadonlySet<BodyArea> = new Set<BodyArea>(['thighs', 'lower-legs']);

export const isLegRegion = (id: RegionId): boolean => LEG_AREAS.has(regionById(id).area);

/** One place of a saved body map: its pain 0–10 (0: it stopped hurting there). Unknown region ids are ignored. */
export interface MapPlace {
  readonly region: string;
  readonly pain: number;
}

const ORDER: readonly RegionId[] = BODY_REGIONS.map((r) => r.id);

function hurting(map: readonly MapPlace[]): Set<string> {
  return new Set(map.filter((r) => r.pain > 0).map((r) => r.region));
}

/** Leg places that hurt on `now` and did not hurt on `previous`, in the canonical order. */
export function newLegPain(previous: readonly MapPlace[], now: readonly MapPlace[]): RegionId[] {
  const before = hurting(previous);
  const fresh = new Set(now.flatMap((r) => (r.pain > 0 && isRegionId(r.region) && isLegRegion(r.region) && !before.has(r.region) ? [r.region] : [])));
  return ORDER.filter((id) => fresh.has(id));
}

/** The episode's start: the places named then (each at the start's pain) and when its safety questions were answered. */
export interface ScreenStart {
  readonly regions: readonly string[];
  readonly painNow: number;
  /** ISO instant the start's safety questions were answered. */
  readonly screenedAt: string;
}

/** A stored check-in, as far as the leg rule needs it. */
export interface ScreenCheckIn {
  /** ISO instant the check-in is for (a back-dated one is placed on its day). */
  readonly at: string;
  /** ISO instant it was last written. */
  readonly recordedAt: string;
  readonly bodyMap: readonly MapPlace[];
  /** ISO instant its safety answers were given, or null when it carried none. */
  readonly screenedAt: string | null;
}

const byAt = (checkIns: readonly ScreenCheckIn[]) => [...checkIns].sort((a, b) => compareText(a.at, b.at));

/**
 * The map a check-in is compared with: the latest check-in at or before `at` (all of them when `at` is not given),
 * else the places named at the episode's start, each at the start's pain.
 */
export function previousBodyMap(start: Pick<ScreenStart, 'regions' | 'painNow'>, checkIns: readonly ScreenCheckIn[], at?: string): MapPlace[] {
  const earlier = byAt(checkIns).filter((c) => at === undefined || c.at <= at);
  const last = earlier[earlier.length - 1];
  return last ? [...last.bodyMap] : start.regions.map((region) => ({ region, pain: start.painNow }));
}

export type Rescreen = { readonly needed: false } | { readonly needed: true; readonly reason: 'new_leg_pain'; readonly regions: RegionId[] };

/**
 * Whether the episode needs its safety questions answered again before any plan: some check-in showed new pain in
 * a leg place (compared with the map before it, in the order of the days they are for) and no safety answers were
 * given with it or after it was recorded (whatever day the later check-in is for).
 */
export function legRescreen(start: ScreenStart, checkIns: readonly ScreenCheckIn[]): Rescreen {
  const screens = [start.screenedAt, ...checkIns.flatMap((c) => (c.screenedAt === null ? [] : [c.screenedAt]))];
  // Its own answers, given with it (at the same instant or later); anyone else's strictly after it.
  const screened = (c: ScreenCheckIn) => (c.screenedAt !== null && c.screenedAt >= c.recordedAt) || screens.some((s) => s > c.recordedAt);
  let previous = previousBodyMap(start, []);
  const pending = new Set<RegionId>();
  for (const c of byAt(checkIns)) {
    const fresh = newLegPain(previous, c.bodyMap);
    if (fresh.length && !screened(c)) for (const id of fresh) pending.add(id);
    previous = [...c.bodyMap];
  }
  const regions = ORDER.filter((id) => pending.has(id));
  return regions.length ? { needed: true, reason: 'new_leg_pain', regions } : { needed: false };
}
