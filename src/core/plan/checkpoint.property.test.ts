import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantMs } from '../time';
import { anyInput, checkInArb, ONSET } from './arbitraries.test-util';
import { CATALOGUE } from './fixtures.test-util';
import { buildPlan, buildPlanResuming } from './plan';
import { checkpointCoversInstant, replayEpisode, type ReplayCheckpoint } from './replay';
import type { PlanInput } from './types';

/** Hundreds of whole replays: seconds on a quiet machine, several times that when the CPU is shared. */
const PROPERTY_TIMEOUT_MS = 90_000;

/**
 * A plan resumed from a checkpoint is exactly the plan of the whole replay (docs/engine.md §10c), given only the
 * records the checkpoint asks for, as the server loads them: those from a day before its `windowFrom` on.
 */

/** Through JSON, as the server stores it. */
const stored = (c: ReplayCheckpoint | undefined): ReplayCheckpoint | null => (c ? (JSON.parse(JSON.stringify(c)) as ReplayCheckpoint) : null);

/** The records the server loads for a checkpoint: instants from the day before its window (a zone is less than a day from UTC). */
function windowed(input: PlanInput, checkpoint: ReplayCheckpoint): PlanInput {
  const from = instantMs(`${addDays(checkpoint.windowFrom, -1)}T00:00:00Z`);
  return {
    ...input,
    checkIns: input.checkIns.filter((c) => instantMs(c.at) >= from),
    sessions: input.sessions.filter((s) => instantMs(s.endedAt) >= from),
    movements: input.movements.filter((m) => instantMs(m.startedAt) >= from),
  };
}

/** A day before the plan date to checkpoint at, as a share of the episode. */
const checkpointDay = (input: PlanInput, share: number) => addDays(ONSET, Math.floor(share * (daysBetween(ONSET, input.date) - 1)));

describe('resuming the replay from a checkpoint', () => {
  it('gives the same plan as the whole replay, from the window of records it asks for', () => {
    let dropped = 0;
    fc.assert(
      fc.property(anyInput(45), fc.double({ min: 0, max: 1, noNaN: true }), (input, share) => {
        if (daysBetween(ONSET, input.date) < 1) return;
        const checkpoint = stored(replayEpisode(input, CATALOGUE, { checkpointOn: checkpointDay(input, share) }).checkpoint);
        expect(checkpoint).not.toBeNull();
        if (!checkpoint) return;
        const reduced = windowed(input, checkpoint);
        dropped += input.checkIns.length - reduced.checkIns.length + input.sessions.length - reduced.sessions.length + input.movements.length - reduced.movements.length;
        const resumed = buildPlanResuming(reduced, CATALOGUE, checkpoint);
        expect(resumed.resumed).toBe(input.episode.triage.level !== 'emergency');
        expect(resumed.plan).toEqual(buildPlan(input, CATALOGUE));
      }),
      { numRuns: 250 },
    );
    // The windows really leave records out (check-ins, sessions, walks), so the test says something about them.
    expect(dropped).toBeGreaterThan(20);
  }, PROPERTY_TIMEOUT_MS);

  /** From a checkpoint of the whole replay, every third day resumed from the checkpoint the day before made. */
  function resumeDayAfterDay(input: PlanInput, share: number) {
    let checkpoint = stored(replayEpisode(input, CATALOGUE, { checkpointOn: checkpointDay(input, share) }).checkpoint);
    for (let date = addDays(checkpoint?.date ?? ONSET, 2); date <= input.date; date = addDays(date, 3)) {
      const day = { ...input, date };
      const step = checkpoint ? buildPlanResuming(windowed(day, checkpoint), CATALOGUE, checkpoint) : buildPlanResuming(day, CATALOGUE, null);
      expect(step.plan, date).toEqual(buildPlan(day, CATALOGUE));
      checkpoint = stored(step.checkpoint ?? undefined) ?? checkpoint;
    }
  }

  it('a checkpoint made by a resumed replay resumes as well, day after day', () => {
    fc.assert(
      fc.property(anyInput(45), fc.double({ min: 0, max: 0.5, noNaN: true }), (input, share) => {
        if (daysBetween(ONSET, input.date) < 3) return;
        resumeDayAfterDay(input, share);
      }),
      { numRuns: 80 },
    );
  }, PROPERTY_TIMEOUT_MS);

  // Two histories fast-check found: a painful session before the first check-in (its flare counts at that check-in,
  // so the window reaches back to the start), and a first check-in after days without one (the days before it keep
  // the walking target they were planned with).
  it.each([
    {
      name: 'a flare before the first check-in',
      date: '2024-04-09',
      region: 'low-back-center',
      checkIns: [
        { id: 'c-17-0', at: '2024-03-18T00:00:00Z', painNow: 0, painWorst24h: 0, standStraight: 'yes', walkMinutes: 0, regions: ['hip-left'] },
        { id: 'c-18-0', at: '2024-03-19T00:00:00Z', painNow: 0, painWorst24h: 2, standStraight: 'yes', walkMinutes: 0, regions: ['thigh-back-left'] },
      ],
      session: '2024-03-01',
    },
    {
      name: 'a first check-in weeks after the start',
      date: '2024-04-12',
      region: 'low-back-left',
      checkIns: [{ id: 'c-38-0', at: '2024-04-08T00:00:00Z', painNow: 0, painWorst24h: 0, standStraight: 'yes', walkMinutes: 30, regions: ['neck-back'] }],
      session: '2024-04-05',
    },
  ] as const)('$name', ({ date, region, checkIns, session }) => {
    const input = {
      date,
      timeZone: 'UTC',
      episode: { onsetDate: ONSET, regions: [region], painNow: 0, triage: { level: 'self-care', timeframe: null, decidingRule: 'NONE', triggeredRules: [], advisories: [], gpReviewAdvised: false }, clinicianSeenAt: null },
      checkIns: checkIns.map((c) => ({ ...c, regions: [...c.regions] })),
      sessions: [{ id: 's-0', startedAt: `${session}T00:00:00Z`, endedAt: `${session}T00:03:00Z`, painBefore: 3, painAfter: 0, feel: 'right', exercises: [{ exerciseId: 'g-breath', outcome: 'done', painDuring: 6 }] }],
      movements: [],
      muscleNotes: [],
      preferences: { styles: [], sessionMinutes: 5 },
    } as unknown as PlanInput;
    resumeDayAfterDay(input, 0);
  });

  it('a back-dated check-in on or before the checkpoint day makes it stale; a fresh one gives the whole replay again', () => {
    let changed = 0;
    fc.assert(
      fc.property(anyInput(40), fc.double({ min: 0.2, max: 1, noNaN: true }), checkInArb(40), (input, share, late) => {
        if (daysBetween(ONSET, input.date) < 4) return;
        const checkpoint = stored(replayEpisode(input, CATALOGUE, { checkpointOn: checkpointDay(input, share) }).checkpoint);
        if (!checkpoint) return;
        // A check-in written later, dated on a day up to the checkpoint's.
        const on = addDays(ONSET, daysBetween(ONSET, checkpoint.date) - (daysBetween(ONSET, late.at.slice(0, 10)) % (daysBetween(ONSET, checkpoint.date) + 1)));
        const backDated = { ...late, id: 'back-dated', at: `${on}${late.at.slice(10)}` };
        const after = { ...input, checkIns: [...input.checkIns, backDated] };
        const full = buildPlan(after, CATALOGUE);
        const localDay = replayEpisode({ ...after, date: input.date }, CATALOGUE).history.days;
        const coveredDay = [...localDay.entries()].find(([, log]) => log.checkIns.some((c) => c.id === 'back-dated'))?.[0];
        // The rule the server applies to every write: a record on a local day up to the checkpoint's makes it stale.
        expect(checkpointCoversInstant(checkpoint, backDated.at, input.timeZone)).toBe(coveredDay !== undefined && coveredDay <= checkpoint.date);
        if (!checkpointCoversInstant(checkpoint, backDated.at, input.timeZone)) {
          expect(buildPlanResuming(windowed(after, checkpoint), CATALOGUE, checkpoint).plan).toEqual(full);
          return;
        }
        const stale = buildPlanResuming(windowed(after, checkpoint), CATALOGUE, checkpoint).plan;
        if (JSON.stringify(stale) !== JSON.stringify(full)) changed++;
        const fresh = stored(replayEpisode(after, CATALOGUE, { checkpointOn: checkpoint.date }).checkpoint);
        expect(fresh && buildPlanResuming(windowed(after, fresh), CATALOGUE, fresh).plan).toEqual(full);
      }),
      { numRuns: 200 },
    );
    // The earlier day did change some plans: resuming from the stale checkpoint would have been wrong.
    expect(changed).toBeGreaterThan(5);
  }, PROPERTY_TIMEOUT_MS);
});
