import type { TriageResult } from '../../core/clinical';
import { buildPlan, buildPlanResuming, canResume, CHECKPOINT_FORMAT, withEdits, type ReplayCheckpoint } from '../../core/plan';
import { planInputFrom } from '../../core/plan/input';
import type { Plan, PlanInput, StandStraight } from '../../core/plan/types';
import { EXERCISES } from '../../core/exercises';
import { buildProgress } from '../../core/progress';
import { dashboardFlags, type SafetyScreen } from '../../core/therapist/flags';
import { editsInForce, type PlanEditDetail } from '../../core/therapist/planEdits';
import { addDays, localDateOf, zonedTimeToInstantMs } from '../../core/time';
import type { Progress, Today } from '../../contract';
import type { FunctionGoalService } from './functionGoals';
import { invalid } from '../errors';
import type { Repositories } from '../store';
import type { CheckInRow } from '../store/repositories/checkIns';
import type { EpisodeRow } from '../store/repositories/episodes';
import { movementData, sessionLogData } from './activity';
import { bodyMapOf, rescreenOf, storedTriage, type EpisodeService } from './episodes';
import type { PreferencesService } from './preferences';
import type { Clock } from './clock';
import { replyCache, type ReplyCache } from './replyCache';
import { SerializedJson } from '../serializedJson';

/** Episodes whose Today is kept in memory (a few KB each). */
const TODAY_REPLIES_KEPT = 2_000;
/** Episodes whose Progress is kept (at most 64 KB each, see progressBound.test.ts): the latest few hundred. */
const PROGRESS_REPLIES_KEPT = 200;

/** A reply as kept, with its bytes once a route has asked for them. */
interface Kept<T> {
  value: T;
  json?: SerializedJson<T>;
}

export interface PlanDeps {
  episodes: EpisodeService;
  repos: Pick<Repositories, 'checkIns' | 'muscleNotes' | 'sessionLogs' | 'movements' | 'comfortLogs' | 'replayCheckpoints' | 'therapists'>;
  preferences: PreferencesService;
  functionGoals: FunctionGoalService;
  clock: Clock;
}

/** A stored checkpoint, or null when there is none or it is of another format (the replay then runs in full). */
function readCheckpoint(state: string | null): ReplayCheckpoint | null {
  if (state === null) return null;
  try {
    const parsed = JSON.parse(state) as ReplayCheckpoint;
    return parsed.format === CHECKPOINT_FORMAT ? parsed : null;
  } catch {
    return null;
  }
}

/** Loads what the engine needs and asks it; the decisions themselves live in src/core/plan. */
export function planService({ episodes, repos, preferences, functionGoals, clock }: PlanDeps) {
  const todayReplies = replyCache<Kept<Today>>(TODAY_REPLIES_KEPT);
  const progressReplies = replyCache<Kept<Progress>>(PROGRESS_REPLIES_KEPT);

  /** What a kept reply of the episode was worked out from: its generation, the person's day and zone, its own row. */
  async function stampOf(personId: string, episodeId: string): Promise<string> {
    const { episode: row, timeZone, generation } = await episodes.ownedInZone(personId, episodeId);
    return `${generation}|${localDateOf(clock(), timeZone)}|${timeZone}|${JSON.stringify(row)}`;
  }

  /**
   * `since` (a canonical UTC instant): the engine is given only the check-ins, sessions and movements from then on (a
   * replay resumed from a checkpoint needs no more); `rows` still holds every check-in.
   */
  async function inputFor(personId: string, episodeId: string, date?: string, since?: string): Promise<{ input: PlanInput; triage: TriageResult; rows: CheckInRow[]; episode: EpisodeRow; timeZone: string }> {
    const { episode, timeZone } = await episodes.ownedInZone(personId, episodeId);
    const today = localDateOf(clock(), timeZone);
    const day = date ?? today;
    if (day > today) throw invalid([{ path: 'date', rule: 'not_future', message: 'cannot be later than today' }]);
    if (day < episode.onset_date) throw invalid([{ path: 'date', rule: 'within_episode', message: 'cannot be before this episode started' }]);
    const [rows, notes, sessions, movements, prefs, edits] = await Promise.all([
      repos.checkIns.listForEpisode(personId, episodeId),
      repos.muscleNotes.listForEpisode(personId, episodeId),
      repos.sessionLogs.listForEpisode(personId, episodeId, since),
      repos.movements.listForEpisode(personId, episodeId, since),
      preferences.get(personId),
      repos.therapists.planEditsInForce(episodeId),
    ]);
    const input = planInputFrom({
      date: day,
      timeZone,
      episode: { onsetDate: episode.onset_date, regions: JSON.parse(episode.regions) as string[], painNow: episode.pain_now },
      currentTriage: { result: storedTriage(episode.current_triage), at: episode.current_triage_at },
      clinicianSeen: episode.clinician_seen_on === null ? null : { on: episode.clinician_seen_on, recordedAt: episode.clinician_recorded_at },
      checkIns: (since === undefined ? rows : rows.filter((r) => r.at >= since)).map((r) => ({
        id: r.id,
        at: r.at,
        painNow: r.pain_now,
        painWorst24h: r.pain_worst_24h,
        standStraight: r.stand_straight as StandStraight,
        walkMinutes: r.walk_minutes,
        bodyMap: bodyMapOf(r),
      })),
      sessions: sessions.map(sessionLogData),
      movements: movements.map(movementData),
      muscleNotes: notes.map((n) => ({ id: n.id, muscle: n.muscle, feels: n.feels, updatedAt: n.updated_at })),
      preferences: prefs,
    });
    if (edits.length > 0) input.therapist = editsInForce(edits.map((e) => JSON.parse(e.detail) as PlanEditDetail));
    // The triage as it holds today: the latest screen, its advisories re-derived from the latest data.
    const triage = input.episode.triage;
    return { input, triage, rows, episode, timeZone };
  }

  /**
   * Today's plan, resumed from the episode's stored checkpoint when it can be (docs/engine.md §10c): only the records
   * of the checkpoint's window are loaded for the engine, and the checkpoint of yesterday is stored for the next call
   * unless a write came in meanwhile.
   */
  async function todaysPlan(personId: string, episodeId: string) {
    const stored = await repos.replayCheckpoints.load(episodeId);
    const checkpoint = readCheckpoint(stored.checkpoint);
    const since = checkpoint ? `${addDays(checkpoint.windowFrom, -2)}T00:00:00.000Z` : undefined;
    let loaded = await inputFor(personId, episodeId, undefined, since);
    // A checkpoint this input cannot resume from (other preferences, notes, zone…): replay in full, from every record.
    if (since !== undefined && !canResume(checkpoint, withEdits(loaded.input, EXERCISES).input)) loaded = await inputFor(personId, episodeId);
    const { plan, checkpoint: next } = buildPlanResuming(loaded.input, EXERCISES, checkpoint);
    if (next && next.date !== checkpoint?.date) {
      const coveredUntil = new Date(zonedTimeToInstantMs(addDays(next.date, 1), '00:00', loaded.timeZone)).toISOString();
      await repos.replayCheckpoints.saveIfUnchanged(episodeId, stored.generation, coveredUntil, JSON.stringify(next), clock().toISOString());
    }
    return { ...loaded, plan };
  }

  async function planFor(personId: string, episodeId: string, date?: string): Promise<{ plan: Plan; triage: TriageResult }> {
    const { input, triage } = await inputFor(personId, episodeId, date);
    return { plan: buildPlan(input, EXERCISES), triage };
  }

  /**
   * The episode's reply kept in `cache` while its stamp holds, else `workOut()` kept anew. Everything `workOut` reads
   * is read after the stamp's generation: a write meanwhile moves it, so the next call misses.
   */
  async function keptIn<T>(cache: ReplyCache<Kept<T>>, personId: string, episodeId: string, workOut: () => Promise<T>): Promise<Kept<T>> {
    const stamp = await stampOf(personId, episodeId);
    const kept = cache.get(episodeId, stamp);
    if (kept) return kept;
    const entry = { value: await workOut() };
    cache.set(episodeId, stamp, entry);
    return entry;
  }
  /** A kept reply's bytes, made once. */
  const bytesOf = <T>(kept: Kept<T>): SerializedJson<T> => (kept.json ??= SerializedJson.of(kept.value));

  /** Today's reply, worked out again only when something it reads has changed. */
  const keptToday = (personId: string, episodeId: string) =>
    keptIn(todayReplies, personId, episodeId, async (): Promise<Today> => {
      const { triage, rows, episode, plan } = await todaysPlan(personId, episodeId);
      // New leg pain without the leg questions answered: the questions come before any plan (clinical.md §1).
      const rescreen = rescreenOf(episode, rows);
      return { date: plan.date, stage: plan.stage, triage, rescreen, plan: rescreen.needed ? [] : plan.items, reasons: rescreen.needed ? [] : plan.reasons };
    });

  /**
   * Progress, kept like Today's: besides the plan's inputs it reads comfort entries and activity goals, whose writes
   * move the generation too (migration 0020). A miss replays the whole episode, as Progress needs every day.
   */
  const keptProgress = (personId: string, episodeId: string) =>
    keptIn(progressReplies, personId, episodeId, async (): Promise<Progress> => {
      const { input, rows } = await inputFor(personId, episodeId);
      const [goals, comfortRows] = await Promise.all([functionGoals.list(personId, episodeId), repos.comfortLogs.listForEpisode(personId, episodeId)]);
      const bodyMaps = rows.map((r) => ({ at: r.at, map: bodyMapOf(r) }));
      const comfort = comfortRows.map((c) => ({ kind: c.kind, name: c.name, at: c.at, helped: c.helped }));
      return buildProgress({ plan: input, bodyMaps, functionGoals: goals, comfort }, EXERCISES);
    });

  return {
    today: async (personId: string, episodeId: string): Promise<Today> => (await keptToday(personId, episodeId)).value,
    /** The same, serialised once for as long as it is kept. */
    todayJson: async (personId: string, episodeId: string) => bytesOf(await keptToday(personId, episodeId)),
    progress: async (personId: string, episodeId: string): Promise<Progress> => (await keptProgress(personId, episodeId)).value,
    progressJson: async (personId: string, episodeId: string) => bytesOf(await keptProgress(personId, episodeId)),
    /** A therapist's dashboard row for the episode: the latest check-in and the flags (src/core/therapist/flags.ts). */
    async dashboardSummary(personId: string, episodeId: string) {
      const { input, rows, episode } = await inputFor(personId, episodeId);
      const screens: SafetyScreen[] = [
        { at: episode.safety_at, ...storedTriage(episode.triage) },
        ...rows.flatMap((r) => (r.triage === null || r.safety_at === null ? [] : [{ at: r.safety_at, ...storedTriage(r.triage) }])),
      ];
      const latest = input.checkIns[input.checkIns.length - 1];
      return {
        lastCheckInAt: latest?.at ?? null,
        painNow: latest?.painNow ?? null,
        painWorst24h: latest?.painWorst24h ?? null,
        flags: dashboardFlags({ plan: input, screens, startedAt: episode.created_at, now: clock().toISOString() }),
      };
    },
    async forDate(personId: string, episodeId: string, date: string) {
      const { plan, triage } = await planFor(personId, episodeId, date);
      return { date: plan.date, stage: plan.stage, triage, items: plan.items, reasons: plan.reasons };
    },
  };
}
export type PlanService = ReturnType<typeof planService>;
