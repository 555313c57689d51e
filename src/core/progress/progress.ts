import { nprsBand, painChange, psfsChange, psfsScore, type PainBand, type PainChange, type PsfsChange } from '../clinical';
import type { RegionId } from '../body/regions';
import type { Exercise } from '../exercises/types';
import { planFromReplay, replayEpisode, withEdits } from '../plan';
import { dateOfDay, dayNumber, daysBetween, instantMs, isIsoDate, localDayAt } from '../time';
import { dayLog, dayLogOn, type CheckInDay } from '../plan/history';
import { bucketIndexer, seriesBuckets } from './buckets';
import { stageReason } from '../plan/reasons';
import type { PlanInput, Reason } from '../plan/types';
import type { StageId } from '../plan/stages';
import { changeSentence, painChangesSinceStart, spreadsToLegs, type DatedBodyMap, type PainChangeInRegion } from './spread';
import { compareWithTypical, EXPECTATION_SOURCES, typicalPain, type Comparison } from './expectation';
import { whatHelped, type ComfortAnswerData, type WhatHelped } from './helped';
import { compareText } from '../compareText';

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

/**
 * One point of a series: `date` is its first day and `days` how many days it covers (1 for the most recent twelve
 * weeks, 7 or 28 and more further back: see buckets.ts).
 */
export interface PainDay {
  date: string;
  days: number;
  /** The day's latest pain now; over several days, the mean of each check-in day's (one decimal). */
  painNow: number | null;
  /** The day's worst pain; over several days, the mean of each check-in day's worst (one decimal). */
  painWorst: number | null;
  band: PainBand | null;
  /** The typical pain on this day (its middle day) for someone who started where this person did (Menezes Costa 2012). */
  typical: number | null;
}

/** What was done over the point's days, as totals. */
export interface ActivityDay {
  date: string;
  days: number;
  walkMinutes: number;
  walkGoalMinutes: number;
  sessionsDone: number;
  /** Days with a guided session planned. */
  sessionsPlanned: number;
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

/** The most recent stage changes and weeks of body maps the reply carries; older ones are counted, not listed. */
export const STAGE_CHANGES_SHOWN = 24;
export const BODY_MAP_WEEKS_SHOWN = 12;

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
  /** Stage changes before the ones listed. */
  stagesEarlier: number;
  bodyMapByWeek: WeekMap[];
  /** Weeks with body maps before the ones listed. */
  bodyMapEarlierWeeks: number;
  relatedPains: (PainChangeInRegion & { text: string })[];
  askAboutLegs: boolean;
  expectation: { comparison: Comparison | null; text: string; sources: string[] };
  reviews: Reason[];
  /** What helped, from the person's own "Did it help?" answers. */
  whatHelped: WhatHelped[];
}

function ordinalDay(date: string): string {
  const n = Number(date.slice(8, 10));
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `the ${n}${suffix}`;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The last item in each bucket (items in time order), and the very first item too, so a change from the start shows. */
function lastInEachBucket<T>(items: readonly T[], bucketOf: (item: T) => number): T[] {
  const out: T[] = [];
  let lastBucket = Number.NaN;
  for (const [i, item] of items.entries()) {
    const b = bucketOf(item);
    if (b === lastBucket && i > 1) out[out.length - 1] = item;
    else out.push(item);
    lastBucket = b;
  }
  return out;
}

export function buildProgress(input: ProgressInput, catalogue: readonly Exercise[]): Progress {
  // The plan's view of the episode, with a therapist's edits applied as the plan applies them.
  const { input: planInput, catalogue: visible } = withEdits(input.plan, catalogue);
  const tz = planInput.timeZone;
  const today = planInput.date;
  const onset = planInput.episode.onsetDate;
  // One replay: its history has every record on its local day (worked out once), and the plan comes from it too.
  const replay = replayEpisode(planInput, visible);
  const { history } = replay;
  const todayDay = dayNumber(today);
  const onsetDay = dayNumber(onset);
  const buckets = seriesBuckets(onsetDay, todayDay);
  const bucketOf = bucketIndexer(buckets);
  const checkInDays = history.checkInDays;
  const firstCheckIn = checkInDays[0]?.first;
  const latest = checkInDays[checkInDays.length - 1]?.last;
  const checkInCount = history.logs.reduce((n, log) => n + log.checkIns.length, 0);
  const startPain = firstCheckIn?.painNow ?? planInput.episode.painNow;

  // Every day's totals, added into its bucket.
  const sums = buckets.map(() => ({ now: 0, worst: 0, checkInDays: 0, walk: 0, walkGoal: 0, sessions: 0, planned: 0, breaks: 0 }));
  const replayed = replay.days;
  for (let i = 0; i < replayed.length; i++) {
    const record = replayed[i];
    const day = history.startDay + i;
    const sum = sums[bucketOf(day)];
    if (!record || !sum) continue;
    const log = dayLogOn(history, day);
    const last = log.checkIns[log.checkIns.length - 1];
    if (last) {
      sum.checkInDays++;
      sum.now += last.painNow;
      sum.worst += log.checkIns.reduce((m, c) => Math.max(m, c.painWorst24h), 0);
    }
    for (const m of log.movements) {
      if (m.kind === 'walk') sum.walk += m.minutes;
      if (m.kind === 'stand-break') sum.breaks++;
    }
    sum.sessions += log.sessions.length;
    if (record.walk.plan) sum.walkGoal += record.walk.plan.walks * record.walk.plan.minutesEach;
    if (record.session) sum.planned++;
  }

  const pain: PainDay[] = [];
  const activity: ActivityDay[] = [];
  for (const [i, b] of buckets.entries()) {
    const sum = sums[i];
    if (!sum) continue;
    const date = dateOfDay(b.first);
    const now = sum.checkInDays ? oneDecimal(sum.now / sum.checkInDays) : null;
    const middle = b.first - onsetDay + (b.days - 1) / 2;
    pain.push({
      date,
      days: b.days,
      painNow: now,
      painWorst: sum.checkInDays ? oneDecimal(sum.worst / sum.checkInDays) : null,
      band: now === null ? null : nprsBand(Math.round(now)),
      typical: oneDecimal(typicalPain(startPain, middle / 7)),
    });
    activity.push({ date, days: b.days, walkMinutes: sum.walk, walkGoalMinutes: sum.walkGoal, sessionsDone: sum.sessions, sessionsPlanned: sum.planned, standBreaks: sum.breaks });
  }

  // The change in worst pain, from the first check-in day since the onset to the latest (each day's own worst).
  const worstOf = (d: CheckInDay) => dayLog(history, d.date).checkIns.reduce((m, c) => Math.max(m, c.painWorst24h), 0);
  const sinceOnset = checkInDays.filter((d) => d.date >= onset);
  const firstWorst = sinceOnset[0];
  const lastWorst = sinceOnset[sinceOnset.length - 1];
  const worstChange =
    firstWorst && lastWorst && firstWorst !== lastWorst
      ? { ...painChange(worstOf(firstWorst), worstOf(lastWorst)), from: worstOf(firstWorst), to: worstOf(lastWorst), fromDate: firstWorst.date, toDate: lastWorst.date }
      : null;

  const ratingBucket = (r: { date: string }) => (isIsoDate(r.date) ? bucketOf(dayNumber(r.date)) : -1);
  const goals = input.functionGoals.map((g) => {
    const ratings = g.ratings.filter((r) => r.date <= today).sort((a, b) => compareText(a.date, b.date));
    const first = ratings[0];
    const last = ratings[ratings.length - 1];
    return { id: g.id, activity: g.activity, ratings, change: first && last && first !== last ? psfsChange(first.rating, last.rating) : null };
  });
  const ratingDates = [...new Set(goals.flatMap((g) => g.ratings.map((r) => r.date)))].sort();
  // Each activity counts with its latest rating up to that date, so the mean is always over the same activities.
  const latestRating: (number | undefined)[] = goals.map(() => undefined);
  const nextRating = goals.map(() => 0);
  const allMeans = ratingDates.flatMap((date) => {
    for (const [i, g] of goals.entries()) {
      let next = nextRating[i] ?? 0;
      for (let r = g.ratings[next]; r && r.date <= date; r = g.ratings[++next]) latestRating[i] = r.rating;
      nextRating[i] = next;
    }
    const score = psfsScore(latestRating.filter((r): r is number => r !== undefined));
    return score === null ? [] : [{ date, score: oneDecimal(score) }];
  });
  const functionChange = allMeans.length >= 2 ? psfsChange(allMeans[0]!.score, allMeans[allMeans.length - 1]!.score) : null;
  const functionMean = lastInEachBucket(allMeans, ratingBucket);
  const functionGoals = goals.map((g) => ({ ...g, ratings: lastInEachBucket(g.ratings, ratingBucket) }));

  const allStages: StageChange[] = [];
  let previous: StageId | null = null;
  for (const d of replay.days) {
    if (d.stage !== previous) allStages.push({ date: d.date, stage: d.stage, from: previous, reason: stageReason(d.stage, d.stageState.decision) });
    previous = d.stage;
  }
  const stages = allStages.slice(-STAGE_CHANGES_SHOWN);

  const weeks = new Map<number, Map<RegionId, { maxPain: number; spasm: boolean }>>();
  for (const m of input.bodyMaps) {
    const d = localDayAt(instantMs(m.at), tz);
    if (d > todayDay) continue;
    const weekStart = onsetDay + Math.floor((d - onsetDay) / 7) * 7;
    const week = weeks.get(weekStart) ?? new Map();
    for (const r of m.map) {
      const seen = week.get(r.region);
      week.set(r.region, { maxPain: Math.max(seen?.maxPain ?? 0, r.pain), spasm: (seen?.spasm ?? false) || r.spasm });
    }
    weeks.set(weekStart, week);
  }
  const allWeeks = [...weeks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([weekStart, regions]) => ({ weekStart: dateOfDay(weekStart), regions: [...regions.entries()].map(([region, v]) => ({ region, ...v })).sort((a, b) => compareText(a.region, b.region)) }));
  const bodyMapByWeek = allWeeks.slice(-BODY_MAP_WEEKS_SHOWN);

  const changes = painChangesSinceStart(input.bodyMaps, today, tz);
  const relatedPains = changes.map((c) => ({ ...c, text: changeSentence(c, today) }));

  const weeksIn = (todayDay - onsetDay) / 7;
  const firstDay = checkInDays[0];
  const latestDay = checkInDays[checkInDays.length - 1];
  const enoughToCompare = checkInCount >= USUAL_COURSE_MIN_CHECK_INS && firstDay !== undefined && latestDay !== undefined && daysBetween(firstDay.date, latestDay.date) + 1 >= USUAL_COURSE_MIN_DAYS;
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

  const plan = planFromReplay(planInput, replay, catalogue);
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
    stagesEarlier: allStages.length - stages.length,
    bodyMapByWeek,
    bodyMapEarlierWeeks: allWeeks.length - bodyMapByWeek.length,
    relatedPains,
    askAboutLegs: spreadsToLegs(changes),
    expectation: { comparison, text: expectationText, sources: [...EXPECTATION_SOURCES] },
    reviews,
    whatHelped: helped,
  };
}
