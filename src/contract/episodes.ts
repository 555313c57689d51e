import { z } from 'zod';
import { IsoDate, IsoInstant, Pain, RegionId, Uuid } from './common';
import { PartialSafetyAnswers, SafetyAnswers, TriageResult } from './safety';

const Regions = z.array(RegionId).min(1, { error: 'choose at least one place that hurts' }).max(40);

/**
 * The start of an episode. Usually everything is here. When the safety answers given so far are already an
 * emergency (core `emergencyFromPartial`), the rest may be missing and the episode is stored with what is known:
 * onset today, no places, pain 0 unless given (`safety.painNRS` is then absent too). Otherwise every required
 * safety question (core `REQUIRED_SAFETY_FIELDS`), `onsetDate`, `regions` and the pain (`painNow` or
 * `safety.painNRS`, asked once: each fills the other) must be there, or the answer is a 400 naming each missing
 * field with rule `required`. Unanswered optional questions count as no.
 */
/** The earliest onset accepted: this many days before the day the episode is entered (older is not an acute episode). */
export const ONSET_MAX_DAYS_AGO = 365;

export const EpisodePut = z.strictObject({
  onsetDate: IsoDate.optional(),
  regions: Regions.optional(),
  painNow: Pain.optional(),
  safety: PartialSafetyAnswers,
});
export type EpisodePut = z.infer<typeof EpisodePut>;

export const Episode = z.object({
  id: z.string(),
  onsetDate: z.string(),
  regions: z.array(z.string()),
  painNow: z.number(),
  /** The answers as given: an emergency start may have stopped before the rest were asked. */
  safety: PartialSafetyAnswers,
  triage: TriageResult,
  /** The latest safety screen (the start, or a later check-in that reported something new). */
  currentTriage: TriageResult,
  clinicianSeenOn: z.string().nullable(),
  /**
   * When the current triage was made and when the clinician visit was recorded (ISO instants): what "may this
   * person start a session now" (core/plan/mayStart) needs. Optional only so that an answer kept offline by an
   * older version still reads; the server always sends both.
   */
  currentTriageAt: z.string().optional(),
  clinicianRecordedAt: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Episode = z.infer<typeof Episode>;

export const ClinicianCheckPut = z.strictObject({ seenOn: IsoDate });

export const StandStraight = z.enum(['yes', 'partly', 'no'], { error: 'must be yes, partly or no' });

export const RegionPainSchema = z.strictObject({
  region: RegionId,
  pain: Pain,
  spasm: z.boolean({ error: 'must be true or false' }).default(false),
});

export const CheckInPut = z.strictObject({
  at: IsoInstant,
  painNow: Pain,
  painWorst24h: Pain,
  standStraight: StandStraight,
  walkMinutes: z.number({ error: 'must be a whole number of minutes' }).int({ error: 'must be a whole number of minutes' }).min(0, { error: 'must be 0 or more' }).max(600, { error: 'must be 600 or less' }),
  /** Where it hurts: region ids, or a body map of { region, pain 0–10, spasm }. */
  regions: z.array(z.union([RegionId, RegionPainSchema], { error: 'must be a body region id, or { region, pain, spasm }' })).max(40).optional(),
  /** Present when the person reported something new or changed: the safety questions answered again. */
  safety: SafetyAnswers.optional(),
});
export type CheckInPut = z.infer<typeof CheckInPut>;

export const CheckIn = z.object({
  id: z.string(),
  episodeId: z.string(),
  at: z.string(),
  painNow: z.number(),
  painWorst24h: z.number(),
  standStraight: StandStraight,
  walkMinutes: z.number(),
  /** The regions that hurt (pain above 0). */
  regions: z.array(z.string()),
  /** The whole body map of this check-in. */
  bodyMap: z.array(z.object({ region: z.string(), pain: z.number(), spasm: z.boolean() })),
  safety: SafetyAnswers.nullable(),
  triage: TriageResult.nullable(),
  createdAt: z.string(),
});
export type CheckIn = z.infer<typeof CheckIn>;

/**
 * Whether the episode needs its safety questions answered again before any plan (src/core/clinical/legRecheck.ts):
 * a check-in showed new pain in a leg place and no safety answers have been given since. It ends with the next
 * check-in that carries `safety`.
 */
export const Rescreen = z.discriminatedUnion('needed', [
  z.object({ needed: z.literal(false) }),
  z.object({ needed: z.literal(true), reason: z.literal('new_leg_pain'), regions: z.array(RegionId) }),
]);
export type Rescreen = z.infer<typeof Rescreen>;

export const CheckInIdParams = z.strictObject({ id: Uuid, checkInId: Uuid });
