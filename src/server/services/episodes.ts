import type { z } from 'zod';
import {
  completeSafetyAnswers,
  emergencyFromPartial,
  legRescreen,
  missingRequired,
  triage,
  upgradeStoredTriage,
  type PartialSafetyAnswers,
  type Rescreen,
  type SafetyAnswers,
  type TriageResult,
} from '../../core/clinical';
import { addDays, localDateOf } from '../../core/time';
import { earliestClinicianVisit } from '../../core/plan/mayStart';
import { painfulRegions, toBodyMap, type RegionId, type RegionPain } from '../../core/body';
import { ONSET_MAX_DAYS_AGO, type CheckIn, type CheckInPut, type ClinicianCheckPut, type Episode, type EpisodePut } from '../../contract';
import { invalid, notFound, type FieldIssue } from '../errors';
import type { EpisodeRow, EpisodesRepository } from '../store/repositories/episodes';
import type { CheckInRow, CheckInsRepository } from '../store/repositories/checkIns';
import type { PersonsRepository } from '../store/repositories/persons';
import type { Clock } from './clock';
import { compareText } from '../../core/compareText';

export interface EpisodeDeps {
  persons: PersonsRepository;
  episodes: EpisodesRepository;
  checkIns: CheckInsRepository;
  clock: Clock;
}

/** A check-in may be stamped a little ahead of the server's clock (device clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/**
 * A date such that an episode begun on or before it holds the canonical instant `at` in every time zone (none is a
 * day or more behind UTC), or null when `at` is too far ahead of `now` to be stored at all.
 */
export function surelyWithinFrom(at: string, now: Date): string | null {
  const ms = Date.parse(at);
  return ms > now.getTime() + CLOCK_SKEW_MS ? null : new Date(ms - DAY_MS).toISOString().slice(0, 10);
}

/**
 * A stored triage, read under the current rule table: results stored before clinical.md §1 retired U8 are brought
 * up to date (U8 → advisory S5) on every read, so no stored row needs rewriting and no response names a retired id.
 */
export function storedTriage(text: string): TriageResult {
  return upgradeStoredTriage(JSON.parse(text) as TriageResult);
}

export function toEpisode(row: EpisodeRow): Episode {
  return {
    id: row.id,
    onsetDate: row.onset_date,
    regions: JSON.parse(row.regions) as string[],
    painNow: row.pain_now,
    safety: JSON.parse(row.safety) as Episode['safety'],
    triage: storedTriage(row.triage),
    currentTriage: storedTriage(row.current_triage),
    currentTriageAt: row.current_triage_at,
    clinicianSeenOn: row.clinician_seen_on,
    clinicianRecordedAt: row.clinician_recorded_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Stored body maps are lists of { region, pain, spasm }; rows written before body maps hold plain ids. */
export function bodyMapOf(row: Pick<CheckInRow, 'regions' | 'pain_now'>): RegionPain[] {
  return toBodyMap(JSON.parse(row.regions) as (RegionId | RegionPain)[], row.pain_now);
}

export function toCheckIn(row: CheckInRow): CheckIn {
  const bodyMap = bodyMapOf(row);
  return {
    id: row.id,
    episodeId: row.episode_id,
    at: row.at,
    painNow: row.pain_now,
    painWorst24h: row.pain_worst_24h,
    standStraight: row.stand_straight as CheckIn['standStraight'],
    walkMinutes: row.walk_minutes,
    regions: painfulRegions(bodyMap),
    bodyMap,
    safety: row.safety === null ? null : (JSON.parse(row.safety) as CheckIn['safety']),
    triage: row.triage === null ? null : storedTriage(row.triage),
    createdAt: row.created_at,
  };
}

/**
 * The leg rule (src/core/clinical/legRecheck.ts) over what is stored, whatever client sent it: a check-in with new
 * leg pain and no safety answers is kept, and the episode needs its safety questions again until answers arrive.
 */
export function rescreenOf(episode: Pick<EpisodeRow, 'regions' | 'pain_now' | 'safety_at'>, checkIns: readonly CheckInRow[]): Rescreen {
  const start = { regions: JSON.parse(episode.regions) as string[], painNow: episode.pain_now, screenedAt: episode.safety_at };
  return legRescreen(
    start,
    checkIns.map((c) => ({ at: c.at, recordedAt: c.updated_at, bodyMap: bodyMapOf(c), screenedAt: c.safety === null ? null : c.safety_at })),
  );
}

/**
 * The most recently answered safety screen is the current one: answers describe the person as they are when
 * they give them, even on a back-dated check-in.
 */
function currentTriageOf(episode: Pick<EpisodeRow, 'triage' | 'safety_at'>, checkIns: CheckInRow[]): Pick<EpisodeRow, 'current_triage' | 'current_triage_at'> {
  const screens = [
    { at: episode.safety_at, id: '', triage: episode.triage },
    ...checkIns.flatMap((c) => (c.triage === null || c.safety_at === null ? [] : [{ at: c.safety_at, id: c.id, triage: c.triage }])),
  ].sort((a, b) => compareText(a.at, b.at) || compareText(a.id, b.id));
  const latest = screens[screens.length - 1];
  return { current_triage: latest?.triage ?? episode.triage, current_triage_at: latest?.at ?? episode.safety_at };
}

/**
 * Checks that a logged instant is not in the future and not before the episode began (in the person's
 * time zone), and returns it in canonical UTC form.
 */
export function instantWithinEpisode(path: string, iso: string, episode: Pick<EpisodeRow, 'onset_date'>, timeZone: string, now: Date): string {
  const at = new Date(iso);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid([{ path, rule: 'not_future', message: 'cannot be later than now' }]);
  if (localDateOf(at, timeZone) < episode.onset_date) throw invalid([{ path, rule: 'within_episode', message: 'cannot be before this episode started' }]);
  return at.toISOString();
}

/**
 * What an episode start holds and its triage. Pain is asked once: `painNow` and `safety.painNRS` each fill the other.
 * An emergency in the answers given is enough to store the start (nothing else is asked then); otherwise every
 * required safety question and the start's own details must be there, or each missing one is named with `required`.
 */
function startOf(input: EpisodePut): { safety: PartialSafetyAnswers; pain: number | undefined; triage: TriageResult } {
  const pain = input.painNow ?? input.safety.painNRS;
  const safety: PartialSafetyAnswers = pain === undefined ? input.safety : { ...input.safety, painNRS: input.safety.painNRS ?? pain };
  const emergency = emergencyFromPartial(safety);
  if (emergency) return { safety, pain, triage: emergency };
  const required = (path: string, message: string): FieldIssue => ({ path, rule: 'required', message });
  const missing: FieldIssue[] = [
    ...(input.onsetDate === undefined ? [required('onsetDate', 'must be given')] : []),
    ...(input.regions === undefined ? [required('regions', 'choose at least one place that hurts')] : []),
    ...(pain === undefined ? [required('painNow', 'must be a number from 0 to 10')] : []),
    ...missingRequired(safety).map((f) => required(`safety.${f}`, 'must be answered')),
  ];
  const complete = completeSafetyAnswers(safety);
  if (missing.length > 0 || complete === null) throw invalid(missing);
  return { safety, pain, triage: triage(complete) };
}

export function episodeService({ persons, episodes, checkIns, clock }: EpisodeDeps) {
  async function timeZoneOf(personId: string): Promise<string> {
    return (await persons.findById(personId))?.time_zone ?? 'UTC';
  }

  async function owned(personId: string, id: string): Promise<EpisodeRow> {
    const row = await episodes.findOwned(personId, id);
    if (!row) throw notFound('That episode');
    return row;
  }

  /** The episode, its owner's time zone and its generation, read together (one round trip on the write paths). */
  async function ownedInZone(personId: string, id: string): Promise<{ episode: EpisodeRow; timeZone: string; generation: number }> {
    const row = await episodes.findOwnedWithZone(personId, id);
    if (!row) throw notFound('That episode');
    const { time_zone: timeZone, replay_generation: generation, ...episode } = row;
    return { episode, timeZone, generation: Number(generation) };
  }

  return {
    owned,
    ownedInZone,

    async put(personId: string, id: string, input: EpisodePut): Promise<Episode> {
      const now = clock();
      const today = localDateOf(now, await timeZoneOf(personId));
      if (input.onsetDate !== undefined && input.onsetDate > today) {
        throw invalid([{ path: 'onsetDate', rule: 'not_future', message: 'cannot be later than today' }]);
      }
      if (input.onsetDate !== undefined && input.onsetDate < addDays(today, -ONSET_MAX_DAYS_AGO)) {
        throw invalid([{ path: 'onsetDate', rule: 'too_long_ago', message: `cannot be more than ${ONSET_MAX_DAYS_AGO} days ago` }]);
      }
      const start = startOf(input);
      const safety = JSON.stringify(start.safety);
      const triageText = JSON.stringify(start.triage);
      // What an emergency start had no answer for: it began today, no places yet, pain 0 (its answer is absent).
      const fields = {
        onset_date: input.onsetDate ?? today,
        regions: JSON.stringify(input.regions ?? []),
        pain_now: start.pain ?? 0,
        safety,
        triage: triageText,
      };
      const stamp = now.toISOString();
      const inserted = await episodes.insertIfAbsent({
        id,
        person_id: personId,
        ...fields,
        safety_at: stamp,
        current_triage: triageText,
        current_triage_at: stamp,
        clinician_seen_on: null,
        clinician_recorded_at: null,
        created_at: stamp,
        updated_at: stamp,
      });
      if (!inserted) {
        const existing = await owned(personId, id);
        const unchanged = (Object.keys(fields) as (keyof typeof fields)[]).every((k) => existing[k] === fields[k]);
        if (!unchanged) {
          const safetyAt = existing.safety === safety ? existing.safety_at : stamp;
          const current = currentTriageOf({ triage: triageText, safety_at: safetyAt }, await checkIns.listForEpisode(personId, id));
          await episodes.update(personId, id, { ...fields, safety_at: safetyAt, ...current, updated_at: stamp });
        }
      }
      return toEpisode(await owned(personId, id));
    },

    async list(personId: string): Promise<Episode[]> {
      return (await episodes.listOwned(personId)).map(toEpisode);
    },

    async get(personId: string, id: string): Promise<Episode> {
      return toEpisode(await owned(personId, id));
    },

    async recordClinicianCheck(personId: string, id: string, input: z.infer<typeof ClinicianCheckPut>): Promise<Episode> {
      const episode = await owned(personId, id);
      const timeZone = await timeZoneOf(personId);
      const today = localDateOf(clock(), timeZone);
      if (input.seenOn > today) throw invalid([{ path: 'seenOn', rule: 'not_future', message: 'cannot be later than today' }]);
      if (input.seenOn < episode.onset_date) throw invalid([{ path: 'seenOn', rule: 'within_episode', message: 'cannot be before this episode started' }]);
      const triage = storedTriage(episode.current_triage);
      const earliest = earliestClinicianVisit({ onsetDate: episode.onset_date, triage, triagedAt: episode.current_triage_at }, timeZone);
      if (input.seenOn < earliest) throw invalid([{ path: 'seenOn', rule: 'not_before_triage', message: 'cannot be before the day of your latest safety check' }]);
      // Recorded again after a newer triage (even with the same date), the visit answers that triage too.
      const answersCurrent = episode.clinician_recorded_at !== null && episode.clinician_recorded_at >= episode.current_triage_at;
      if (episode.clinician_seen_on !== input.seenOn || !answersCurrent) {
        const stamp = clock().toISOString();
        await episodes.update(personId, id, { clinician_seen_on: input.seenOn, clinician_recorded_at: stamp, updated_at: stamp });
      }
      return toEpisode(await owned(personId, id));
    },

    async putCheckIn(personId: string, episodeId: string, id: string, input: CheckInPut): Promise<CheckIn> {
      const now = clock();
      const fields = {
        at: new Date(input.at).toISOString(),
        pain_now: input.painNow,
        pain_worst_24h: input.painWorst24h,
        stand_straight: input.standStraight,
        walk_minutes: input.walkMinutes,
        regions: JSON.stringify(toBodyMap(input.regions ?? [], input.painNow)),
        safety: input.safety ? JSON.stringify(input.safety) : null,
        triage: input.safety ? JSON.stringify(triage(input.safety as SafetyAnswers)) : null,
      };
      const stamp = now.toISOString();
      const safetyAt = fields.safety === null ? null : stamp;
      const row: CheckInRow = { id, episode_id: episodeId, person_id: personId, ...fields, safety_at: safetyAt, created_at: stamp, updated_at: stamp };
      // The episode is read and (when `at` is surely within it) the check-in inserted in one go; the exact checks follow.
      const surelyFrom = surelyWithinFrom(fields.at, now);
      const written = await checkIns.insertIntoOwned(row, surelyFrom);
      if (!written) throw notFound('That episode');
      const { time_zone: timeZone, ...episode } = written.episode;
      instantWithinEpisode('at', input.at, episode, timeZone, now);
      // Not inserted: the id exists, or `at` was near the onset and is now known to be within the episode.
      const inserted = written.inserted || (surelyFrom !== null && episode.onset_date > surelyFrom && (await checkIns.insertIfAbsent(row)));
      let screeningChanged = fields.safety !== null;
      if (!inserted) {
        const existing = await checkIns.findById(id);
        if (!existing || existing.person_id !== personId || existing.episode_id !== episodeId) throw notFound('That check-in');
        const unchanged = (Object.keys(fields) as (keyof typeof fields)[]).every((k) => existing[k] === fields[k]);
        const sameAnswers = existing.safety === fields.safety;
        screeningChanged = !sameAnswers;
        if (!unchanged) await checkIns.update(personId, id, { ...fields, safety_at: sameAnswers ? existing.safety_at : safetyAt, updated_at: stamp });
      }
      // Only new or changed safety answers can change the current triage.
      if (screeningChanged) {
        const current = currentTriageOf(episode, await checkIns.listForEpisode(personId, episodeId));
        if (current.current_triage !== episode.current_triage || current.current_triage_at !== episode.current_triage_at) {
          await episodes.update(personId, episodeId, { ...current, updated_at: stamp });
        }
      }
      // A new check-in is exactly the row just written; only a replaced one is read back.
      const saved = inserted ? row : await checkIns.findById(id);
      if (!saved) throw notFound('That check-in');
      return toCheckIn(saved);
    },

    async listCheckIns(personId: string, episodeId: string): Promise<CheckIn[]> {
      await owned(personId, episodeId);
      return (await checkIns.listForEpisode(personId, episodeId)).map(toCheckIn);
    },

    async timeZoneOf(personId: string): Promise<string> {
      return timeZoneOf(personId);
    },
  };
}
export type EpisodeService = ReturnType<typeof episodeService>;
