import { isMuscleId } from '../../core/body/muscles';
import { isRegionId } from '../../core/body/regions';
import type { TriageResult } from '../../core/clinical';
import { EXERCISES } from '../../core/exercises';
import { buildPlan, type PlanInput } from '../../core/plan';
import type { CheckInT, EpisodeT, MovementT, MuscleNoteT, PreferencesT, SessionLogT, TodayT } from '../api/client';
import { instantAt } from '../lib/dates';
import { rescreenFrom } from '../bodymap/rescreen';

/**
 * Today, worked out on this device by the same engine the server runs (src/core/plan), from what was last read
 * from the server plus the writes still waiting in the outbox. Used only when the server cannot be reached.
 * The triage is never worked out here: it is the last one the server made.
 */

export interface LocalTodayInput {
  date: string;
  timeZone: string;
  episode: EpisodeT;
  checkIns: readonly CheckInT[];
  sessions: readonly SessionLogT[];
  movements: readonly MovementT[];
  muscleNotes: readonly MuscleNoteT[];
  preferences: PreferencesT;
}

export function planInputOf(input: LocalTodayInput): PlanInput {
  const { episode, timeZone } = input;
  const byTime = [...input.checkIns].sort((a, b) => a.at.localeCompare(b.at));
  const lastTriaged = [...byTime].reverse().find((c) => c.triage !== null);
  // The visit is counted from the start of the day it was on: when unsure, sessions stay paused (the cautious side).
  const clinicianSeenAt = episode.clinicianSeenOn ? instantAt(episode.clinicianSeenOn, 0, 0, timeZone).toISOString() : null;
  const latestNotes = new Map<string, MuscleNoteT>();
  for (const n of [...input.muscleNotes].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) latestNotes.set(n.muscle, n);
  return {
    date: input.date,
    timeZone,
    episode: {
      onsetDate: episode.onsetDate,
      regions: episode.regions.filter(isRegionId),
      painNow: episode.painNow,
      triage: episode.currentTriage as TriageResult,
      clinicianSeenAt,
      triagedAt: lastTriaged?.at ?? episode.createdAt,
    },
    checkIns: byTime.map((c) => ({ id: c.id, at: c.at, painNow: c.painNow, painWorst24h: c.painWorst24h, standStraight: c.standStraight, walkMinutes: c.walkMinutes, regions: c.regions.filter(isRegionId) })),
    sessions: input.sessions.map((s) => ({ id: s.id, startedAt: s.startedAt, endedAt: s.endedAt, painBefore: s.painBefore, painAfter: s.painAfter, feel: s.feel, exercises: s.exercises })),
    movements: input.movements.map((m) => ({ kind: m.kind, startedAt: m.startedAt, minutes: m.minutes })),
    muscleNotes: [...latestNotes.values()].flatMap((n) => (isMuscleId(n.muscle) ? [{ muscle: n.muscle, feels: n.feels }] : [])),
    preferences: { styles: input.preferences.styles, sessionMinutes: input.preferences.sessionMinutes },
  };
}

/**
 * New safety answers still waiting for the server change nothing here: the web app never triages. Instead every
 * screen says the check will finish when back online and shows the signs that need help now (PendingSafety).
 */
export function localToday(input: LocalTodayInput): TodayT {
  const plan = buildPlan(planInputOf(input), EXERCISES);
  // The same leg rule as the server: new leg pain without the leg questions answered comes before any plan.
  const rescreen = rescreenFrom(input.episode, input.checkIns);
  return { date: plan.date, stage: plan.stage, triage: input.episode.currentTriage, rescreen, plan: rescreen.needed ? [] : plan.items, reasons: rescreen.needed ? [] : plan.reasons };
}
