import { isMuscleId } from '../body/muscles';
import { isRegionId } from '../body/regions';
import type { TriageResult } from '../clinical';
import { withCurrentAdvisories } from './advisories';
import { addDays, instantMs, zonedTimeToInstantMs } from '../time';
import type { CheckInData, MovementData, PlanInput, Preferences, SessionLogData } from './types';
import { compareText } from '../compareText';

/**
 * The engine's input, built from the stored records by one set of rules, so the server's Today and the one
 * worked out on a device (offline) see the same thing:
 * - the current triage is the one passed in (the latest safety screen, which the server keeps with its time), with
 *   its advisories re-derived for the plan date from the check-ins (`withCurrentAdvisories`);
 * - a clinician visit counts from when it was recorded, but never later than the end of the day it was on
 *   (a visit recorded without a time counts from the start of its day: when unsure, sessions stay paused);
 * - check-ins in time order, each with the places its body map marks as hurting (pain above 0);
 * - the newest note about each muscle (by when it was last changed) is the one that counts.
 */

/** A stored check-in: the engine's fields, with the body map in place of the painful places. */
export type CheckInRecord = Omit<CheckInData, 'regions'> & { bodyMap: readonly { region: string; pain: number }[] };

export interface MuscleNoteRecord {
  id: string;
  muscle: string;
  feels: 'weak' | 'tight';
  updatedAt: string;
}

export interface PlanRecords {
  /** The day to plan, YYYY-MM-DD in `timeZone`. */
  date: string;
  timeZone: string;
  episode: { onsetDate: string; regions: readonly string[]; painNow: number };
  /** The latest safety screen's result and when it was answered. */
  currentTriage: { result: TriageResult; at: string };
  /** The day a clinician saw the person and when they recorded it; null when they have not said so. */
  clinicianSeen: { on: string; recordedAt: string | null } | null;
  checkIns: readonly CheckInRecord[];
  sessions: readonly SessionLogData[];
  movements: readonly MovementData[];
  muscleNotes: readonly MuscleNoteRecord[];
  preferences: Preferences;
}

/** The instant a clinician visit counts from (see the rules above). */
export function clinicianSeenInstant(seen: PlanRecords['clinicianSeen'], timeZone: string): string | null {
  if (seen === null) return null;
  const startOfDay = zonedTimeToInstantMs(seen.on, '00:00', timeZone);
  if (seen.recordedAt === null) return new Date(startOfDay).toISOString();
  const endOfDay = zonedTimeToInstantMs(addDays(seen.on, 1), '00:00', timeZone) - 1;
  return new Date(Math.max(startOfDay, Math.min(instantMs(seen.recordedAt), endOfDay))).toISOString();
}

/** The newest note per muscle, for known muscles only. */
export function latestMuscleNotes(notes: readonly MuscleNoteRecord[]): PlanInput['muscleNotes'] {
  const sorted = [...notes].sort((a, b) => instantMs(a.updatedAt) - instantMs(b.updatedAt) || compareText(a.id, b.id));
  const latest = new Map<string, MuscleNoteRecord>();
  for (const n of sorted) latest.set(n.muscle, n);
  return [...latest.values()].flatMap((n) => (isMuscleId(n.muscle) ? [{ muscle: n.muscle, feels: n.feels }] : []));
}

export function planInputFrom(records: PlanRecords): PlanInput {
  const { date, timeZone, episode, currentTriage } = records;
  const checkIns = [...records.checkIns]
    .sort((a, b) => instantMs(a.at) - instantMs(b.at) || compareText(a.id, b.id))
    .map((c) => ({
      id: c.id,
      at: c.at,
      painNow: c.painNow,
      painWorst24h: c.painWorst24h,
      standStraight: c.standStraight,
      walkMinutes: c.walkMinutes,
      regions: c.bodyMap.flatMap((r) => (r.pain > 0 && isRegionId(r.region) ? [r.region] : [])),
    }));
  return {
    date,
    timeZone,
    episode: {
      onsetDate: episode.onsetDate,
      regions: episode.regions.filter(isRegionId),
      painNow: episode.painNow,
      triage: withCurrentAdvisories({ triage: currentTriage.result, screenedAt: currentTriage.at, checkIns, date, timeZone }),
      clinicianSeenAt: clinicianSeenInstant(records.clinicianSeen, timeZone),
      triagedAt: currentTriage.at,
    },
    checkIns,
    sessions: records.sessions.map((s) => ({
      id: s.id,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      painBefore: s.painBefore,
      painAfter: s.painAfter,
      feel: s.feel,
      exercises: s.exercises.map((e) => ({ ...e })),
    })),
    movements: records.movements.map((m) => ({ kind: m.kind, startedAt: m.startedAt, minutes: m.minutes })),
    muscleNotes: latestMuscleNotes(records.muscleNotes),
    preferences: { styles: [...records.preferences.styles], sessionMinutes: records.preferences.sessionMinutes },
  };
}
