import { nprsBand, painChange, psfsChange, psfsScore, type PainBand, type PainChange, type PsfsChange } from '../clinical';
import type { RegionId } from '../body/regions';
import type { Exercise } from '../exercises/types';
import { buildPlan, replayEpisode } from '../plan';
import { stageReason } from '../plan/reasons';
import type { PlanInput, Reason } from '../plan/types';
import type { StageId } from '../plan/stages';
import { addDays, daysBetween, localDateOf } from '../time';
import { changeSentence, painChangesSinceStart, spreadsToLegs, type DatedBodyMap, type PainChangeInRegion } from './spread';
import { compareWithTypical, EXPECTATION_SOURCES, typicalPain, type Comparison } from './expectation';
import { whatHelped, type ComfortAnswerData, type WhatHelped } from './helped';

/** Everything the Progress screen shows, built from what was logged up to `input.plan.date`. */

export interface FunctionGoalData {
  id: string;
  activity: string;
  ratings: { date: string; rating: number }[];
}

export interface ProgressInput {
  plan: PlanInput;
  bodyMaps: DatedBodyMap[];
  functionGoals: FunctionGoalData[];
  /** Comfort entries with their "Did it help?" answers (optional: none logged is the same as an empty list). */
  comfort?: ComfortAnswerData[];
}

/**
 * Comparing with the usual course needs a little history: at least this many check-ins, spread over at least this
 * many days (first to last, both counted). One check-in says nothing about a course.
 */
export const USUAL_COURSE_MIN_CHECK_INS = 3;
export const USUAL_COURSE_MIN_DAYS = 5;

export interface PainDay {
  date: string;
  painNow: number | null;
  painWorst: number | null;
  band: PainBand | null;
  /** The typical pain on this day for someone who started where this person did (Menezes Costa 2012). */
  typical: number | null;
}

export interface ActivityDay {
  date: string;
  walkMinutes: number;
  walkGoalMinutes: number;
  sessionsDone: number;
  sessionPlanned: boolean;
  standBreaks: number;
}

export interface StageChange {
  date: string;
  stage: StageId;
  from: StageId | null;
  reason: Reason;
}

export interface WeekMap {
  weekStart: string;
  regions: { region: RegionId; maxPain: number; spasm: boolean }[];
}

export interface Progress {
  date: string;
  onsetDate: string;
  summary: string[];
  pain: PainDay[];
  worstChange: (PainChange & { from: number; to: number; fromDate: string; toDate: string }) | null;
  functionGoals: { id: string; activity: string; ratings: { date: string; rating: number }[]; change: PsfsChange | null }[];
  functionMean: { date: string; score: number }[];
  functionChange: PsfsChange | null;
  activity: ActivityDay[];
  stages: StageChange[];
  bodyMapByWeek: WeekMap[];
  relatedPains: (PainChangeInRegion & { text: string })[];
  askAboutLegs: boolean;
  expectation: { comparison: Comparison | null; text: string; sources: string[] };
  reviews: Reason[];
  /** What helped, from the person's own "Did it help?" answers. */
  whatHelped: WhatHelped[];
}

const dayOf = (iso: string, tz: string) => localDateOf(iso, tz);

function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

function ordinalDay(date: string): string {
  const n = Number(date.slice(8, 10));
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `the ${n}${suffix}`;
}

export function buildProgress(input: ProgressInput, catalogue: readonly Exercise[]): Progress {
  const { plan: planInput } = input;
  const tz = planInput.timeZone;
  const today = planInput.date;
  const onset = planInput.episode.onsetDate;
  const days = eachDay(onset, today);
  const checkIns = planInput.checkIns.filter((c) => dayOf(c.at, tz) <= today).sort((a, b) => a.at.localeCompare(b.at));
  const startPain = checkIns[0]?.painNow ?? planInput.episode.painNow;

  const byDay = new Map<string, { now: number; worst: number }>();
  for (const c of checkIns) {
    const d = dayOf(c.at, tz);
    const seen = byDay.get(d);
    byDay.set(d, { now: c.painNow, worst: Math.max(seen?.worst ?? 0, c.painWorst24h) });
  }
  const pain: PainDay[] = days.map((date) => {
    const p = byDay.get(date);
    return {
      date,
      painNow: p?.now ?? null,
      painWorst: p?.worst ?? null,
      band: p ? nprsBand(p.now) : null,
      typical: Math.round(typicalPain(startPain, daysBetween(onset, date) / 7) * 10) / 10,
    };
  });

  const worstDays = pain.filter((d) => d.painWorst !== null);
  const firstWorst = worstDays[0];
  const lastWorst = worstDays[worstDays.length - 1];
  const worstChange =
    firstWorst && lastWorst && firstWorst !== lastWorst
      ? { ...painChange(firstWorst.painWorst ?? 0, lastWorst.painWorst ?? 0), from: firstWorst.painWorst ?? 0, to: lastWorst.painWorst ?? 0, fromDate: firstWorst.date, toDate: lastWorst.date }
      : null;

  const functionGoals = input.functionGoals.map((g) => {
    const ratings = g.ratings.filter((r) => r.date <= today).sort((a, b) => a.date.localeCompare(b.date));
    const first = ratings[0];
    const last = ratings[ratings.length - 1];
    return { id: g.id, activity: g.activity, ratings, change: first && last && first !== last ? psfsChange(first.rating, last.rating) : null };
  });
  const ratingDates = [...new Set(functionGoals.flatMap((g) => g.ratings.map((r) => r.date)))].sort();
  const functionMean = ratingDates.flatMap((date) => {
    // Each activity counts with its latest rating up to that date, so the mean is always over the same activities.
    const latest = functionGoals.map((g) => g.ratings.filter((r) => r.date <= date).at(-1)?.rating).filter((r): r is number => r !== undefined);
    const score = psfsScore(latest);
    return score === null ? [] : [{ date, score: Math.round(score * 10) / 10 }];
  });
  const functionChange = functionMean.length >= 2 ? psfsChange(functionMean[0]!.score, functionMean[functionMean.length - 1]!.score) : null;

  const replay = replayEpisode(planInput, catalogue);
  const replayByDay = new Map(replay.days.map((d) => [d.date, d]));
  // Each record's local day is worked out once (time-zone formatting is the costly part).
  const walkMinutesByDay = new Map<string, number>();
  const standBreaksByDay = new Map<string, number>();
  for (const m of planInput.movements) {
    const d = dayOf(m.startedAt, tz);
    if (m.kind === 'walk') walkMinutesByDay.set(d, (walkMinutesByDay.get(d) ?? 0) + m.minutes);
    if (m.kind === 'stand-break') standBreaksByDay.set(d, (standBreaksByDay.get(d) ?? 0) + 1);
  }
  const sessionsByDay = new Map<string, number>();
  for (const s of planInput.sessions) {
    const d = dayOf(s.startedAt, tz);
    sessionsByDay.set(d, (sessionsByDay.get(d) ?? 0) + 1);
  }
  const activity: ActivityDay[] = days.map((date) => {
    const day = replayByDay.get(date);
    return {
      date,
      walkMinutes: walkMinutesByDay.get(date) ?? 0,
      walkGoalMinutes: day?.walk.plan ? day.walk.plan.walks * day.walk.plan.minutesEach : 0,
      sessionsDone: sessionsByDay.get(date) ?? 0,
      sessionPlanned: day?.session != null,
      standBreaks: standBreaksByDay.get(date) ?? 0,
    };
  });

  const stages: StageChange[] = [];
  let previous: StageId | null = null;
  for (const d of replay.days) {
    if (d.date > today) break;
    if (d.stage !== previous) stages.push({ date: d.date, stage: d.stage, from: previous, reason: stageReason(d.stage, d.stageState.decision) });
    previous = d.stage;
  }

  const weeks = new Map<string, Map<RegionId, { maxPain: number; spasm: boolean }>>();
  for (const m of input.bodyMaps) {
    const d = dayOf(m.at, tz);
    if (d > today) continue;
    const weekStart = addDays(onset, Math.floor(daysBetween(onset, d) / 7) * 7);
    const week = weeks.get(weekStart) ?? new Map();
    for (const r of m.map) {
      const seen = week.get(r.region);
      week.set(r.region, { maxPain: Math.max(seen?.maxPain ?? 0, r.pain), spasm: (seen?.spasm ?? false) || r.spasm });
    }
    weeks.set(weekStart, week);
  }
  const bodyMapByWeek = [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, regions]) => ({ weekStart, regions: [...regions.entries()].map(([region, v]) => ({ region, ...v })).sort((a, b) => a.region.localeCompare(b.region)) }));

  const changes = painChangesSinceStart(input.bodyMaps, today, tz);
  const relatedPains = changes.map((c) => ({ ...c, text: changeSentence(c, today) }));

  const latest = checkIns[checkIns.length - 1];
  const weeksIn = daysBetween(onset, today) / 7;
  const firstCheckIn = checkIns[0];
  const enoughToCompare =
    checkIns.length >= USUAL_COURSE_MIN_CHECK_INS &&
    firstCheckIn !== undefined &&
    latest !== undefined &&
    daysBetween(dayOf(firstCheckIn.at, tz), dayOf(latest.at, tz)) + 1 >= USUAL_COURSE_MIN_DAYS;
  const comparison = latest && enoughToCompare ? compareWithTypical(startPain, weeksIn, latest.painNow) : null;
  const expectationText =
    comparison === 'ahead'
      ? 'Your pain is lower than it usually is at this point. Keep the steady pace: it is what got you here.'
      : comparison === 'slower'
        ? 'Your pain is settling more slowly than it usually does. That happens, and it is worth keeping the plan gentle; the suggestions below say when to ask for a check.'
        : comparison === 'as-usual'
          ? 'Your pain is following the usual course: most of the easing comes in the first six weeks, then it keeps improving more slowly.'
          : latest
            ? 'After a few more check-ins, over about a week, you will see how your recovery compares with the usual course.'
            : 'Once you have checked in for a few days, you will see how your recovery compares with the usual course.';

  const plan = buildPlan(planInput, catalogue);
  const reviews = plan.reasons.filter((r) => r.code.startsWith('review'));

  const summary: string[] = [];
  if (worstChange) {
    const meaningful = worstChange.meetsAbsolute || worstChange.meets30Percent;
    if (worstChange.change > 0) {
      summary.push(
        `Your worst pain has dropped from ${worstChange.from} to ${worstChange.to} since ${ordinalDay(worstChange.fromDate)}${meaningful ? ': that is a real improvement.' : '. It is a start; small steps add up.'}`,
      );
    } else if (worstChange.change < 0) {
      summary.push(`Your worst pain has gone from ${worstChange.from} to ${worstChange.to} since ${ordinalDay(worstChange.fromDate)}. Ups and downs are common; the plan has eased to match.`);
    } else {
      summary.push(`Your worst pain is at ${worstChange.to}, the same as on ${ordinalDay(worstChange.fromDate)}. Recovery often comes in small steps.`);
    }
  } else if (latest) {
    summary.push(`Your pain now is ${latest.painNow} out of 10 (${nprsBand(latest.painNow)}). Check in again tomorrow to start seeing the trend.`);
  } else {
    summary.push('Nothing to show yet. After your first check-in, your progress will build up here, day by day.');
  }
  if (functionChange && functionChange.meetsSmall) summary.push('The everyday activities you chose have become easier, by an amount people notice.');
  for (const r of relatedPains) summary.push(r.text);
  const helped = whatHelped(input.comfort ?? [], today, tz);
  const mostHelpful = helped.filter((h) => h.yes > 0);
  if (mostHelpful.length) summary.push(`What you said helped you move: ${mostHelpful.slice(0, 3).map((h) => h.name).join(', ')}.`);

  return {
    date: today,
    onsetDate: onset,
    summary,
    pain,
    worstChange,
    functionGoals,
    functionMean,
    functionChange,
    activity,
    stages,
    bodyMapByWeek,
    relatedPains,
    askAboutLegs: spreadsToLegs(changes),
    expectation: { comparison, text: expectationText, sources: [...EXPECTATION_SOURCES] },
    reviews,
    whatHelped: helped,
  };
}
