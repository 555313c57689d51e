/**
 * Hand-made test data for the engine's tests: a small catalogue (independent of the real one), triage
 * results, and builders for check-ins, sessions and inputs. Used only by *.test.ts files.
 */
import type { MuscleId, RegionId } from '../body';
import type { TriageResult } from '../clinical';
import { JOINTS, type Dose, type Exercise, type ExerciseStyle, type LoadType, type Pose, type SessionRole } from '../exercises/types';
import type { StageId } from './stages';
import type { CheckInData, MovementData, PlanInput, SessionLogData, StandStraight } from './types';

export const SELF_CARE: TriageResult = {
  level: 'self-care',
  timeframe: null,
  decidingRule: 'NONE',
  triggeredRules: [],
  advisories: [],
  gpReviewAdvised: false,
};

export const SELF_CARE_GP: TriageResult = { ...SELF_CARE, advisories: ['S3_LIMITS_DAILY_ACTIVITIES'], gpReviewAdvised: true };

export const URGENT: TriageResult = {
  level: 'urgent-doctor',
  timeframe: 'within_24h',
  decidingRule: 'U7_NIGHT_OR_REST_PAIN',
  triggeredRules: ['U7_NIGHT_OR_REST_PAIN'],
  advisories: [],
  gpReviewAdvised: false,
};

export const EMERGENCY: TriageResult = {
  level: 'emergency',
  timeframe: 'now',
  decidingRule: 'E1_CES_SYMPTOMS',
  triggeredRules: ['E1_CES_SYMPTOMS'],
  advisories: [],
  gpReviewAdvised: false,
};

const STILL: Pose = Object.fromEntries(JOINTS.map((j) => [j, 0])) as Pose;

const ALL: StageId[] = ['settle', 'stand-walk', 'move', 'strengthen', 'maintain'];
const from = (s: StageId): StageId[] => ALL.slice(ALL.indexOf(s));
const upTo = (s: StageId): StageId[] => ALL.slice(0, ALL.indexOf(s) + 1);

export const reps = (n: number, secondsPerRep: number, sets = 1, sides: 'both' | 'each' = 'both'): Dose => ({
  kind: 'reps',
  reps: n,
  sets,
  secondsPerRep,
  restSeconds: 20,
  sides,
});
export const hold = (seconds: number, n: number, sides: 'both' | 'each' = 'both'): Dose => ({
  kind: 'hold',
  holdSeconds: seconds,
  reps: n,
  sets: 1,
  restSeconds: 5,
  sides,
});
export const timed = (seconds: number): Dose => ({ kind: 'time', seconds, sides: 'both' });

export interface ExerciseSpec {
  id: string;
  style?: ExerciseStyle;
  stages: StageId[];
  role: SessionRole;
  loadType: LoadType;
  strengthens?: MuscleId[];
  relaxes?: MuscleId[];
  dose: Dose;
  easierId?: string | null;
  harderId?: string | null;
}

export function exercise(spec: ExerciseSpec): Exercise {
  return {
    id: spec.id,
    name: spec.id.replace(/^[a-z]-/, '').replace(/-/g, ' '),
    style: spec.style ?? 'general',
    position: 'lying',
    stages: spec.stages,
    role: spec.role,
    loadType: spec.loadType,
    strengthens: spec.strengthens ?? [],
    relaxes: spec.relaxes ?? [],
    dose: spec.dose,
    cues: ['Move slowly.'],
    cautions: ['Stop if it hurts sharply.'],
    easierId: spec.easierId ?? null,
    harderId: spec.harderId ?? null,
    keyframes: [
      { t: 0, phase: 'start', pose: STILL },
      { t: 1, phase: 'end', pose: STILL },
    ],
    summary: 'Test exercise.',
  };
}

/** A small catalogue that covers every stage, role and a few muscles and styles. */
export const CATALOGUE: readonly Exercise[] = [
  exercise({ id: 'g-breath', stages: upTo('stand-walk'), role: 'warm-up', loadType: 'breathe', relaxes: ['back-extensors'], dose: timed(60) }),
  exercise({ id: 'g-pelvic-tilt', stages: upTo('move'), role: 'main', loadType: 'mobilise', relaxes: ['back-extensors'], dose: reps(8, 4) }),
  exercise({ id: 'g-knee-rock', stages: upTo('stand-walk'), role: 'cool-down', loadType: 'relax', relaxes: ['glute-max', 'back-extensors'], dose: timed(60) }),
  exercise({ id: 'g-knee-to-chest', stages: upTo('move'), role: 'main', loadType: 'relax', relaxes: ['glute-max', 'back-extensors'], dose: hold(20, 2, 'each') }),
  exercise({ id: 'g-march', stages: from('stand-walk'), role: 'warm-up', loadType: 'mobilise', dose: reps(10, 2, 2) }),
  exercise({ id: 'g-wall-stand', stages: ['stand-walk', 'move'], role: 'main', loadType: 'strengthen', strengthens: ['deep-abdominals'], dose: hold(10, 5) }),
  exercise({ id: 'g-half-bridge', stages: from('move'), role: 'main', loadType: 'strengthen', strengthens: ['glute-max'], dose: reps(6, 3, 2) }),
  exercise({
    id: 'g-bridge',
    stages: from('move'),
    role: 'main',
    loadType: 'strengthen',
    strengthens: ['glute-max', 'hamstrings'],
    dose: reps(8, 4, 2),
    easierId: 'g-half-bridge',
  }),
  exercise({ id: 'g-bird-dog', stages: from('move'), role: 'main', loadType: 'strengthen', strengthens: ['multifidus', 'back-extensors'], dose: reps(6, 5, 2, 'each') }),
  exercise({ id: 'g-side-clam', stages: from('move'), role: 'main', loadType: 'strengthen', strengthens: ['glute-med'], dose: reps(10, 3, 2, 'each') }),
  exercise({ id: 'g-hamstring-stretch', stages: from('stand-walk'), role: 'cool-down', loadType: 'relax', relaxes: ['hamstrings'], dose: hold(20, 2, 'each') }),
  exercise({ id: 'g-neck-release', stages: ALL, role: 'cool-down', loadType: 'relax', relaxes: ['upper-trapezius', 'neck-extensors'], dose: hold(15, 2, 'each') }),
  exercise({ id: 'g-piriformis-stretch', stages: from('stand-walk'), role: 'cool-down', loadType: 'relax', relaxes: ['piriformis', 'glute-max'], dose: hold(20, 2, 'each') }),
  exercise({ id: 'g-quad-stretch', stages: from('move'), role: 'cool-down', loadType: 'relax', relaxes: ['quadriceps', 'hip-flexors'], dose: hold(20, 2, 'each') }),
  exercise({ id: 'g-dead-bug', stages: from('strengthen'), role: 'main', loadType: 'strengthen', strengthens: ['deep-abdominals', 'rectus-abdominis'], dose: reps(8, 4, 2) }),
  exercise({ id: 'g-balance', stages: from('strengthen'), role: 'main', loadType: 'strengthen', strengthens: ['glute-med', 'calves'], dose: hold(20, 2, 'each') }),
  exercise({ id: 'g-squat', stages: from('strengthen'), role: 'main', loadType: 'strengthen', strengthens: ['quadriceps', 'glute-max'], dose: reps(10, 4, 2) }),
  exercise({ id: 'p-hundred-prep', style: 'pilates', stages: from('move'), role: 'main', loadType: 'strengthen', strengthens: ['deep-abdominals'], dose: reps(10, 3, 2) }),
  exercise({ id: 'p-spine-stretch', style: 'pilates', stages: from('move'), role: 'warm-up', loadType: 'mobilise', relaxes: ['back-extensors', 'hamstrings'], dose: reps(6, 5) }),
  exercise({ id: 'p-swimming-prep', style: 'pilates', stages: from('strengthen'), role: 'main', loadType: 'strengthen', strengthens: ['back-extensors', 'glute-max'], dose: reps(8, 3, 2) }),
  exercise({ id: 'p-leg-circles', style: 'pilates', stages: from('move'), role: 'main', loadType: 'mobilise', relaxes: ['hip-flexors', 'adductors'], dose: reps(6, 4, 1, 'each') }),
  exercise({ id: 'y-cat-cow', style: 'yoga', stages: from('stand-walk'), role: 'warm-up', loadType: 'mobilise', relaxes: ['back-extensors'], dose: reps(8, 5) }),
  exercise({ id: 'y-child', style: 'yoga', stages: ALL, role: 'cool-down', loadType: 'relax', relaxes: ['back-extensors', 'latissimus'], dose: timed(60) }),
  exercise({ id: 'y-thread-needle', style: 'yoga', stages: from('move'), role: 'main', loadType: 'mobilise', relaxes: ['rhomboids', 'upper-trapezius'], dose: hold(15, 2, 'each') }),
  exercise({ id: 'y-warrior', style: 'yoga', stages: from('strengthen'), role: 'main', loadType: 'strengthen', strengthens: ['quadriceps', 'glute-med'], dose: hold(20, 2, 'each') }),
];

export interface CheckInSpec {
  painNow?: number;
  painWorst24h?: number;
  standStraight?: StandStraight;
  walkMinutes?: number;
  regions?: RegionId[];
  /** Local hour in UTC (tests use timeZone 'UTC' unless they say otherwise). */
  hour?: number;
}

export function checkIn(date: string, spec: CheckInSpec = {}): CheckInData {
  const hour = String(spec.hour ?? 9).padStart(2, '0');
  const painNow = spec.painNow ?? 4;
  return {
    id: `c-${date}-${hour}`,
    at: `${date}T${hour}:00:00Z`,
    painNow,
    painWorst24h: spec.painWorst24h ?? painNow,
    standStraight: spec.standStraight ?? 'yes',
    walkMinutes: spec.walkMinutes ?? 10,
    regions: spec.regions ?? ['low-back-center'],
  };
}

export function sessionLog(
  date: string,
  spec: { hour?: number; minutes?: number; painAfter?: number; painDuring?: number; exercises?: SessionLogData['exercises'] } = {},
): SessionLogData {
  const hour = spec.hour ?? 17;
  const minutes = spec.minutes ?? 10;
  const start = `${date}T${String(hour).padStart(2, '0')}:00:00Z`;
  const end = `${date}T${String(hour).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00Z`;
  return {
    id: `s-${date}-${hour}`,
    startedAt: start,
    endedAt: end,
    painBefore: 3,
    painAfter: spec.painAfter ?? 3,
    feel: 'right',
    exercises: spec.exercises ?? [{ exerciseId: 'g-pelvic-tilt', outcome: 'done', painDuring: spec.painDuring ?? 3 }],
  };
}

export function movement(date: string, kind: MovementData['kind'], minutes: number, hour = 12): MovementData {
  return { kind, minutes, startedAt: `${date}T${String(hour).padStart(2, '0')}:00:00Z` };
}

export function planInput(overrides: Partial<PlanInput> & { date: string }): PlanInput {
  return {
    timeZone: 'UTC',
    episode: {
      onsetDate: '2024-03-01',
      regions: ['low-back-center'],
      painNow: 6,
      triage: SELF_CARE,
      clinicianSeenAt: null,
    },
    checkIns: [],
    sessions: [],
    movements: [],
    muscleNotes: [],
    preferences: { styles: ['general'], sessionMinutes: 10 },
    ...overrides,
  };
}

/** Daily check-ins from `start`, one per spec. */
export function dailyCheckIns(start: string, specs: readonly CheckInSpec[]): CheckInData[] {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return specs.map((spec, i) => {
    const date = new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10);
    return checkIn(date, spec);
  });
}
