// Time to compute one day's plan (as `GET …/today` asks the engine) for a person with 30, 365 and 1,000 days of
// history (check-ins, sessions, walks, notes): replayed from the onset, and resumed from the checkpoint of the day
// before, given only the records the checkpoint asks for (as the server loads them). Also Progress as it is worked out
// after a write (the server keeps it until the next one): one replay from the onset plus the series. Rounds are
// interleaved so a loaded machine slows every size alike; the 1,000 / 30 ratios come from the same run.
import { buildPlan, buildPlanResuming, type ReplayCheckpoint } from '../src/core/plan';
import { buildProgress } from '../src/core/progress';
import type { CheckInData, MovementData, PlanInput, SessionLogData } from '../src/core/plan/types';
import { EXERCISES } from '../src/core/exercises';
import { triage } from '../src/core/clinical';
import { calmAnswers } from '../src/core/clinical/fixtures';
import { addDays } from '../src/core/time';

const ONSET = '2025-11-24';
const SIZES = [30, 365, 1000] as const;

/** A slow, uneven recovery with small flares, so the replay does real work every day. */
function history(days: number): PlanInput {
  const checkIns: CheckInData[] = [];
  const sessions: SessionLogData[] = [];
  const movements: MovementData[] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(ONSET, d);
    const base = Math.max(0, 8 - Math.floor(d / 20));
    const pain = Math.min(10, base + (d % 11 === 0 ? 2 : 0));
    checkIns.push({
      id: `c${d}`,
      at: `${day}T08:30:00.000Z`,
      painNow: pain,
      painWorst24h: Math.min(10, pain + 1),
      standStraight: pain >= 7 ? 'no' : pain >= 5 ? 'partly' : 'yes',
      walkMinutes: [0, 3, 10, 20, 30][Math.min(4, Math.floor(d / 10))] ?? 30,
      regions: d % 30 > 20 ? ['low-back-center', 'thigh-back-left'] : ['low-back-center'],
    });
    movements.push({ kind: 'walk', startedAt: `${day}T12:00:00.000Z`, minutes: 5 + Math.min(30, d) });
    if (d > 14) {
      sessions.push({
        id: `s${d}`,
        startedAt: `${day}T17:00:00.000Z`,
        endedAt: `${day}T17:12:00.000Z`,
        painBefore: pain,
        painAfter: pain,
        feel: d % 5 === 0 ? 'too_easy' : 'right',
        exercises: [{ exerciseId: EXERCISES[d % EXERCISES.length]?.id ?? 'walking', outcome: 'done', painDuring: Math.max(0, pain - 1) }],
      });
    }
  }
  return {
    date: addDays(ONSET, days - 1),
    timeZone: 'Europe/London',
    episode: { onsetDate: ONSET, regions: ['low-back-center'], painNow: 8, triage: triage(calmAnswers()), clinicianSeenAt: null },
    checkIns,
    sessions,
    movements,
    muscleNotes: [
      { muscle: 'glute-max', feels: 'weak' },
      { muscle: 'hamstrings', feels: 'tight' },
    ],
    preferences: { styles: ['yoga', 'general'], sessionMinutes: 20 },
  };
}

/** The records the server loads for a checkpoint: from the day before its window on. */
function windowed(input: PlanInput, checkpoint: ReplayCheckpoint): PlanInput {
  const from = `${addDays(checkpoint.windowFrom, -1)}T00:00:00.000Z`;
  return { ...input, checkIns: input.checkIns.filter((c) => c.at >= from), sessions: input.sessions.filter((s) => s.endedAt >= from), movements: input.movements.filter((m) => m.startedAt >= from) };
}

const cases = SIZES.map((days) => {
  const input = history(days);
  // The checkpoint at the end of yesterday, as the call before today's left it (stored as JSON).
  const previous = buildPlanResuming({ ...input, date: addDays(input.date, -1) }, EXERCISES, null);
  const made = buildPlanResuming(input, EXERCISES, null).checkpoint;
  if (!made || !previous) throw new Error('no checkpoint');
  const checkpoint = JSON.parse(JSON.stringify(made)) as ReplayCheckpoint;
  const resumedInput = windowed(input, checkpoint);
  if (JSON.stringify(buildPlanResuming(resumedInput, EXERCISES, checkpoint).plan) !== JSON.stringify(buildPlan(input, EXERCISES))) throw new Error(`resumed plan differs at ${days} days`);
  const bodyMaps = input.checkIns.map((c) => ({ at: c.at, map: c.regions.map((region) => ({ region, pain: c.painNow, spasm: false })) }));
  const progressInput = { plan: input, bodyMaps, functionGoals: [], comfort: [] };
  return { days, full: () => buildPlan(input, EXERCISES), resumed: () => buildPlanResuming(resumedInput, EXERCISES, checkpoint), progress: () => buildProgress(progressInput, EXERCISES) };
});

const ROUNDS = 7;
const PER_ROUND = { full: 20, resumed: 60, progress: 10 };
const times = new Map<string, number[]>();
const time = (key: string, fn: () => unknown, runs: number) => {
  for (let i = 0; i < 5; i++) fn(); // warm-up
  const list = times.get(key) ?? [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    list.push(performance.now() - started);
  }
  times.set(key, list);
};
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    time(`full.${c.days}`, c.full, PER_ROUND.full);
    time(`resumed.${c.days}`, c.resumed, PER_ROUND.resumed);
    time(`progress.${c.days}`, c.progress, PER_ROUND.progress);
  }
}

const quantile = (list: number[], q: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const median = (key: string) => quantile(times.get(key) ?? [], 0.5);
for (const mode of ['full', 'resumed', 'progress'] as const) {
  for (const c of cases) {
    const list = times.get(`${mode}.${c.days}`) ?? [];
    console.log(JSON.stringify({ name: mode === 'progress' ? 'engine.progress' : `engine.today.${mode}`, days: c.days, runs: list.length, medianMs: +quantile(list, 0.5).toFixed(3), p99Ms: +quantile(list, 0.99).toFixed(3) }));
  }
  console.log(JSON.stringify({ name: mode === 'progress' ? 'engine.progress.ratio' : `engine.today.${mode}.ratio`, ratio: +(median(`${mode}.1000`) / median(`${mode}.30`)).toFixed(2), of: '1000 days / 30 days' }));
}
