import type { z } from 'zod';
import type { CheckInPut, ComfortPut, EpisodePut, MovementPut, MuscleNotePut, SessionLogPut } from '../../contract';
import { COMFORT_KINDS, COMFORT_UNITS, HELPED_ANSWERS } from '../../core/comfort/kinds';
import { MUSCLE_IDS } from '../../core/body/muscles';
import { REGION_IDS } from '../../core/body/regions';
import { YES_NO_FIELDS } from '../../core/clinical';

/**
 * Small checks of the write bodies kept in the outbox, read back to show them before they are sent. They were
 * made by this app, but the outbox outlives a version of it, so a body is shown only when it still has the shape
 * the contract's schema (src/contract) gives it — the same rules, without loading zod into the first screen.
 * The server still validates every write with the contract itself; bodies.test.ts compares these with it.
 */

type Body = Record<string, unknown>;

export function isRecord(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Only these keys, as a strict zod object allows. */
const onlyKeys = (b: Body, keys: readonly string[]) => Object.keys(b).every((k) => keys.includes(k));
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
const numberIn = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const wholeIn = (v: unknown, min: number, max: number) => numberIn(v, min, max) && Number.isInteger(v);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isPain = (v: unknown) => wholeIn(v, 0, 10);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isInstant = (v: unknown) => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v));
const isDate = (v: unknown) => typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** A whole number within a range, in the contract's words when it is not (`kind`: what it counts). */
const wholeRule = (kind: string, min: number, max: number) => (v: unknown) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || !Number.isInteger(v)) return `must be a whole number ${kind}`;
  if (v < min) return `must be ${min} or more`;
  return v > max ? `must be ${max} or less` : null;
};
const enumRule = (values: readonly string[], words: string) => (v: unknown) => (oneOf(values, v) ? null : words);

/**
 * Each safety answer's rule, as the contract's `SafetyAnswers` states it, with its message: null when the answer
 * passes. bodies.test.ts holds these to the contract, message for message.
 */
const SAFETY_RULES: Record<string, (v: unknown) => string | null> = {
  ...Object.fromEntries(YES_NO_FIELDS.map((f) => [f, (v: unknown) => (v === true || v === false || v === 'unsure' ? null : 'must be yes (true), no (false) or "unsure"')])),
  ageYears: wholeRule('of years', 0, 120),
  sex: enumRule(['female', 'male', 'other'], 'must be female, male or other'),
  legWeakness: enumRule(['none', 'one_leg_stable', 'progressive', 'unsure'], 'must be none, one_leg_stable, progressive or unsure'),
  painNRS: wholeRule('from 0 to 10', 0, 10),
  weeksWithoutImprovement: wholeRule('of weeks', 0, 520),
};
const SAFETY_KEYS = Object.keys(SAFETY_RULES);

/** What is wrong with each given safety answer (an unknown question too), by field; none when all pass. */
export function safetyAnswerIssues(answers: Body): { path: string; rule: string; message: string }[] {
  const issues: { path: string; rule: string; message: string }[] = [];
  for (const [field, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const rule = SAFETY_RULES[field];
    const message = rule ? rule(value) : 'is not a question Unclench asks';
    if (message !== null) issues.push({ path: field, rule: rule ? 'invalid' : 'unrecognized_keys', message });
  }
  return issues;
}

/** Safety answers as far as they go (contract `PartialSafetyAnswers`): each given answer well formed. */
export function isPartialSafetyAnswers(v: unknown): v is EpisodePut['safety'] {
  return isRecord(v) && safetyAnswerIssues(v).length === 0;
}

/** A full set of safety answers (contract `SafetyAnswers`): every one but `sex` given. */
export function isSafetyAnswers(v: unknown): v is NonNullable<CheckInPut['safety']> {
  return isPartialSafetyAnswers(v) && SAFETY_KEYS.every((k) => k === 'sex' || (v as Body)[k] !== undefined);
}

const isRegion = (v: unknown) => oneOf(REGION_IDS, v);
const isRegionPain = (v: unknown) => isRecord(v) && onlyKeys(v, ['region', 'pain', 'spasm']) && isRegion(v.region) && isPain(v.pain) && optional(v.spasm, (s) => typeof s === 'boolean');

export function isEpisodeStartBody(b: unknown): b is EpisodePut {
  return (
    isRecord(b) &&
    onlyKeys(b, ['onsetDate', 'regions', 'painNow', 'safety']) &&
    optional(b.onsetDate, isDate) &&
    optional(b.regions, (r) => Array.isArray(r) && r.length >= 1 && r.length <= 40 && r.every(isRegion)) &&
    optional(b.painNow, isPain) &&
    isPartialSafetyAnswers(b.safety)
  );
}

export function isCheckInBody(b: unknown): b is CheckInPut {
  return (
    isRecord(b) &&
    onlyKeys(b, ['at', 'painNow', 'painWorst24h', 'standStraight', 'walkMinutes', 'regions', 'safety']) &&
    isInstant(b.at) &&
    isPain(b.painNow) &&
    isPain(b.painWorst24h) &&
    oneOf(['yes', 'partly', 'no'], b.standStraight) &&
    wholeIn(b.walkMinutes, 0, 600) &&
    optional(b.regions, (r) => Array.isArray(r) && r.length <= 40 && r.every((x) => isRegion(x) || isRegionPain(x))) &&
    optional(b.safety, isSafetyAnswers)
  );
}

type FieldIssue = { path: string; rule: string; message: string };
const INSTANT_WORDS = 'must be a date and time with a time zone, e.g. 2026-11-24T08:30:00Z';
/** A number in (0, 10000], as the contract's `Amount`. */
const amountRule = (v: unknown) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a number';
  if (v <= 0) return 'must be more than 0';
  return v > 10_000 ? 'must be 10000 or less' : null;
};
const orAbsent = (rule: (v: unknown) => string | null) => (v: unknown) => (v === undefined || v === null ? null : rule(v));

/** What is wrong with each field of a body, by `rules` (in the schema's order), an unknown field too; none when all pass. */
function fieldIssues(body: Body, rules: Record<string, (v: unknown) => string | null>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, rule] of Object.entries(rules)) {
    const message = rule(body[field]);
    if (message !== null) issues.push({ path: field, rule: 'invalid', message });
  }
  for (const field of Object.keys(body)) if (!(field in rules)) issues.push({ path: field, rule: 'unrecognized_keys', message: 'is not a field Unclench expects' });
  return issues;
}

/** The contract's `MovementPut`, rule by rule, with its messages (bodies.test.ts holds them to it). */
const MOVEMENT_RULES: Record<string, (v: unknown) => string | null> = {
  kind: enumRule(['walk', 'stand-break', 'lie-flat'], 'must be walk, stand-break or lie-flat'),
  startedAt: (v) => (isInstant(v) ? null : INSTANT_WORDS),
  minutes: (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a number of minutes';
    if (v < 0) return 'must be 0 or more';
    return v > 600 ? 'must be 600 or less' : null;
  },
};

/** The contract's `ComfortPut`, rule by rule, with its messages. */
const COMFORT_RULES: Record<string, (v: unknown) => string | null> = {
  kind: enumRule(COMFORT_KINDS, `must be one of: ${COMFORT_KINDS.join(', ')}`),
  name: (v) => {
    if (typeof v !== 'string') return 'must be text';
    const trimmed = v.trim();
    if (trimmed.length < 1) return 'is required';
    return trimmed.length > 80 ? 'must be 80 characters or fewer' : null;
  },
  amount: amountRule,
  unit: orAbsent(enumRule(COMFORT_UNITS, `must be one of: ${COMFORT_UNITS.join(', ')}`)),
  dailyMax: orAbsent(amountRule),
  at: (v) => (isInstant(v) ? null : INSTANT_WORDS),
  helped: orAbsent(enumRule(HELPED_ANSWERS, `must be one of: ${HELPED_ANSWERS.join(', ')}`)),
};

/** What is wrong with a walk, break or rest the Move screen is about to save, by field. */
export function movementIssues(body: Body): FieldIssue[] {
  return fieldIssues(body, MOVEMENT_RULES);
}

/** What is wrong with a comfort entry the Move screen is about to save, by field. */
export function comfortIssues(body: Body): FieldIssue[] {
  return fieldIssues(body, COMFORT_RULES);
}

export function isMovementBody(b: unknown): b is MovementPut {
  return isRecord(b) && movementIssues(b).length === 0;
}


export function isComfortBody(b: unknown): b is ComfortPut {
  return isRecord(b) && comfortIssues(b).length === 0;
}

const isSessionExercise = (e: unknown) =>
  isRecord(e) &&
  onlyKeys(e, ['exerciseId', 'outcome', 'reps', 'holdSeconds', 'painDuring']) &&
  typeof e.exerciseId === 'string' &&
  /^[a-z0-9-]{1,80}$/.test(e.exerciseId) &&
  oneOf(['done', 'skipped', 'swapped'], e.outcome) &&
  optional(e.reps, (r) => wholeIn(r, 0, 500)) &&
  optional(e.holdSeconds, (s) => wholeIn(s, 0, 3600)) &&
  optional(e.painDuring, isPain);

export function isSessionBody(b: unknown): b is SessionLogPut {
  return (
    isRecord(b) &&
    onlyKeys(b, ['startedAt', 'endedAt', 'painBefore', 'painAfter', 'feel', 'exercises']) &&
    isInstant(b.startedAt) &&
    isInstant(b.endedAt) &&
    isPain(b.painBefore) &&
    isPain(b.painAfter) &&
    oneOf(['too_easy', 'right', 'too_much'], b.feel) &&
    Array.isArray(b.exercises) &&
    b.exercises.length <= 60 &&
    b.exercises.every(isSessionExercise)
  );
}

export function isMuscleNoteBody(b: unknown): b is z.infer<typeof MuscleNotePut> {
  return isRecord(b) && onlyKeys(b, ['muscle', 'feels']) && oneOf(MUSCLE_IDS, b.muscle) && oneOf(['weak', 'tight'], b.feels);
}

/**
 * The server's answer to a write that the outbox sent: made by the server from its own validated records, so only
 * checked to be the record asked for (a proxy's error page or an empty answer is not).
 */
export function isStoredRecord(reply: unknown, kind: 'episode' | 'comfort' | 'check-in'): boolean {
  if (!isRecord(reply) || typeof reply.id !== 'string' || typeof reply.createdAt !== 'string') return false;
  if (kind === 'check-in') {
    return typeof reply.episodeId === 'string' && isInstant(reply.at) && isPain(reply.painNow) && isPain(reply.painWorst24h) && Array.isArray(reply.regions) && Array.isArray(reply.bodyMap);
  }
  return kind === 'episode' ? isRecord(reply.currentTriage) && typeof reply.onsetDate === 'string' : oneOf(COMFORT_KINDS, reply.kind) && isInstant(reply.at);
}
