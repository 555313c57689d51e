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
  /** Exercises a therapist pinned: picked when today's pool holds them (the stage allows, nothing hurt or tight rules them out). */
  pinned?: readonly string[];
}

export interface SessionLimits extends SessionRange {
  maxDoseFactor: number;
  /** At most this many movements (a step back never adds movements to the session it shortens). */
  maxExercises?: number;
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
  /** The pinned exercises that made it into the session. */
  pinned: string[];
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

type Tier = 0 | 1 | 2;

function tierOf(ex: Exercise, styles: readonly ExerciseStyle[]): Tier {
  if (styles.includes(ex.style)) return 0;
  return ex.style === 'general' ? 1 : 2;
}

/** The list split by tier (chosen styles, general, the rest), each in list order. */
function byTier(list: readonly Exercise[], styles: readonly ExerciseStyle[]): Tiers {
  const tiers: Tiers = [[], [], []];
  for (const e of list) tiers[tierOf(e, styles)]?.push(e);
  return tiers;
}

/** The index a list of `length` starts at when rotated by `by`. */
function rotationStart(length: number, by: number): number {
  return ((by % length) + length) % length;
}

/** Adds the list to `out`, rotated by `by`. */
function pushRotated(out: Exercise[], list: readonly Exercise[], by: number): void {
  const k = rotationStart(list.length, by);
  for (let j = 0; j < list.length; j++) out.push(list[(k + j) % list.length] as Exercise);
}

/** The first exercise of the tiers one after another, each rotated by `by`, that `accept`s. */
function firstRotated(tiers: readonly (readonly Exercise[])[], by: number, accept: (e: Exercise) => boolean): Exercise | null {
  for (const tier of tiers) {
    const k = rotationStart(tier.length, by);
    for (let j = 0; j < tier.length; j++) {
      const e = tier[(k + j) % tier.length] as Exercise;
      if (accept(e)) return e;
    }
  }
  return null;
}

/** Exercises by tier (see `byTier`). */
type Tiers = Exercise[][];

/**
 * The day's pool, and for each kind of pick its candidates in tiers. Only the rotation changes from one
 * day to the next, so the pool is kept per catalogue, stage, tight muscles, styles and what hurt recently.
 */
interface SessionPool {
  pool: readonly Exercise[];
  substitutions: readonly Substitution[];
  warmUps: Tiers;
  coolDowns: Tiers;
  /** Filler candidates in order: main exercises, then the rest, each in the chosen styles, then general. */
  fillers: readonly (readonly Exercise[])[];
  /** Kept as first asked for: by weak muscle, by tight muscle, by a related pain's muscles. */
  loading: Map<MuscleId, Tiers>;
  relaxing: Map<MuscleId, Tiers>;
  easing: Map<string, Tiers>;
}

interface CatalogueIndex {
  byId: ReadonlyMap<string, Exercise>;
  pools: Map<string, SessionPool>;
}

/** Catalogues are plain data that never changes, so what is derived from one is kept while it lives. */
const catalogueIndexes = new WeakMap<readonly Exercise[], CatalogueIndex>();

function indexCatalogue(catalogue: readonly Exercise[]): CatalogueIndex {
  let index = catalogueIndexes.get(catalogue);
  if (!index) {
    index = { byId: new Map(catalogue.map((e) => [e.id, e])), pools: new Map() };
    catalogueIndexes.set(catalogue, index);
  }
  return index;
}

/** Pools kept per catalogue; the oldest goes first. Any pool can be rebuilt, so this only bounds memory. */
const MAX_POOLS = 100;

function sessionPool(catalogue: readonly Exercise[], needs: SessionNeeds): SessionPool {
  const index = indexCatalogue(catalogue);
  const hurt = needs.hurt.size > 0 ? JSON.stringify([...needs.hurt].sort()) : '';
  const key = `${needs.stage}|${needs.tight.join(',')}|${needs.styles.join(',')}|${hurt}`;
  let pool = index.pools.get(key);
  if (!pool) {
    const { pool: exercises, substitutions } = buildPool(catalogue, index.byId, needs);
    const tiers = (accept: (e: Exercise) => boolean) => byTier(exercises.filter(accept), needs.styles);
    // Other styles are only for focus and frame picks, so fillers come from the first two tiers.
    const [main0 = [], main1 = []] = tiers((e) => e.role === 'main');
    const [other0 = [], other1 = []] = tiers((e) => e.role !== 'main');
    pool = {
      pool: exercises,
      substitutions,
      warmUps: tiers((e) => e.role === 'warm-up'),
      coolDowns: tiers((e) => e.role === 'cool-down'),
      fillers: [main0, main1, other0, other1],
      loading: new Map(),
      relaxing: new Map(),
      easing: new Map(),
    };
    if (index.pools.size >= MAX_POOLS) index.pools.delete(index.pools.keys().next().value ?? '');
    index.pools.set(key, pool);
  }
  return pool;
}

/** The value kept under `key`, made and kept on first use. */
function kept<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Eligible exercises, with recently painful ones swapped for their easier variant. Catalogue order. */
export function eligiblePool(catalogue: readonly Exercise[], needs: SessionNeeds): { pool: Exercise[]; substitutions: Substitution[] } {
  return buildPool(catalogue, indexCatalogue(catalogue).byId, needs);
}

function buildPool(
  catalogue: readonly Exercise[],
  byId: ReadonlyMap<string, Exercise>,
  needs: SessionNeeds,
): { pool: Exercise[]; substitutions: Substitution[] } {
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

/** Seconds of one round of an exercise by dose factor, kept per (never changing) catalogue exercise. */
const oneRoundSeconds = new WeakMap<Exercise, Map<number, number>>();
/** Factors kept per exercise; more are rare (a grid of 0.05 steps and each day's ceiling), this only bounds memory. */
const MAX_FACTORS_KEPT = 200;

/** An exercise's seconds at a dose factor, with `rounds` of it when it is a main exercise. */
function secondsAt(e: Exercise, factor: number, rounds: number): number {
  if (rounds > 1 && e.role === 'main') return doseSeconds(scaleDose(e.dose, factor, rounds));
  let byFactor = oneRoundSeconds.get(e);
  if (!byFactor) {
    byFactor = new Map();
    oneRoundSeconds.set(e, byFactor);
  }
  let seconds = byFactor.get(factor);
  if (seconds === undefined) {
    seconds = doseSeconds(scaleDose(e.dose, factor));
    if (byFactor.size >= MAX_FACTORS_KEPT) byFactor.clear();
    byFactor.set(factor, seconds);
  }
  return seconds;
}

function totalSeconds(list: readonly Exercise[], factor: number, rounds: number): number {
  let total = 0;
  for (const e of list) total += secondsAt(e, factor, rounds);
  return total;
}

function gapToTarget(fit: Fit, limits: SessionLimits): number {
  return Math.abs(fit.total - limits.targetSeconds);
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
  const maxCount = limits.maxExercises ?? Infinity;
  if (core.length > maxCount) return null;
  let best: Fit | null = null;
  for (let rounds = 1; rounds <= MAX_ROUNDS; rounds++) {
    let inBand: Fit | null = null;
    for (const factor of grid) {
      if (inBand && factor < bandFloor) return inBand;
      let total = totalSeconds(core, factor, rounds);
      if (total > upper) continue;
      const list = [...core];
      for (const e of fillers) {
        if (total >= limits.targetSeconds || list.length >= maxCount) break;
        const t = secondsAt(e, factor, rounds);
        if (total + t <= upper) {
          list.push(e);
          total += t;
        }
      }
      const candidate = { list, factor, rounds, total };
      if (total >= lower) {
        if (factor < bandFloor) return candidate;
        if (!inBand || gapToTarget(candidate, limits) < gapToTarget(inBand, limits)) inBand = candidate;
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

/** Gentle work for a related pain: relaxing, mobilising or breathing that relaxes a muscle there. */
function easesRelated(ex: Exercise, related: RelatedPain): boolean {
  return GENTLE_FOR_RELATED.has(ex.loadType) && ex.relaxes.some((m) => related.muscles.includes(m));
}

const ROLES_IN_ORDER: readonly SessionRole[] = ['warm-up', 'main', 'cool-down'];

/** Today's session for the needs and limits given. */
export function chooseSession(catalogue: readonly Exercise[], needs: SessionNeeds, limits: SessionLimits): SessionChoice {
  const pool = sessionPool(catalogue, needs);
  const { substitutions } = pool;
  const picked: Exercise[] = [];
  const notPicked = (e: Exercise) => !picked.includes(e);
  const tiersOf = (accept: (e: Exercise) => boolean) => byTier(pool.pool.filter(accept), needs.styles);
  const take = (tiers: Tiers): Exercise | null => {
    const found = firstRotated(tiers, needs.rotation, notPicked);
    if (found) picked.push(found);
    return found;
  };

  // Focus picks, in keep-longest order: weak, then tight, then related.
  const weakPicks: Exercise[] = [];
  if (stageIndex(needs.stage) >= stageIndex('move')) {
    for (const m of needs.weak) {
      if (picked.some((e) => loadsMuscle(e, m))) continue;
      const e = take(kept(pool.loading, m, () => tiersOf((x) => loadsMuscle(x, m))));
      if (e) weakPicks.push(e);
    }
  }
  const tightPicks: Exercise[] = [];
  for (const m of needs.tight) {
    if (picked.some((e) => relaxesMuscle(e, m))) continue;
    const e = take(kept(pool.relaxing, m, () => tiersOf((x) => relaxesMuscle(x, m))));
    if (e) tightPicks.push(e);
  }
  const relatedPicks: Exercise[] = [];
  for (const rp of needs.related) {
    if (picked.some((e) => easesRelated(e, rp))) continue;
    const e = take(kept(pool.easing, rp.muscles.join(','), () => tiersOf((x) => easesRelated(x, rp))));
    if (e) relatedPicks.push(e);
  }
  const pinnedPicks: Exercise[] = [];
  for (const id of needs.pinned ?? []) {
    const e = pool.pool.find((x) => x.id === id);
    if (e && notPicked(e)) {
      picked.push(e);
      pinnedPicks.push(e);
    }
  }
  const warmUp = picked.some((e) => e.role === 'warm-up') ? null : take(pool.warmUps);
  const coolDown = picked.some((e) => e.role === 'cool-down') ? null : take(pool.coolDowns);

  // Fillers, each tier rotated, leaving out the picks.
  const fillers: Exercise[] = [];
  for (const tier of pool.fillers) pushRotated(fillers, tier.filter(notPicked), needs.rotation);

  let core: readonly Exercise[] = picked;
  let chosen = fit(core, fillers, limits);
  if (!chosen) {
    // Drop order when even the core cannot fit: pinned, related, tight, cool-down, warm-up, then weak (last first).
    const dropOrder = [...pinnedPicks.reverse(), ...relatedPicks.reverse(), ...tightPicks.reverse(), coolDown, warmUp, ...weakPicks.reverse()];
    for (const drop of dropOrder) {
      if (chosen) break;
      if (!drop) continue;
      core = core.filter((e) => e !== drop);
      chosen = fit(core, fillers, limits);
    }
  }
  const result = chosen ?? { list: [], factor: limits.maxDoseFactor, rounds: 1, total: 0 };

  const list: Exercise[] = [];
  for (const role of ROLES_IN_ORDER) for (const e of result.list) if (e.role === role) list.push(e);
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
    relatedAreas: needs.related.filter((rp) => list.some((e) => easesRelated(e, rp))).map((rp) => rp.area),
    substitutions: [...substitutions],
    pinned: (needs.pinned ?? []).filter((id) => list.some((e) => e.id === id)),
  };
}
