import { localDate } from '../time';
import type { MovementData, Plan } from './types';

/**
 * Today as a next step (issue 9, point 4): from the day's plan and what was logged on that day, the one next thing
 * to do and how much of the day's plan is done. Pure: the day and the time zone come in with the plan.
 *
 * What counts as a planned item, each done once:
 * - the day's check-in (done by any check-in on that day);
 * - each planned rest lying flat, and each planned walk (done by a logged lie-flat rest or walk that day, one each,
 *   whatever its length: a shorter walk is still a walk);
 * - the guided session, when one is planned and not paused (done by a session log that ends that day).
 * Stand breaks are a rhythm through the day, not a count: they can be logged but are not planned items. Posture
 * cues and slow breathing are ways to be, not tasks to tick.
 *
 * The next step: the check-in first (the plan is built from it); then, of the kinds with something left, the one
 * with the smallest share done (ties in the order rest, walk, session), so rests, walks and the session take turns.
 * When everything is done the day is done, with an optional extra (a walk like the planned ones, or else a stand
 * break) — never a second session — and none when today's notes say to ease off.
 */

export type TaskKind = 'check-in' | 'lie-flat' | 'walk' | 'session';

export interface DayTask {
  kind: TaskKind;
  planned: number;
  done: number;
  /** Minutes each (a walk, a rest, the session); null for the check-in. */
  minutes: number | null;
}

export type NextStep =
  | { kind: 'check-in' }
  | { kind: 'lie-flat'; minutes: number }
  | { kind: 'walk'; minutes: number }
  | { kind: 'session'; minutes: number }
  | { kind: 'done'; extra: { kind: 'walk'; minutes: number } | { kind: 'stand-break' } | null };

export interface DayProgress {
  tasks: DayTask[];
  /** Planned items done (each kind counted up to what was planned) and planned in all. */
  done: number;
  planned: number;
  /** Stand breaks logged on the day (not planned items: see above). */
  standBreaks: number;
  next: NextStep;
}

export interface DayLogged {
  checkIns: readonly { at: string }[];
  movements: readonly MovementData[];
  sessions: readonly { endedAt: string }[];
}

/** The order tasks are offered in when they are equally far along. */
const TURN_ORDER: readonly TaskKind[] = ['check-in', 'lie-flat', 'walk', 'session'];

/** Reason codes that say today already holds more than planned: no extra is offered then. */
const EASE_OFF_CODES: ReadonlySet<string> = new Set(['ease-off-walk', 'ease-off-session', 'rest-longer-than-planned', 'flare-step-back', 'flare-hold']);

/** Whole minutes to say, at least 1. */
const minutesOf = (m: number) => Math.max(1, Math.round(m));

export function dayProgress(plan: Pick<Plan, 'date' | 'items' | 'reasons'>, logged: DayLogged, timeZone: string): DayProgress {
  const onDay = (instant: string) => localDate(instant, timeZone) === plan.date;
  const moved = (kind: MovementData['kind']) => logged.movements.filter((m) => m.kind === kind && onDay(m.startedAt)).length;

  const tasks: DayTask[] = [{ kind: 'check-in', planned: 1, done: logged.checkIns.some((c) => onDay(c.at)) ? 1 : 0, minutes: null }];
  let walkMinutes: number | null = null;
  for (const item of plan.items) {
    if (item.kind === 'lie-flat') tasks.push({ kind: 'lie-flat', planned: item.times, done: moved('lie-flat'), minutes: minutesOf(item.minutes) });
    if (item.kind === 'walk') {
      walkMinutes = minutesOf(item.minutesEach);
      tasks.push({ kind: 'walk', planned: item.walks, done: moved('walk'), minutes: walkMinutes });
    }
    if (item.kind === 'session' && !item.paused && item.exercises.length > 0) {
      tasks.push({ kind: 'session', planned: 1, done: logged.sessions.filter((s) => onDay(s.endedAt)).length, minutes: minutesOf(item.totalMinutes) });
    }
  }
  tasks.sort((a, b) => TURN_ORDER.indexOf(a.kind) - TURN_ORDER.indexOf(b.kind));

  const planned = tasks.reduce((s, t) => s + t.planned, 0);
  const done = tasks.reduce((s, t) => s + Math.min(t.done, t.planned), 0);
  return { tasks, done, planned, standBreaks: moved('stand-break'), next: nextOf(tasks, plan.reasons, walkMinutes) };
}

function nextOf(tasks: readonly DayTask[], reasons: Plan['reasons'], walkMinutes: number | null): NextStep {
  const left = tasks.filter((t) => t.done < t.planned);
  const checkIn = left.find((t) => t.kind === 'check-in');
  if (checkIn) return { kind: 'check-in' };
  // The smallest share done goes first; `tasks` is in turn order and the sort keeps ties in it.
  const first = [...left].sort((a, b) => a.done / a.planned - b.done / b.planned)[0];
  if (first && first.kind !== 'check-in') return { kind: first.kind, minutes: first.minutes ?? 1 };
  if (reasons.some((r) => EASE_OFF_CODES.has(r.code))) return { kind: 'done', extra: null };
  return { kind: 'done', extra: walkMinutes !== null ? { kind: 'walk', minutes: walkMinutes } : { kind: 'stand-break' } };
}
