import { regionById, type RegionId } from '../body/regions';
import type { TriageLevel, Timeframe } from '../clinical/triage';
import { collectHistory } from '../plan/history';
import { detectFlares } from '../plan/flare';
import { FLARE_RISE_POINTS } from '../plan/flare';
import type { PlanInput, SessionLogData } from '../plan/types';

/**
 * The flags on a therapist's dashboard row: things worth a look this week, each in words. Pure: the caller
 * passes the person's records (as the engine reads them) and the current instant.
 */

const DAY_MS = 86_400_000;
/** "This week": the 7 days up to now. */
export const FLAG_WINDOW_DAYS = 7;
/** A quiet spell this long without a check-in is flagged. */
export const QUIET_DAYS = 3;
/** Worst pain up by this much over the week (a clinically important change, the same as a flare's rise). */
export const PAIN_UP_POINTS = FLARE_RISE_POINTS;
/** Sessions stopped with "This hurts" this many times in the week. */
export const HURT_SESSIONS = 2;

export type FlagCode = 'safety' | 'flare' | 'pain-up' | 'hurt-twice' | 'new-region' | 'no-check-in';

export interface Flag {
  code: FlagCode;
  text: string;
}

/** Most pressing first: the order flags are listed in, and what sorting by flags weighs. */
export const FLAG_ORDER: readonly FlagCode[] = ['safety', 'flare', 'pain-up', 'hurt-twice', 'new-region', 'no-check-in'];

export interface SafetyScreen {
  /** When the answers were given. */
  at: string;
  level: TriageLevel;
  timeframe: Timeframe | null;
}

export interface FlagInput {
  /** The engine's input for today (check-ins, sessions, the episode's first places). */
  plan: PlanInput;
  /** Every safety screen of the episode: its start and each check-in that asked the questions again. */
  screens: readonly SafetyScreen[];
  /** When the episode was started (a quiet spell counts from then when there is no check-in). */
  startedAt: string;
  now: string;
}

/**
 * A session stopped with "This hurts": the player records a pain during an exercise only when the person
 * pressed "This hurts" and said how much it hurt, so a pain during any exercise marks such a session.
 */
export function stoppedByHurt(session: SessionLogData): boolean {
  return session.exercises.some((e) => e.painDuring !== undefined);
}

const ms = (iso: string) => Date.parse(iso);

function safetyFlag(screens: readonly SafetyScreen[], since: number): Flag | null {
  const recent = [...screens].filter((s) => ms(s.at) >= since && s.level !== 'self-care').sort((a, b) => ms(b.at) - ms(a.at));
  const worst = recent.find((s) => s.level === 'emergency') ?? recent[0];
  if (!worst) return null;
  if (worst.level === 'emergency') return { code: 'safety', text: 'A safety check this week showed emergency signs: they were told to get help now' };
  const when = worst.timeframe === 'within_1_week' ? 'within a week' : 'within 24 hours';
  return { code: 'safety', text: `A safety check this week said to see a doctor ${when}` };
}

function painUpFlag(plan: PlanInput, since: number, now: number): Flag | null {
  const upToNow = plan.checkIns.filter((c) => ms(c.at) <= now);
  const inWeek = upToNow.filter((c) => ms(c.at) >= since);
  const latest = inWeek[inWeek.length - 1];
  const before = upToNow.filter((c) => ms(c.at) < since);
  const baseline = before[before.length - 1] ?? inWeek[0];
  if (!latest || !baseline || latest === baseline) return null;
  if (latest.painWorst24h - baseline.painWorst24h < PAIN_UP_POINTS) return null;
  return { code: 'pain-up', text: `Worst pain went up from ${baseline.painWorst24h} to ${latest.painWorst24h} out of 10 this week` };
}

function flareFlag(plan: PlanInput, since: number, now: number): Flag | null {
  const flares = detectFlares(collectHistory(plan)).filter((f) => f.atMs >= since && f.atMs <= now);
  if (flares.length === 0) return null;
  return { code: 'flare', text: flares.length === 1 ? 'Had a flare this week' : `Had ${flares.length} flares this week` };
}

function hurtFlag(plan: PlanInput, since: number, now: number): Flag | null {
  const stopped = plan.sessions.filter((s) => ms(s.endedAt) >= since && ms(s.endedAt) <= now && stoppedByHurt(s)).length;
  if (stopped < HURT_SESSIONS) return null;
  return { code: 'hurt-twice', text: `Pressed “This hurts” in ${stopped} sessions this week` };
}

function newRegionFlag(plan: PlanInput, since: number, now: number): Flag | null {
  const known = new Set<RegionId>(plan.episode.regions);
  for (const c of plan.checkIns) if (ms(c.at) < since) for (const r of c.regions) known.add(r);
  const fresh: RegionId[] = [];
  for (const c of plan.checkIns) {
    if (ms(c.at) < since || ms(c.at) > now) continue;
    for (const r of c.regions) {
      if (!known.has(r)) {
        known.add(r);
        fresh.push(r);
      }
    }
  }
  if (fresh.length === 0) return null;
  const places = fresh.map((r) => regionById(r).label.toLowerCase());
  return { code: 'new-region', text: `Pain in a new place this week: ${places.join(', ')}` };
}

function quietFlag(plan: PlanInput, startedAt: string, now: number): Flag | null {
  const times = plan.checkIns.map((c) => ms(c.at)).filter((t) => t <= now);
  const last = times.length > 0 ? Math.max(...times) : ms(startedAt);
  const days = Math.floor((now - last) / DAY_MS);
  if (days < QUIET_DAYS) return null;
  return { code: 'no-check-in', text: times.length === 0 ? `No check-in since starting, ${days} days ago` : `No check-in for ${days} days` };
}

export function dashboardFlags({ plan, screens, startedAt, now }: FlagInput): Flag[] {
  const at = ms(now);
  const since = at - FLAG_WINDOW_DAYS * DAY_MS;
  const flags = [
    safetyFlag(screens, since),
    flareFlag(plan, since, at),
    painUpFlag(plan, since, at),
    hurtFlag(plan, since, at),
    newRegionFlag(plan, since, at),
    quietFlag(plan, startedAt, at),
  ];
  return flags.filter((f): f is Flag => f !== null);
}
