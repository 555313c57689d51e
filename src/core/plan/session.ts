import type { BodyArea, MuscleId } from '../body';
import { doseSeconds, type Dose, type Exercise, type ExerciseStyle, type SessionRole } from '../exercises/types';
import { stageIndex, type StageId } from './stages';
import { DOSE_MIN, type SessionRange } from './pacing';
import type { RelatedPain } from './regions';
import type { SessionExercise } from './types';

/**
 * Choosing today's session from a catalogue (passed in, never imported). The engine reads exercise
 * properties only (stages, role, loadType, strengthens, relaxes, style, easierId), never ids.
 *
 * 1. Eligible: the exercise's stages include today's stage, and it does not load a tight muscle.
 * 2. Exercises that hurt recently are replaced by their easier variant (or left out if none fits).
 * 3. Focus picks first: strengthening for weak muscles (from `move` on), relaxing/stretching for tight
 *    ones, gentle relaxing work for related pains. Then one warm-up and one cool-down, then main exercises
 *    in the chosen styles (general as the fallback) until the time is reached.
 * 4. Size: the fewest exercises that reach the range at a dose factor no higher than allowed.
 * Variety comes from rotating each list by the day number, never from randomness.
 */

export interface SessionNeeds {
  stage: StageId;
  /** Rotation offset (the plan date's day number). */
  rotation: number;
  styles: readonly ExerciseStyle[];
  weak: readonly MuscleId[];
  tight: readonly MuscleId[];
  related: readonly RelatedPain[];
  /** Exercises that hurt recently. */
  hurt: ReadonlySet<string>;
}

export interface SessionLimits extends SessionRange {
  maxDoseFactor: number;
}

export interface Substitution {
  fromId: string;
  /** The easier variant used instead, or null when none fits today. */
  toId: string | null;
}

export interface SessionChoice {
  exercises: SessionExercise[];
  totalSeconds: number;
  doseFactor: number;
  /** How many rounds of the main exercises (1 unless the catalogue ran short of exercises). */
  rounds: number;
  strengthened: MuscleId[];
  relaxed: MuscleId[];
  relatedAreas: BodyArea[];
  substitutions: Substitution[];
}

/** Loading work: an exercise of loadType 'strengthen'. */
export function loadsMuscle(ex: Exercise, muscle: MuscleId): boolean {
  return ex.loadType === 'strengthen' && ex.strengthens.includes(muscle);
}

/** Tight muscles never get loading work. */
export function loadsAnyOf(ex: Exercise, muscles: readonly MuscleId[]): boolean {
  return muscles.some((m) => loadsMuscle(ex, m));
}

const GENTLE_FOR_TIGHT: ReadonlySet<Exercise['loadType']> = new Set(['relax', 'mobilise']);
const GENTLE_FOR_RELATED: ReadonlySet<Exercise['loadType']> = new Set(['relax', 'mobilise', 'breathe']);

export function relaxesMuscle(ex: Exercise, muscle: MuscleId): boolean {
  return GENTLE_FOR_TIGHT.has(ex.loadType) && ex.relaxes.includes(muscle);
}

/** The shortest a timed dose is scaled to (or its own length if shorter). */
const MIN_TIMED_SECONDS = 10;
const FACTOR_STEP = 0.05;
/** Rounds of the main exercises tried when the catalogue runs short. */
const MAX_ROUNDS = 3;

/** The catalogue dose scaled by `factor` (reps or holds per set, or seconds), with `rounds` times the sets. */
export function scaleDose(dose: Dose, factor: number, rounds = 1): Dose {
  switch (dose.kind) {
    case 'reps':
      return { ...dose, reps: Math.max(1, Math.round(dose.reps * factor)), sets: dose.sets * rounds };
    case 'hold':
      return { ...dose, reps: Math.max(1, Math.round(dose.reps * factor)), sets: dose.sets * rounds };
    case 'time': {
      const seconds = Math.max(Math.min(dose.seconds, MIN_TIMED_SECONDS), Math.round((dose.seconds * factor) / 5) * 5);
      return { ...dose, seconds: seconds * rounds };
    }
  }
}

function rotate<T>(list: readonly T[], by: number): T[] {
  if (list.length === 0) return [];
  const k = ((by % list.length) + list.length) % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

type Tier = 0 | 1 | 2;

function tierOf(ex: Exercise, styles: readonly ExerciseStyle[]): Tier {
  if (styles.includes(ex.style)) return 0;
  return ex.style === 'general' ? 1 : 2;
}

/** Chosen styles first, then general, then the rest (only where `maxTier` allows); each tier rotated. */
function ordered(list: readonly Exercise[], needs: SessionNeeds, maxTier: Tier = 2): Exercise[] {
  const out: Exercise[] = [];
  for (const tier of [0, 1, 2] as const) {
    if (tier > maxTier) break;
    out.push(...rotate(list.filter((e) => tierOf(e, needs.styles) === tier), needs.rotation));
  }
  return out;
}

/** Eligible exercises, with recently painful ones swapped for their easier variant. Catalogue order. */
export function eligiblePool(catalogue: readonly Exercise[], needs: SessionNeeds): { pool: Exercise[]; substitutions: Substitution[] } {
  const byId = new Map(catalogue.map((e) => [e.id, e]));
  const eligible = (e: Exercise) => e.stages.includes(needs.stage) && !loadsAnyOf(e, needs.tight);
  const usable = (e: Exercise) => eligible(e) && !needs.hurt.has(e.id);
  const easierUsable = (from: Exercise): Exercise | null => {
    const visited = new Set<string>([from.id]);
    let current = from;
    for (;;) {
      const next = current.easierId ? byId.get(current.easierId) : undefined;
      if (!next || visited.has(next.id)) return null;
      if (usable(next)) return next;
      visited.add(next.id);
      current = next;
    }
  };
  const pool: Exercise[] = [];
  const ids = new Set<string>();
  const substitutions: Substitution[] = [];
  const add = (e: Exercise) => {
    if (!ids.has(e.id)) {
      ids.add(e.id);
      pool.push(e);
    }
  };
  for (const ex of catalogue) {
    if (!eligible(ex)) continue;
    if (!needs.hurt.has(ex.id)) {
      add(ex);
      continue;
    }
    const easier = easierUsable(ex);
    substitutions.push({ fromId: ex.id, toId: easier?.id ?? null });
    if (easier) add(easier);
  }
  return { pool, substitutions };
}

function factorGrid(min: number, max: number): number[] {
  const grid: number[] = [];
  for (let k = Math.ceil(min / FACTOR_STEP - 1e-9); k * FACTOR_STEP <= max + 1e-9; k++) grid.push(Math.round(k * FACTOR_STEP * 100) / 100);
  if (grid.length === 0 || (grid[grid.length - 1] ?? 0) < max - 1e-9) grid.push(max);
  return grid;
}

function totalSeconds(list: readonly Exercise[], factor: number, rounds: number): number {
  let total = 0;
  for (const e of list) total += doseSeconds(scaleDose(e.dose, factor, e.role === 'main' ? rounds : 1));
  return total;
}

interface Fit {
  list: Exercise[];
  factor: number;
  rounds: number;
  total: number;
}

/** Dose factors within this share of the allowed maximum may be used to land closer to the target length. */
const FINE_TUNE_BAND = 0.85;

/**
 * Sizes the session. At a given dose factor the core goes in, then fillers in order, each only if it still
 * fits under the upper bound, until the target is reached (first fit). Among factors from the allowed
 * maximum down to FINE_TUNE_BAND of it, the fit closest to the target wins; below that band, the first
 * factor that lands in range. So doses stay near the allowed maximum, and the number of exercises does most
 * of the sizing. If the whole catalogue is too short at the highest factor, the main exercises are repeated
 * in rounds. If nothing lands in range, the longest session under the upper bound is used.
 */
function fit(core: readonly Exercise[], fillers: readonly Exercise[], limits: SessionLimits): Fit | null {
  const minFactor = Math.min(DOSE_MIN, limits.maxDoseFactor);
  const grid = factorGrid(minFactor, limits.maxDoseFactor).reverse();
  const upper = limits.upperSeconds + 1e-6;
  const lower = limits.lowerSeconds - 1e-6;
  const bandFloor = limits.maxDoseFactor * FINE_TUNE_BAND - 1e-9;
  let best: Fit | null = null;
  for (let rounds = 1; rounds <= MAX_ROUNDS; rounds++) {
    let inBand: Fit | null = null;
    for (const factor of grid) {
      if (inBand && factor < bandFloor) return inBand;
      const seconds = (e: Exercise) => doseSeconds(scaleDose(e.dose, factor, e.role === 'main' ? rounds : 1));
      let total = core.reduce((sum, e) => sum + seconds(e), 0);
      if (total > upper) continue;
      const list = [...core];
      for (const e of fillers) {
        if (total >= limits.targetSeconds) break;
        const t = seconds(e);
        if (total + t <= upper) {
          list.push(e);
          total += t;
        }
      }
      const candidate = { list, factor, rounds, total };
      if (total >= lower) {
        if (factor < bandFloor) return candidate;
        const gap = (f: Fit) => Math.abs(f.total - limits.targetSeconds);
        if (!inBand || gap(candidate) < gap(inBand)) inBand = candidate;
      } else if (!best || total > best.total) {
        best = candidate;
      }
    }
    if (inBand) return inBand;
    const all = [...core, ...fillers];
    const catalogueShort = all.some((e) => e.role === 'main') && totalSeconds(all, limits.maxDoseFactor, rounds) < limits.lowerSeconds;
    if (!catalogueShort) break;
  }
  return best;
}

const ROLE_ORDER: Record<SessionRole, number> = { 'warm-up': 0, main: 1, 'cool-down': 2 };

/** Today's session for the needs and limits given. */
export function chooseSession(catalogue: readonly Exercise[], needs: SessionNeeds, limits: SessionLimits): SessionChoice {
  const { pool, substitutions } = eligiblePool(catalogue, needs);
  const picked: Exercise[] = [];
  const take = (candidates: readonly Exercise[]): Exercise | null => {
    const found = ordered(candidates, needs).find((e) => !picked.includes(e)) ?? null;
    if (found) picked.push(found);
    return found;
  };

  // Focus picks, in keep-longest order: weak, then tight, then related.
  const weakPicks: Exercise[] = [];
  if (stageIndex(needs.stage) >= stageIndex('move')) {
    for (const m of needs.weak) {
      if (picked.some((e) => loadsMuscle(e, m))) continue;
      const e = take(pool.filter((x) => loadsMuscle(x, m)));
      if (e) weakPicks.push(e);
    }
  }
  const tightPicks: Exercise[] = [];
  for (const m of needs.tight) {
    if (picked.some((e) => relaxesMuscle(e, m))) continue;
    const e = take(pool.filter((x) => relaxesMuscle(x, m)));
    if (e) tightPicks.push(e);
  }
  const relatedPicks: Exercise[] = [];
  for (const rp of needs.related) {
    const helps = (x: Exercise) => GENTLE_FOR_RELATED.has(x.loadType) && x.relaxes.some((m) => rp.muscles.includes(m));
    if (picked.some(helps)) continue;
    const e = take(pool.filter(helps));
    if (e) relatedPicks.push(e);
  }
  const warmUp = picked.some((e) => e.role === 'warm-up') ? null : take(pool.filter((e) => e.role === 'warm-up'));
  const coolDown = picked.some((e) => e.role === 'cool-down') ? null : take(pool.filter((e) => e.role === 'cool-down'));

  const fillers = [
    ...ordered(pool.filter((e) => e.role === 'main' && !picked.includes(e)), needs, 1),
    ...ordered(pool.filter((e) => e.role !== 'main' && !picked.includes(e)), needs, 1),
  ];

  // Drop order when even the core cannot fit: related, tight, cool-down, warm-up, then weak (last first).
  const dropOrder = [...relatedPicks.reverse(), ...tightPicks.reverse(), coolDown, warmUp, ...weakPicks.reverse()].filter(
    (e): e is Exercise => e !== null,
  );
  let core = [...picked];
  let chosen = fit(core, fillers, limits);
  for (const drop of dropOrder) {
    if (chosen) break;
    core = core.filter((e) => e !== drop);
    chosen = fit(core, fillers, limits);
  }
  const result = chosen ?? { list: [], factor: limits.maxDoseFactor, rounds: 1, total: 0 };

  const list = result.list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => ROLE_ORDER[a.e.role] - ROLE_ORDER[b.e.role] || a.i - b.i)
    .map(({ e }) => e);
  const exercises = list.map((e) => ({
    exerciseId: e.id,
    role: e.role,
    dose: scaleDose(e.dose, result.factor, e.role === 'main' ? result.rounds : 1),
  }));
  return {
    exercises,
    totalSeconds: result.total,
    doseFactor: result.factor,
    rounds: result.rounds,
    strengthened: needs.weak.filter((m) => list.some((e) => loadsMuscle(e, m))),
    relaxed: needs.tight.filter((m) => list.some((e) => relaxesMuscle(e, m))),
    relatedAreas: needs.related
      .filter((rp) => list.some((e) => GENTLE_FOR_RELATED.has(e.loadType) && e.relaxes.some((m) => rp.muscles.includes(m))))
      .map((rp) => rp.area),
    substitutions,
  };
}
