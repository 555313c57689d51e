import type { Comfort, ComfortPut, Movement, MovementPut, SessionLog, SessionLogPut } from '../../contract';
import { overDailyLimits, type OverLimit } from '../../core/comfort/dailyLimits';
import { comfortEntryIssues } from '../../core/comfort/kinds';
import { localDateOf } from '../../core/time';
import type { MovementData, SessionLogData } from '../../core/plan/types';
import { exerciseById } from '../../core/exercises';
import { invalid, notFound, type FieldIssue } from '../errors';
import type { EpisodeRecordsRepository } from '../store/repositories/episodeRecords';
import type { ComfortLogsTable, MovementsTable, SessionLogsTable } from '../store/schema';
import { instantWithinEpisode, type EpisodeService } from './episodes';
import type { Clock } from './clock';

export interface ActivityDeps {
  episodes: EpisodeService;
  sessionLogs: EpisodeRecordsRepository<'session_logs'>;
  movements: EpisodeRecordsRepository<'movements'>;
  comfortLogs: EpisodeRecordsRepository<'comfort_logs'>;
  clock: Clock;
}

export function toSessionLog(row: SessionLogsTable): SessionLog {
  return {
    id: row.id,
    episodeId: row.episode_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    painBefore: row.pain_before,
    painAfter: row.pain_after,
    feel: row.feel,
    exercises: JSON.parse(row.exercises) as SessionLog['exercises'],
    createdAt: row.created_at,
  };
}

export function toMovement(row: MovementsTable): Movement {
  return { id: row.id, episodeId: row.episode_id, kind: row.kind, startedAt: row.started_at, minutes: row.seconds / 60, createdAt: row.created_at };
}

/** Comfort entries with the daily-maximum warning of their day, if the person's own label limit was passed. */
function toComfortList(rows: ComfortLogsTable[], timeZone: string): Comfort[] {
  const over = overDailyLimits(
    rows.map((r) => ({ kind: r.kind, name: r.name, amount: r.amount, unit: r.unit, dailyMax: r.daily_max, at: r.at })),
    timeZone,
  );
  const warningFor = (r: ComfortLogsTable): OverLimit | null =>
    over.find((o) => o.date === localDateOf(r.at, timeZone) && o.unit === r.unit && o.name.toLocaleLowerCase('en') === r.name.trim().toLocaleLowerCase('en')) ?? null;
  return rows.map((r) => ({
    id: r.id,
    episodeId: r.episode_id,
    kind: r.kind,
    name: r.name,
    amount: r.amount,
    unit: r.unit,
    dailyMax: r.daily_max,
    at: r.at,
    helped: r.helped,
    createdAt: r.created_at,
    overLimit: warningFor(r),
  }));
}

export const sessionLogData = (row: SessionLogsTable): SessionLogData => {
  const log = toSessionLog(row);
  return { id: log.id, startedAt: log.startedAt, endedAt: log.endedAt, painBefore: log.painBefore, painAfter: log.painAfter, feel: log.feel, exercises: log.exercises };
};
export const movementData = (row: MovementsTable): MovementData => ({ kind: row.kind, startedAt: row.started_at, minutes: row.seconds / 60 });

/** Inserts a record once, corrects it when its content changed, and answers the stored record. */
export async function putOnce<T extends 'session_logs' | 'movements' | 'comfort_logs' | 'posture_checks'>(
  repo: EpisodeRecordsRepository<T>,
  row: Parameters<EpisodeRecordsRepository<T>['insertIfAbsent']>[0],
  content: Record<string, unknown>,
) {
  // A new record is exactly the row just written; only one that already existed is read back.
  if (await repo.insertIfAbsent(row)) return row;
  const existing = (await repo.findById(row.id)) as Record<string, unknown> | undefined;
  if (!existing || existing.person_id !== row.person_id || existing.episode_id !== row.episode_id) throw notFound('That record');
  if (Object.keys(content).some((k) => existing[k] !== content[k])) {
    await repo.update(row.person_id, row.id, { ...content, updated_at: row.updated_at } as Parameters<typeof repo.update>[2]);
  }
  const saved = await repo.findById(row.id);
  if (!saved) throw notFound('That record');
  return saved;
}

export function activityService({ episodes, sessionLogs, movements, comfortLogs, clock }: ActivityDeps) {
  return {
    async putSession(personId: string, episodeId: string, id: string, input: SessionLogPut): Promise<SessionLog> {
      const { episode, timeZone } = await episodes.ownedInZone(personId, episodeId);
      const now = clock();
      const startedAt = instantWithinEpisode('startedAt', input.startedAt, episode, timeZone, now);
      const endedAt = instantWithinEpisode('endedAt', input.endedAt, episode, timeZone, now);
      const issues: FieldIssue[] = [];
      if (endedAt < startedAt) issues.push({ path: 'endedAt', rule: 'after_start', message: 'must be after the start' });
      input.exercises.forEach((e, i) => {
        if (!exerciseById(e.exerciseId)) issues.push({ path: `exercises.${i}.exerciseId`, rule: 'one_of', message: 'must be an exercise in the catalogue' });
      });
      if (issues.length) throw invalid(issues);
      const stamp = now.toISOString();
      const content = {
        started_at: startedAt,
        ended_at: endedAt,
        pain_before: input.painBefore,
        pain_after: input.painAfter,
        feel: input.feel,
        exercises: JSON.stringify(input.exercises),
      };
      const saved = await putOnce(sessionLogs, { id, episode_id: episodeId, person_id: personId, ...content, created_at: stamp, updated_at: stamp }, content);
      return toSessionLog(saved);
    },

    async listSessions(personId: string, episodeId: string): Promise<SessionLog[]> {
      await episodes.owned(personId, episodeId);
      return (await sessionLogs.listForEpisode(personId, episodeId)).map(toSessionLog);
    },

    async putMovement(personId: string, episodeId: string, id: string, input: MovementPut): Promise<Movement> {
      const { episode, timeZone } = await episodes.ownedInZone(personId, episodeId);
      const now = clock();
      const startedAt = instantWithinEpisode('startedAt', input.startedAt, episode, timeZone, now);
      const stamp = now.toISOString();
      // Kept to the second, so a 45-second walk is never rounded away (`minutes` is the old whole-minute column).
      const seconds = Math.round(input.minutes * 60);
      const content = { kind: input.kind, started_at: startedAt, seconds, minutes: Math.round(seconds / 60) };
      const saved = await putOnce(movements, { id, episode_id: episodeId, person_id: personId, ...content, created_at: stamp, updated_at: stamp }, content);
      return toMovement(saved);
    },

    async putComfort(personId: string, episodeId: string, id: string, input: ComfortPut): Promise<Comfort> {
      const { episode, timeZone } = await episodes.ownedInZone(personId, episodeId);
      const now = clock();
      const at = instantWithinEpisode('at', input.at, episode, timeZone, now);
      const issues = comfortEntryIssues(input);
      if (issues.length) throw invalid(issues);
      const stamp = now.toISOString();
      const content = {
        kind: input.kind,
        name: input.name,
        amount: input.amount,
        unit: input.unit ?? null,
        daily_max: input.dailyMax ?? null,
        at,
        // Left out, the stored answer stays: a late copy of the first write never wipes "Did it help?".
        ...(input.helped === undefined ? {} : { helped: input.helped }),
      };
      await putOnce(comfortLogs, { id, episode_id: episodeId, person_id: personId, helped: null, ...content, created_at: stamp, updated_at: stamp }, content);
      const all = toComfortList(await comfortLogs.listForEpisode(personId, episodeId), timeZone);
      const saved = all.find((c) => c.id === id);
      if (!saved) throw notFound('That record');
      return saved;
    },

    async listComfort(personId: string, episodeId: string): Promise<Comfort[]> {
      await episodes.owned(personId, episodeId);
      return toComfortList(await comfortLogs.listForEpisode(personId, episodeId), await episodes.timeZoneOf(personId));
    },

    /** Idempotent, like every write from the outbox: a retried removal, or one of a walk that never arrived, is fine. */
    async removeMovement(personId: string, episodeId: string, id: string): Promise<void> {
      await episodes.owned(personId, episodeId);
      await movements.delete(personId, episodeId, id);
    },

    async listMovements(personId: string, episodeId: string): Promise<Movement[]> {
      await episodes.owned(personId, episodeId);
      return (await movements.listForEpisode(personId, episodeId)).map(toMovement);
    },
  };
}
export type ActivityService = ReturnType<typeof activityService>;
