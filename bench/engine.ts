// Time to compute one day's plan for a person with 365 days of history (check-ins, sessions, walks, notes).
import { buildPlan } from '../src/core/plan';
import type { CheckInData, MovementData, PlanInput, SessionLogData } from '../src/core/plan/types';
import { EXERCISES } from '../src/core/exercises';
import { triage } from '../src/core/clinical';
import { calmAnswers } from '../src/core/clinical/fixtures';
import { addDays } from '../src/core/time';

const DAYS = 365;
const ONSET = '2025-11-24';
const DATE = addDays(ONSET, DAYS - 1);

// A slow, uneven recovery with small flares, so the replay does real work every day.
const checkIns: CheckInData[] = [];
const sessions: SessionLogData[] = [];
const movements: MovementData[] = [];
for (let d = 0; d < DAYS; d++) {
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

const input: PlanInput = {
  date: DATE,
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

for (let i = 0; i < 20; i++) buildPlan(input, EXERCISES); // warm-up
const RUNS = 200;
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  buildPlan(input, EXERCISES);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
console.log(JSON.stringify({ name: 'engine.planDay', days: DAYS, runs: RUNS, medianMs: +at(0.5).toFixed(3), p99Ms: +at(0.99).toFixed(3) }));
