import type { Dose } from '../exercises/types';

/**
 * The guided session's timer: a state machine driven by events that carry their own time (no clock reads).
 *
 * A session is a list of entries (an exercise and its dose). Each entry becomes a row of timed segments laid
 * end to end on one timeline: get ready → (for each side) sets of reps, or holds with rests between, or a
 * stretch of timed work. Where the session is depends only on the position on that timeline, which grows with
 * running time and stands still while paused, so `view(state, now)` answers "what to show and say now" from
 * any moment — a late frame, a throttled tab or a jump of minutes gives the same answer as ticking through.
 *
 * Skipping jumps the position to the next entry; "this hurts" freezes it at once and waits for a choice:
 * an easier version (inserted after the current entry, which is recorded as swapped), skip, or end.
 */

export type Side = 'left' | 'right';

export interface SessionEntry {
  exerciseId: string;
  dose: Dose;
  /** Seconds to get into position before the movement starts. */
  prepareSeconds: number;
  /** How many short cues the exercise has; the cue index cycles through them. At least 1. */
  cueCount: number;
}

export type SegmentKind = 'prepare' | 'work' | 'rest';

export interface Segment {
  /** Index of the entry this segment belongs to. */
  entry: number;
  kind: SegmentKind;
  /** Which side, for a dose done on each side in turn; null for both sides together. */
  side: Side | null;
  /** 1-based set number and the number of sets (1 for timed work). */
  set: number;
  sets: number;
  /** For holds: which hold of the set this is (1-based) and how many; null for reps and timed work. */
  hold: number | null;
  holds: number | null;
  startMs: number;
  durationMs: number;
}

export interface TimerOptions {
  /** Seconds to change sides on a one-sided movement. */
  switchSideSeconds: number;
  /** Seconds each cue stays before the next one. */
  cueSeconds: number;
}

export const DEFAULT_TIMER_OPTIONS: TimerOptions = { switchSideSeconds: 5, cueSeconds: 8 };

export type TimerStatus = 'ready' | 'running' | 'paused' | 'hurt' | 'finished';

export type Outcome = 'done' | 'skipped' | 'swapped';

/** One exercise's line in the session log (the shape the API accepts). */
export interface ExerciseRecord {
  exerciseId: string;
  outcome: Outcome;
  reps?: number;
  holdSeconds?: number;
  painDuring?: number;
}

export interface TimerState {
  status: TimerStatus;
  options: TimerOptions;
  entries: readonly SessionEntry[];
  segments: readonly Segment[];
  totalMs: number;
  /** Position on the timeline (ms) when it last started running or stopped. */
  positionMs: number;
  /** Clock time (ms) when it last started running; null unless running. */
  runningSinceMs: number | null;
  startedAtMs: number | null;
  endedAtMs: number | null;
  /** Outcomes the person chose (skip, easier version, end), by entry; null until decided. */
  closed: readonly (Exclude<Outcome, 'done'> | null)[];
  /** Position where each entry was left (for counting what was done before a skip); null when not left early. */
  leftAtMs: readonly (number | null)[];
  /** Pain during each entry (0–10), when the person told us. */
  painDuring: readonly (number | null)[];
}

export type TimerEvent =
  | { type: 'start'; at: number }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'skip'; at: number }
  | { type: 'hurt'; at: number }
  | { type: 'pain'; value: number }
  | { type: 'swap'; at: number; replacement: SessionEntry }
  | { type: 'end'; at: number }
  | { type: 'tick'; at: number }
  /** The camera sees the held pose lost (wait) or reached (go): a hold's time counts only while it is reached. */
  | { type: 'form-wait'; at: number }
  | { type: 'form-go'; at: number };

// ───────────────────────────── building the timeline ─────────────────────────────

const ms = (seconds: number) => Math.max(0, Math.round(seconds * 1000));

function entrySegments(entry: SessionEntry, index: number, options: TimerOptions): Omit<Segment, 'startMs'>[] {
  const { dose } = entry;
  const sides: (Side | null)[] = dose.sides === 'each' ? ['left', 'right'] : [null];
  const out: Omit<Segment, 'startMs'>[] = [];
  const push = (s: Omit<Segment, 'startMs' | 'entry'>) => {
    if (s.durationMs > 0) out.push({ ...s, entry: index });
  };
  sides.forEach((side, sideIndex) => {
    const prepare = sideIndex === 0 ? entry.prepareSeconds : options.switchSideSeconds;
    const base = { side, hold: null, holds: null };
    switch (dose.kind) {
      case 'reps':
        push({ ...base, kind: 'prepare', set: 1, sets: dose.sets, durationMs: ms(prepare) });
        for (let set = 1; set <= dose.sets; set++) {
          push({ ...base, kind: 'work', set, sets: dose.sets, durationMs: ms(dose.reps * dose.secondsPerRep) });
          if (set < dose.sets) push({ ...base, kind: 'rest', set, sets: dose.sets, durationMs: ms(dose.restSeconds) });
        }
        break;
      case 'hold':
        push({ ...base, kind: 'prepare', set: 1, sets: dose.sets, durationMs: ms(prepare) });
        for (let set = 1; set <= dose.sets; set++) {
          for (let hold = 1; hold <= dose.reps; hold++) {
            const where = { side, set, sets: dose.sets, hold, holds: dose.reps };
            push({ ...where, kind: 'work', durationMs: ms(dose.holdSeconds) });
            const last = set === dose.sets && hold === dose.reps;
            if (!last) push({ ...where, kind: 'rest', durationMs: ms(dose.restSeconds) });
          }
        }
        break;
      case 'time':
        push({ ...base, kind: 'prepare', set: 1, sets: 1, durationMs: ms(prepare) });
        push({ ...base, kind: 'work', set: 1, sets: 1, durationMs: ms(dose.seconds) });
        break;
    }
  });
  return out;
}

function timeline(entries: readonly SessionEntry[], options: TimerOptions): { segments: Segment[]; totalMs: number } {
  const segments: Segment[] = [];
  let at = 0;
  entries.forEach((entry, i) => {
    for (const s of entrySegments(entry, i, options)) {
      segments.push({ ...s, startMs: at });
      at += s.durationMs;
    }
  });
  return { segments, totalMs: at };
}

/** A timer for a session, ready to start. */
export function createTimer(entries: readonly SessionEntry[], options: Partial<TimerOptions> = {}): TimerState {
  const opts = { ...DEFAULT_TIMER_OPTIONS, ...options };
  const { segments, totalMs } = timeline(entries, opts);
  return {
    status: 'ready',
    options: opts,
    entries: [...entries],
    segments,
    totalMs,
    positionMs: 0,
    runningSinceMs: null,
    startedAtMs: null,
    endedAtMs: null,
    closed: entries.map(() => null),
    leftAtMs: entries.map(() => null),
    painDuring: entries.map(() => null),
  };
}

// ───────────────────────────── where we are ─────────────────────────────

/** Position on the timeline at clock time `now` (ms). */
export function positionAt(state: TimerState, now: number): number {
  if (state.runningSinceMs === null) return state.positionMs;
  return Math.min(state.totalMs, state.positionMs + Math.max(0, now - state.runningSinceMs));
}

function segmentIndexAt(state: TimerState, position: number): number {
  if (position >= state.totalMs) return -1;
  let lo = 0;
  let hi = state.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = state.segments[mid];
    if (s && s.startMs <= position) lo = mid;
    else hi = mid - 1;
  }
  return state.segments.length ? lo : -1;
}

function entryStartMs(state: TimerState, entry: number): number {
  return state.segments.find((s) => s.entry >= entry)?.startMs ?? state.totalMs;
}

function entryEndMs(state: TimerState, entry: number): number {
  return entryStartMs(state, entry + 1);
}

/** The entry in progress at a position (the last one while the position sits at the very end). */
function entryAt(state: TimerState, position: number): number {
  const i = segmentIndexAt(state, position);
  if (i >= 0) return state.segments[i]?.entry ?? -1;
  return -1;
}

// ───────────────────────────── events ─────────────────────────────

function stopAt(state: TimerState, at: number, status: TimerStatus): TimerState {
  return { ...state, status, positionMs: positionAt(state, at), runningSinceMs: null };
}

function finishedAt(state: TimerState, at: number): number {
  if (state.runningSinceMs === null) return at;
  // When time ran out between two events, the session ended when the timeline did, not when we noticed.
  return Math.min(at, state.runningSinceMs + (state.totalMs - state.positionMs));
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const out = [...list];
  out[index] = value;
  return out;
}

/** Closes the entry in progress as skipped and moves to the start of the next one (or finishes). */
function skipFrom(state: TimerState, at: number, keepStatus: 'running' | 'paused'): TimerState {
  const position = positionAt(state, at);
  const current = entryAt(state, position);
  if (current < 0) return { ...state, status: 'finished', positionMs: state.totalMs, runningSinceMs: null, endedAtMs: finishedAt(state, at) };
  const next = { ...state, closed: replaceAt(state.closed, current, 'skipped'), leftAtMs: replaceAt(state.leftAtMs, current, position) };
  const target = entryEndMs(state, current);
  if (target >= state.totalMs) return { ...next, status: 'finished', positionMs: state.totalMs, runningSinceMs: null, endedAtMs: at };
  return { ...next, status: keepStatus, positionMs: target, runningSinceMs: keepStatus === 'running' ? at : null };
}

/** The next state after an event. Events that do not fit the current status leave it unchanged. */
export function reduce(state: TimerState, event: TimerEvent): TimerState {
  switch (event.type) {
    case 'start':
      if (state.status !== 'ready') return state;
      if (state.totalMs === 0) return { ...state, status: 'finished', startedAtMs: event.at, endedAtMs: event.at };
      return { ...state, status: 'running', startedAtMs: event.at, runningSinceMs: event.at, positionMs: 0 };
    case 'pause':
      if (state.status !== 'running') return state;
      if (positionAt(state, event.at) >= state.totalMs) return reduce(state, { type: 'tick', at: event.at });
      return stopAt(state, event.at, 'paused');
    case 'resume':
      if (state.status !== 'paused') return state;
      return { ...state, status: 'running', runningSinceMs: event.at };
    case 'skip':
      if (state.status === 'running') return skipFrom(state, event.at, 'running');
      if (state.status === 'paused') return skipFrom(state, event.at, 'paused');
      if (state.status === 'hurt') return skipFrom(state, event.at, 'running');
      return state;
    case 'hurt':
      if (state.status !== 'running' && state.status !== 'paused') return state;
      if (positionAt(state, event.at) >= state.totalMs) return reduce(state, { type: 'tick', at: event.at });
      return stopAt(state, event.at, 'hurt');
    case 'pain': {
      const current = entryAt(state, state.positionMs);
      if (state.status !== 'hurt' || current < 0 || !Number.isInteger(event.value) || event.value < 0 || event.value > 10) return state;
      return { ...state, painDuring: replaceAt(state.painDuring, current, event.value) };
    }
    case 'swap': {
      if (state.status !== 'hurt') return state;
      const current = entryAt(state, state.positionMs);
      if (current < 0) return state;
      const insertAt = current + 1;
      const entries = [...state.entries.slice(0, insertAt), event.replacement, ...state.entries.slice(insertAt)];
      const insert = <T>(list: readonly T[], value: T) => [...list.slice(0, insertAt), value, ...list.slice(insertAt)];
      const { segments, totalMs } = timeline(entries, state.options);
      const next: TimerState = {
        ...state,
        entries,
        segments,
        totalMs,
        closed: insert(replaceAt(state.closed, current, 'swapped'), null),
        leftAtMs: insert(replaceAt(state.leftAtMs, current, state.positionMs), null),
        painDuring: insert(state.painDuring, null),
      };
      const target = entryStartMs(next, insertAt);
      return { ...next, status: 'running', positionMs: target, runningSinceMs: event.at };
    }
    case 'end': {
      if (state.status === 'ready' || state.status === 'finished') return state;
      const position = positionAt(state, event.at);
      const current = entryAt(state, position);
      // Everything not yet finished is recorded as skipped; the entry in progress keeps what was done of it.
      const closed = state.closed.map((c, i) => (c !== null || i < current || current < 0 ? c : 'skipped'));
      const leftAtMs = state.leftAtMs.map((l, i) => (i === current ? position : l));
      return { ...state, status: 'finished', closed, leftAtMs, positionMs: position, runningSinceMs: null, endedAtMs: finishedAt(state, event.at) };
    }
    case 'form-wait': {
      if (state.status !== 'running' || state.runningSinceMs === null) return state;
      const position = positionAt(state, event.at);
      const segment = state.segments[segmentIndexAt(state, position)];
      const entry = segment ? state.entries[segment.entry] : undefined;
      // Only a hold waits; getting ready, rests, repetitions and timed work keep their own time.
      if (!segment || segment.kind !== 'work' || entry?.dose.kind !== 'hold') return state;
      return { ...state, positionMs: position, runningSinceMs: null };
    }
    case 'form-go':
      if (state.status !== 'running' || state.runningSinceMs !== null) return state;
      return { ...state, runningSinceMs: event.at };
    case 'tick':
      if (state.status !== 'running' || positionAt(state, event.at) < state.totalMs) return state;
      return { ...state, status: 'finished', positionMs: state.totalMs, runningSinceMs: null, endedAtMs: finishedAt(state, event.at) };
  }
}

// ───────────────────────────── what to show and say ─────────────────────────────

/**
 * What the session is doing, as a stable code the web turns into words:
 * get-ready (into position), switch-side, move (counted repetitions), hold, keep-going (timed work), rest.
 */
export type Phase = 'not-started' | 'get-ready' | 'switch-side' | 'move' | 'hold' | 'keep-going' | 'rest' | 'done';

export interface TimerView {
  status: TimerStatus;
  /** True once the timeline has run out, even before a `tick` records it. */
  finished: boolean;
  positionMs: number;
  totalMs: number;
  /** The entry in progress (-1 when none), and its exercise. */
  entryIndex: number;
  exerciseId: string | null;
  dose: Dose | null;
  /** 1-based place among the movements done or to do (a swapped one no longer counts), and how many. */
  number: number;
  count: number;
  segmentIndex: number;
  segment: Segment | null;
  phase: Phase;
  side: Side | null;
  set: number | null;
  sets: number | null;
  /** For counted repetitions: the repetition under way (1-based) and how many in the set. */
  rep: number | null;
  reps: number | null;
  /** For holds: which hold of the set, and how many. */
  hold: number | null;
  holds: number | null;
  /** Whole seconds left in this part (counts down: 3, 2, 1). */
  secondsLeft: number;
  /** Milliseconds since this part began. */
  segmentElapsedMs: number;
  /** Milliseconds one repetition takes, for counted repetitions. */
  repMs: number | null;
  /** Which of the exercise's cues to show now: the set-up while getting ready, the movement's cues during the work (`cueOfStep`). */
  cueIndex: number;
  /** Running, but a hold's time stands still until the camera sees the pose reached again. */
  waitingForForm: boolean;
}

function phaseOf(segment: Segment, dose: Dose): Phase {
  if (segment.kind === 'rest') return 'rest';
  if (segment.kind === 'prepare') return segment.side === 'right' ? 'switch-side' : 'get-ready';
  return dose.kind === 'reps' ? 'move' : dose.kind === 'hold' ? 'hold' : 'keep-going';
}

function countable(state: TimerState): number[] {
  return state.entries.map((_, i) => i).filter((i) => state.closed[i] !== 'swapped');
}

/** What to show and say at clock time `now`: pure, so the screen can ask as often as it likes. */
export function view(state: TimerState, now: number): TimerView {
  const position = positionAt(state, now);
  const finished = state.status === 'finished' || (state.status !== 'ready' && position >= state.totalMs);
  const segmentIndex = finished ? -1 : segmentIndexAt(state, position);
  const segment = segmentIndex >= 0 ? (state.segments[segmentIndex] ?? null) : null;
  const entryIndex = segment?.entry ?? -1;
  const entry = entryIndex >= 0 ? state.entries[entryIndex] : undefined;
  const dose = entry?.dose ?? null;
  const counted = countable(state);
  const place = counted.indexOf(entryIndex);
  const base: TimerView = {
    status: finished ? 'finished' : state.status,
    finished,
    positionMs: position,
    totalMs: state.totalMs,
    entryIndex,
    exerciseId: entry?.exerciseId ?? null,
    dose,
    number: place >= 0 ? place + 1 : 0,
    count: counted.length,
    segmentIndex,
    segment,
    phase: finished ? 'done' : state.status === 'ready' ? 'not-started' : 'get-ready',
    side: null,
    set: null,
    sets: null,
    rep: null,
    reps: null,
    hold: null,
    holds: null,
    secondsLeft: 0,
    segmentElapsedMs: 0,
    repMs: null,
    cueIndex: 0,
    waitingForForm: !finished && state.status === 'running' && state.runningSinceMs === null,
  };
  if (!segment || !entry || !dose) return base;
  const elapsed = Math.max(0, position - segment.startMs);
  const phase = state.status === 'ready' ? 'not-started' : phaseOf(segment, dose);
  const repMs = dose.kind === 'reps' ? ms(dose.secondsPerRep) : null;
  const working = segment.kind === 'work' && repMs !== null && repMs > 0 && dose.kind === 'reps';
  const cueMs = ms(state.options.cueSeconds);
  return {
    ...base,
    phase,
    side: segment.side,
    set: segment.set,
    sets: segment.sets,
    rep: working ? Math.min(dose.reps, Math.floor(elapsed / repMs) + 1) : null,
    reps: dose.kind === 'reps' ? dose.reps : null,
    hold: segment.hold,
    holds: segment.holds,
    secondsLeft: Math.ceil((segment.durationMs - elapsed) / 1000),
    segmentElapsedMs: elapsed,
    repMs,
    cueIndex: cueOfStep(segment.kind, elapsed, cueMs, entry.cueCount),
  };
}

/**
 * The cue of the step under way. An exercise's cues are its steps in order: the first sets the person up, the rest
 * describe the movement. Getting ready (or changing sides) shows the set-up; each hold, set or stretch of timed work
 * starts again at the first movement cue and moves on every `cueSeconds` within that step, so the words always
 * belong to the step on screen — never carried over from the one before, never the set-up in the middle of a hold.
 * During a rest the player says rest, whatever the index.
 */
export function cueOfStep(kind: SegmentKind, elapsedMs: number, cueMs: number, cueCount: number): number {
  if (kind !== 'work' || cueCount <= 1) return 0;
  const movementCues = cueCount - 1;
  return 1 + (cueMs > 0 ? Math.floor(elapsedMs / cueMs) % movementCues : 0);
}

// ───────────────────────────── the log ─────────────────────────────

/** What was done of one entry up to a position on the timeline. */
function doneOf(state: TimerState, entry: number, upTo: number): { reps?: number; holdSeconds?: number } {
  const e = state.entries[entry];
  if (!e) return {};
  const work = state.segments.filter((s) => s.entry === entry && s.kind === 'work');
  const elapsedIn = (s: Segment) => Math.min(s.durationMs, Math.max(0, upTo - s.startMs));
  const { dose } = e;
  if (dose.kind === 'reps') {
    const repMs = ms(dose.secondsPerRep);
    const reps = repMs > 0 ? work.reduce((n, s) => n + Math.min(dose.reps, Math.floor(elapsedIn(s) / repMs)), 0) : 0;
    return reps > 0 ? { reps } : {};
  }
  if (dose.kind === 'hold') {
    const holds = work.filter((s) => elapsedIn(s) >= s.durationMs).length;
    const longest = Math.floor(Math.max(0, ...work.map(elapsedIn)) / 1000);
    return holds > 0 || longest > 0 ? { reps: holds, holdSeconds: longest } : {};
  }
  return {};
}

/**
 * One line per entry for the session log: chosen outcomes as chosen, finished entries as done, anything not
 * reached as skipped. Counts say what was actually done (repetitions; holds and the longest hold in seconds).
 */
export function records(state: TimerState): ExerciseRecord[] {
  const position = state.positionMs;
  return state.entries.map((e, i) => {
    const chosen = state.closed[i] ?? null;
    const end = entryEndMs(state, i);
    const outcome: Outcome = chosen ?? (position >= end ? 'done' : 'skipped');
    const upTo = state.leftAtMs[i] ?? Math.min(position, end);
    const pain = state.painDuring[i];
    return { exerciseId: e.exerciseId, outcome, ...doneOf(state, i, upTo), ...(pain !== null && pain !== undefined ? { painDuring: pain } : {}) };
  });
}
