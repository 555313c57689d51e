import { isMuscleId } from '../body/muscles';
import { STAGE_IDS, stageIndex, type StageId } from '../plan/stages';
import {
  EXERCISE_STYLES,
  ALL_JOINTS,
  EXTRA_JOINTS,
  JOINTS,
  JOINT_RANGES,
  angleOf,
  LOAD_TYPES,
  POSITIONS,
  SESSION_ROLES,
  doseSeconds,
  type Dose,
  type Exercise,
  type ExerciseStyle,
  type Pose,
} from './types';

/** How many exercises the catalogue must offer. */
export const CATALOGUE_MINIMUMS = { perStyle: 6, general: 18, total: 48 } as const;

/** Text limits: cues are heard one at a time, so they stay short. */
export const TEXT_LIMITS = { minCues: 3, maxCues: 6, minCautions: 1, maxCautions: 3, cueChars: 120, summaryChars: 200 } as const;

/** Realistic, small doses: anything beyond these is a data mistake, not a plan. */
export const DOSE_LIMITS = { maxReps: 20, maxSets: 3, maxSecondsPerRep: 30, maxRestSeconds: 120, maxHoldSeconds: 60, maxTimeSeconds: 1200 } as const;

/** Every exercise needs a plain way out: one caution must say when to stop. */
const STOP_RULE = /\b(stop|pause|ease off|back off|come out)\b/i;
/** Unclench never claims to cure. */
const CURE_CLAIM = /\b(cures?|cured|guarantee[sd]?|fix(es)? your back)\b/i;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The last keyframe must return to the first pose, within this many degrees, so the loop is smooth. */
const LOOP_TOLERANCE = 0.5;

const STYLE_PREFIXES = EXERCISE_STYLES.filter((s) => s !== 'general').map((s) => `${s}-`);

type Problems = string[];

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

function includes<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

function isPositive(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

function isNonNegative(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function validStages(e: Exercise): StageId[] {
  return Array.isArray(e.stages) ? e.stages.filter((s): s is StageId => includes(STAGE_IDS, s)) : [];
}

function earliest(e: Exercise): number | null {
  const s = validStages(e);
  return s.length ? Math.min(...s.map(stageIndex)) : null;
}

function latest(e: Exercise): number | null {
  const s = validStages(e);
  return s.length ? Math.max(...s.map(stageIndex)) : null;
}

function checkText(e: Exercise, p: Problems, at: string): void {
  if (!isNonEmptyString(e.name)) p.push(`${at}: name is missing`);
  if (!isNonEmptyString(e.summary)) p.push(`${at}: summary is missing`);
  else if (e.summary.length > TEXT_LIMITS.summaryChars) p.push(`${at}: summary is longer than ${TEXT_LIMITS.summaryChars} characters`);

  if (!Array.isArray(e.cues)) p.push(`${at}: cues must be a list`);
  else {
    if (e.cues.length < TEXT_LIMITS.minCues || e.cues.length > TEXT_LIMITS.maxCues)
      p.push(`${at}: has ${e.cues.length} cues; ${TEXT_LIMITS.minCues} to ${TEXT_LIMITS.maxCues} are needed`);
    e.cues.forEach((c, i) => {
      if (!isNonEmptyString(c)) p.push(`${at}: cue ${i + 1} is empty`);
      else if (c.length > TEXT_LIMITS.cueChars) p.push(`${at}: cue ${i + 1} is longer than ${TEXT_LIMITS.cueChars} characters`);
    });
  }

  if (!Array.isArray(e.cautions)) p.push(`${at}: cautions must be a list`);
  else {
    if (e.cautions.length < TEXT_LIMITS.minCautions || e.cautions.length > TEXT_LIMITS.maxCautions)
      p.push(`${at}: has ${e.cautions.length} cautions; ${TEXT_LIMITS.minCautions} to ${TEXT_LIMITS.maxCautions} are needed`);
    e.cautions.forEach((c, i) => {
      if (!isNonEmptyString(c)) p.push(`${at}: caution ${i + 1} is empty`);
    });
    if (!e.cautions.some((c) => typeof c === 'string' && STOP_RULE.test(c))) p.push(`${at}: no caution says when to stop`);
  }

  const allText = [e.name, e.summary, ...(Array.isArray(e.cues) ? e.cues : []), ...(Array.isArray(e.cautions) ? e.cautions : [])];
  if (allText.some((t) => typeof t === 'string' && CURE_CLAIM.test(t))) p.push(`${at}: wording claims to cure or guarantee`);
}

function checkMuscles(e: Exercise, p: Problems, at: string): void {
  const lists = { strengthens: e.strengthens, relaxes: e.relaxes } as const;
  for (const [name, list] of Object.entries(lists)) {
    if (!Array.isArray(list)) {
      p.push(`${at}: ${name} must be a list`);
      continue;
    }
    const seen = new Set<string>();
    for (const m of list as unknown[]) {
      if (typeof m !== 'string' || !isMuscleId(m)) p.push(`${at}: ${name} has an unknown muscle "${String(m)}"`);
      else if (seen.has(m)) p.push(`${at}: ${name} lists "${m}" twice`);
      else seen.add(m);
    }
  }
  if (Array.isArray(e.strengthens) && Array.isArray(e.relaxes)) {
    const relaxed = new Set<string>(e.relaxes);
    for (const m of e.strengthens) if (relaxed.has(m)) p.push(`${at}: muscle "${m}" is in both strengthens and relaxes`);
    if (e.loadType === 'strengthen' && e.strengthens.length === 0) p.push(`${at}: a strengthening exercise must name the muscles it strengthens`);
    if ((e.loadType === 'relax' || e.loadType === 'mobilise') && e.relaxes.length === 0)
      p.push(`${at}: a ${e.loadType} exercise must name the muscles it relaxes`);
  }
}

function checkDose(dose: Dose, p: Problems, at: string): void {
  if (typeof dose !== 'object' || dose === null) {
    p.push(`${at}: dose is missing`);
    return;
  }
  if (dose.sides !== 'both' && dose.sides !== 'each') p.push(`${at}: dose sides must be "both" or "each"`);
  const L = DOSE_LIMITS;
  switch (dose.kind) {
    case 'reps':
      if (!isPositiveInt(dose.reps) || dose.reps > L.maxReps) p.push(`${at}: dose reps must be a whole number from 1 to ${L.maxReps}`);
      if (!isPositiveInt(dose.sets) || dose.sets > L.maxSets) p.push(`${at}: dose sets must be a whole number from 1 to ${L.maxSets}`);
      if (!isPositive(dose.secondsPerRep) || dose.secondsPerRep > L.maxSecondsPerRep) p.push(`${at}: dose secondsPerRep must be above 0 and at most ${L.maxSecondsPerRep}`);
      if (!isNonNegative(dose.restSeconds) || dose.restSeconds > L.maxRestSeconds) p.push(`${at}: dose restSeconds must be from 0 to ${L.maxRestSeconds}`);
      break;
    case 'hold':
      if (!isPositive(dose.holdSeconds) || dose.holdSeconds > L.maxHoldSeconds) p.push(`${at}: dose holdSeconds must be above 0 and at most ${L.maxHoldSeconds}`);
      if (!isPositiveInt(dose.reps) || dose.reps > L.maxReps) p.push(`${at}: dose reps must be a whole number from 1 to ${L.maxReps}`);
      if (!isPositiveInt(dose.sets) || dose.sets > L.maxSets) p.push(`${at}: dose sets must be a whole number from 1 to ${L.maxSets}`);
      if (!isNonNegative(dose.restSeconds) || dose.restSeconds > L.maxRestSeconds) p.push(`${at}: dose restSeconds must be from 0 to ${L.maxRestSeconds}`);
      break;
    case 'time':
      if (!isPositive(dose.seconds) || dose.seconds > L.maxTimeSeconds) p.push(`${at}: dose seconds must be above 0 and at most ${L.maxTimeSeconds}`);
      break;
    default:
      p.push(`${at}: dose kind "${String((dose as { kind?: unknown }).kind)}" is unknown`);
      return;
  }
  const total = doseSeconds(dose);
  if (!Number.isFinite(total) || total <= 0) p.push(`${at}: dose adds up to no time at all`);
}

function checkPose(pose: Pose, p: Problems, where: string): void {
  if (typeof pose !== 'object' || pose === null) {
    p.push(`${where}: pose is missing`);
    return;
  }
  for (const j of JOINTS) {
    const v: unknown = pose[j];
    const [min, max] = JOINT_RANGES[j];
    if (typeof v !== 'number' || !Number.isFinite(v)) p.push(`${where}: ${j} is not a finite number`);
    else if (v < min || v > max) p.push(`${where}: ${j} = ${v} is outside its range ${min}..${max}`);
  }
  for (const j of EXTRA_JOINTS) {
    const v: unknown = pose[j];
    if (v === undefined) continue;
    const [min, max] = JOINT_RANGES[j];
    if (typeof v !== 'number' || !Number.isFinite(v)) p.push(`${where}: ${j} is not a finite number`);
    else if (v < min || v > max) p.push(`${where}: ${j} = ${v} is outside its range ${min}..${max}`);
  }
  for (const key of Object.keys(pose)) {
    if (!includes(ALL_JOINTS, key)) p.push(`${where}: "${key}" is not a joint of the model`);
  }
}

/** The first pose should look like the stated starting position. */
function checkStartLooksLikePosition(e: Exercise, first: Pose, p: Problems, at: string): void {
  const { trunk, hipL, hipR } = first;
  if (![trunk, hipL, hipR].every((v) => typeof v === 'number' && Number.isFinite(v))) return;
  const problem = (what: string) => p.push(`${at}: the first keyframe does not look like ${e.position} (${what})`);
  switch (e.position) {
    case 'lying':
      if (Math.abs(trunk) < 60) problem('the trunk should be near horizontal');
      break;
    case 'quadruped':
      if (trunk < 45 || trunk > 135) problem('the trunk should lean forward near horizontal');
      break;
    case 'sitting':
      if (Math.abs(trunk) > 45) problem('the trunk should be near upright');
      if (Math.max(hipL, hipR) < 45) problem('at least one hip should be bent');
      break;
    case 'standing':
    case 'walking':
      if (Math.abs(trunk) > 30) problem('the trunk should be near upright');
      if (Math.min(Math.abs(hipL), Math.abs(hipR)) > 45) problem('at least one leg should be under the body');
      break;
  }
}

function checkKeyframes(e: Exercise, p: Problems, at: string): void {
  const frames = e.keyframes;
  if (!Array.isArray(frames)) {
    p.push(`${at}: keyframes must be a list`);
    return;
  }
  if (frames.length < 2) p.push(`${at}: needs at least 2 keyframes, has ${frames.length}`);
  frames.forEach((f, i) => {
    const where = `${at} keyframe ${i}`;
    if (typeof f !== 'object' || f === null) {
      p.push(`${where}: is missing`);
      return;
    }
    if (typeof f.t !== 'number' || !Number.isFinite(f.t)) p.push(`${where}: t is not a finite number`);
    if (!isNonEmptyString(f.phase)) p.push(`${where}: phase name is missing`);
    checkPose(f.pose, p, where);
  });
  const first = frames[0];
  const last = frames[frames.length - 1];
  if (!first || !last) return;
  if (first.t !== 0) p.push(`${at}: the first keyframe must be at t = 0, not ${first.t}`);
  for (let i = 1; i < frames.length; i++) {
    const prev = frames[i - 1];
    const cur = frames[i];
    if (prev && cur && !(cur.t > prev.t)) p.push(`${at}: keyframe times must strictly increase (keyframe ${i} at t = ${cur.t} follows t = ${prev.t})`);
  }
  if (frames.length >= 2 && first.pose && last.pose) {
    const off = ALL_JOINTS.filter((j) => !(Math.abs(angleOf(first.pose, j) - angleOf(last.pose, j)) <= LOOP_TOLERANCE));
    if (off.length) p.push(`${at}: the last keyframe must return to the first pose to close the repetition (differs at ${off.join(', ')})`);
  }
  if (first.pose) checkStartLooksLikePosition(e, first.pose, p, at);
}

function checkVariants(e: Exercise, byId: ReadonlyMap<string, Exercise>, p: Problems, at: string): void {
  const first = earliest(e);
  const lastStage = latest(e);
  for (const which of ['easierId', 'harderId'] as const) {
    const ref = e[which];
    if (ref === null) continue;
    if (typeof ref !== 'string' || ref.length === 0) {
      p.push(`${at}: ${which} must be an exercise id or null`);
      continue;
    }
    if (ref === e.id) {
      p.push(`${at}: ${which} points at itself`);
      continue;
    }
    const other = byId.get(ref);
    if (!other) {
      p.push(`${at}: ${which} "${ref}" is not in the catalogue`);
      continue;
    }
    const oFirst = earliest(other);
    const oLast = latest(other);
    if (which === 'easierId' && first !== null && oFirst !== null && oFirst > first)
      p.push(
        `${at}: easier variant "${ref}" starts at stage "${STAGE_IDS[oFirst]}", later than this exercise's first stage "${STAGE_IDS[first]}"`,
      );
    if (which === 'harderId' && lastStage !== null && oLast !== null && oLast < lastStage)
      p.push(
        `${at}: harder variant "${ref}" stops at stage "${STAGE_IDS[oLast]}", earlier than this exercise's last stage "${STAGE_IDS[lastStage]}"`,
      );
    if (which === 'harderId' && other.easierId === null) p.push(`${at}: harder variant "${ref}" has no easier variant to step back to`);
  }
  if (e.easierId !== null && e.easierId === e.harderId) p.push(`${at}: easier and harder variants are the same exercise`);
  if (e.easierId === null && first !== null && first > 0)
    p.push(`${at}: starts after the settle stage, so it needs an easier variant to step back to`);
}

function checkSettleIsGentle(e: Exercise, p: Problems, at: string): void {
  if (!validStages(e).includes('settle')) return;
  if (e.loadType === 'strengthen') p.push(`${at}: the settle stage is for gentle moves only, not strengthening`);
  if (e.position === 'quadruped') p.push(`${at}: the settle stage does not suit hands-and-knees positions`);
}

function checkExercise(e: Exercise, byId: ReadonlyMap<string, Exercise>, p: Problems): void {
  const at = isNonEmptyString(e.id) ? e.id : '(exercise without id)';
  if (!isNonEmptyString(e.id)) p.push(`${at}: id is missing`);
  else if (!KEBAB.test(e.id)) p.push(`${at}: id must be kebab-case`);
  if (!includes(EXERCISE_STYLES, e.style)) p.push(`${at}: style "${String(e.style)}" is unknown`);
  else if (isNonEmptyString(e.id)) {
    if (e.style !== 'general' && !e.id.startsWith(`${e.style}-`)) p.push(`${at}: id must start with "${e.style}-"`);
    if (e.style === 'general' && STYLE_PREFIXES.some((pre) => e.id.startsWith(pre))) p.push(`${at}: a general exercise must not carry a style prefix`);
  }
  if (!includes(POSITIONS, e.position)) p.push(`${at}: position "${String(e.position)}" is unknown`);
  if (!includes(SESSION_ROLES, e.role)) p.push(`${at}: role "${String(e.role)}" is unknown`);
  if (!includes(LOAD_TYPES, e.loadType)) p.push(`${at}: loadType "${String(e.loadType)}" is unknown`);

  if (!Array.isArray(e.stages) || e.stages.length === 0) p.push(`${at}: stages must list at least one stage`);
  else {
    for (const s of e.stages) if (!includes(STAGE_IDS, s)) p.push(`${at}: stage "${String(s)}" is unknown`);
    const idx = validStages(e).map(stageIndex);
    if (new Set(idx).size !== idx.length) p.push(`${at}: stages lists a stage twice`);
    if (idx.some((v, i) => i > 0 && v < (idx[i - 1] ?? -1))) p.push(`${at}: stages must be listed in order`);
  }

  checkText(e, p, at);
  checkMuscles(e, p, at);
  checkDose(e.dose, p, at);
  checkKeyframes(e, p, at);
  checkVariants(e, byId, p, at);
  checkSettleIsGentle(e, p, at);
}

/** Following "is harder than" links (A → A.harderId, A.easierId → A) must never lead back to the start. */
function checkNoVariantLoops(exercises: readonly Exercise[], byId: ReadonlyMap<string, Exercise>, p: Problems): void {
  const harder = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (from === to || !byId.has(from) || !byId.has(to)) return;
    let set = harder.get(from);
    if (!set) harder.set(from, (set = new Set()));
    set.add(to);
  };
  for (const e of exercises) {
    if (typeof e.harderId === 'string') link(e.id, e.harderId);
    if (typeof e.easierId === 'string') link(e.easierId, e.id);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    state.set(id, 'visiting');
    for (const next of harder.get(id) ?? []) {
      const s = state.get(next);
      if (s === 'visiting') {
        const loop = [...path.slice(path.indexOf(next)), next];
        const key = [...new Set(loop)].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          p.push(`variant chain loops back on itself: ${loop.join(' → ')}`);
        }
      } else if (s === undefined) visit(next, [...path, next]);
    }
    state.set(id, 'done');
  };
  for (const id of harder.keys()) if (!state.has(id)) visit(id, [id]);
}

function checkCounts(exercises: readonly Exercise[], p: Problems): void {
  const counts = new Map<ExerciseStyle, number>(EXERCISE_STYLES.map((s) => [s, 0]));
  for (const e of exercises) if (includes(EXERCISE_STYLES, e.style)) counts.set(e.style, (counts.get(e.style) ?? 0) + 1);
  for (const [style, n] of counts) {
    const min = style === 'general' ? CATALOGUE_MINIMUMS.general : CATALOGUE_MINIMUMS.perStyle;
    if (n < min) p.push(`style "${style}" has ${n} exercises; at least ${min} are needed`);
  }
  if (exercises.length < CATALOGUE_MINIMUMS.total)
    p.push(`the catalogue has ${exercises.length} exercises; at least ${CATALOGUE_MINIMUMS.total} are needed`);
}

/**
 * Checks a catalogue and returns every problem found, in plain words (empty when it is valid).
 * It never throws, so it can be run on data from anywhere (a therapist's custom exercise, a test's broken copy).
 */
export function validateCatalogue(exercises: readonly Exercise[]): string[] {
  const p: Problems = [];
  const byId = new Map<string, Exercise>();
  for (const e of exercises) {
    if (typeof e !== 'object' || e === null) {
      p.push('an entry of the catalogue is not an exercise');
      continue;
    }
    if (!isNonEmptyString(e.id)) continue;
    if (byId.has(e.id)) p.push(`${e.id}: the id is used more than once`);
    else byId.set(e.id, e);
  }
  const real = exercises.filter((e): e is Exercise => typeof e === 'object' && e !== null);
  for (const e of real) checkExercise(e, byId, p);
  checkNoVariantLoops(real, byId, p);
  checkCounts(real, p);
  return p;
}
