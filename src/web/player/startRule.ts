import { useEffect, useState } from 'react';
import { mayStart, type Activity, type SafetyHold, type StartDecision } from '../../core/plan/mayStart';
import type { StageId } from '../../core/plan/stages';
import { clinicianSeenInstant } from '../../core/plan/input';
import type { CheckInT, EpisodeT, TodayT } from '../api/client';
import { isApiError } from '../api/client';
import { browserTimeZone, todayIn } from '../lib/dates';
import { loadToday } from '../offline/load';
import { errorWords } from '../words/errors';

/**
 * The web side of "may this person start this now" (core/plan/mayStart): the facts it needs, read from the episode
 * the app already holds — the server's last triage, kept for offline use — never worked out here.
 */

export function zoneOf(timeZone: string | undefined): string {
  return timeZone ?? browserTimeZone() ?? 'UTC';
}

export function holdOf(episode: EpisodeT, timeZone: string | undefined): SafetyHold {
  const zone = zoneOf(timeZone);
  // The same rule as the plan's (core/plan/input.ts): a visit counts from when it was recorded, never after the end of
  // its day; an answer kept by an older version has only the date, counted from the start of that day (cautious).
  const seen = episode.clinicianSeenOn === null ? null : { on: episode.clinicianSeenOn, recordedAt: episode.clinicianRecordedAt ?? null };
  const seenAt = clinicianSeenInstant(seen, zone);
  return { triage: episode.currentTriage, triagedAt: episode.currentTriageAt, clinicianSeenAt: seenAt, date: todayIn(zone), timeZone: zone };
}

/** The decision for this episode now; a plan that says its session is paused holds too (it may be newer). */
export function decide(episode: EpisodeT, timeZone: string | undefined, stage: StageId | null, activity: Activity, today?: TodayT | null): StartDecision {
  const decision = mayStart(holdOf(episode, timeZone), stage, activity);
  if (decision.allowed && today?.plan.some((i) => i.kind === 'session' && i.paused)) return { allowed: false, reason: 'sessions_paused' };
  return decision;
}

export type TodayRead = { status: 'loading' } | { status: 'ready'; today: TodayT; checkIns: CheckInT[]; timeZone: string; source: 'server' | 'device' } | { status: 'failed'; message: string };

/** Today's plan (the stage, the session), from the server or — offline — worked out on this device. */
export function useTodayRead(episode: EpisodeT | null, timeZone: string | undefined, attempt = 0): TodayRead {
  const episodeId = episode?.id ?? null;
  const [read, setRead] = useState<{ key: string; value: TodayRead } | null>(null);
  const key = `${episodeId ?? ''}#${attempt}`;
  useEffect(() => {
    if (!episode) return;
    let cancelled = false;
    const requestKey = `${episode.id}#${attempt}`;
    loadToday(episode, timeZone).then(
      (data) => {
        if (!cancelled) setRead({ key: requestKey, value: { status: 'ready', today: data.today, checkIns: data.checkIns, timeZone: data.timeZone, source: data.source } });
      },
      (e: unknown) => {
        if (!cancelled) setRead({ key: requestKey, value: { status: 'failed', message: errorWords(isApiError(e) ? e.code : 'server') } });
      },
    );
    return () => {
      cancelled = true;
    };
    // The episode object changes with every sync; its id and triage are what matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [episodeId, episode?.currentTriage.level, episode?.clinicianSeenOn, timeZone, attempt]);
  return read?.key === key ? read.value : { status: 'loading' };
}

/**
 * Exercises the person chose to try although they are for another stage: asked once, remembered for this visit.
 * The session is a camera page, loaded whole (src/contract/cameraPages.ts), so the choice is handed across that one
 * page load through the tab's storage and taken up at once; a link opened later asks again.
 */
const outsideStageChosen = new Set<string>();
const HANDED_KEY = 'unclench.outsideStageChosen';

/** `handOver`: the choice is made on another page, just before the page load into the session. */
export function chooseOutsideStage(exerciseId: string, { handOver = false }: { handOver?: boolean } = {}): void {
  outsideStageChosen.add(exerciseId);
  if (!handOver) return;
  try {
    sessionStorage.setItem(HANDED_KEY, exerciseId);
  } catch {
    // Storage refused: the question is asked again after the page load, which is safe.
  }
}

export function choseOutsideStage(exerciseId: string): boolean {
  if (outsideStageChosen.has(exerciseId)) return true;
  try {
    const handed = sessionStorage.getItem(HANDED_KEY);
    sessionStorage.removeItem(HANDED_KEY);
    if (handed !== exerciseId) return false;
    outsideStageChosen.add(exerciseId);
    return true;
  } catch {
    return false;
  }
}
