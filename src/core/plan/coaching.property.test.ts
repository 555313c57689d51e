import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BODY_REGIONS, MUSCLE_IDS, REGION_IDS } from '../body';
import { EXERCISES } from '../exercises';
import { anyInput } from './arbitraries.test-util';
import { addDays, localDate } from '../time';
import { CATALOGUE, SELF_CARE } from './fixtures.test-util';
import { buildPlan, planVolume } from './plan';
import { STAGE_IDS, type StageId } from './stages';
import type { CuePosition, MovementData, Plan, PlanInput } from './types';

/**
 * Coaching that agrees with itself: what a plan says in one place is not contradicted in another.
 * Each property states the fact in words (a regular expression, a number from docs/engine.md), never
 * by calling the code under test for the expected value.
 */

const RUNS = { numRuns: 150 };

/** What a cue under each heading must talk about (the heading the web app shows is in src/web/words/plan.ts). */
const ABOUT: Record<CuePosition, RegExp> = {
  lying: /\b(lie|lying)\b/i,
  'getting-up': /\bget up\b/i,
  standing: /\bstand\b/i,
  sitting: /\bsit(ting)?\b/i,
  walking: /\bwalk\b/i,
  lifting: /\b(lift|carry|bend)\b/i,
  exercising: /\bmovement\b/i,
  habit: /\b(a week|every day|routine)\b/i,
};

/** A cue that tells you to take a position belongs under that position's heading. */
const TAKES_POSITION: [CuePosition, RegExp][] = [
  ['lying', /\blie (on|down)\b/i],
  ['standing', /^stand\b/i],
  ['sitting', /^sit\b/i],
  ['walking', /^walk\b/i],
];

/** What the person last said they can walk, as of the end of `date` (the latest check-in on or before it). */
function reportedWalk(input: PlanInput, date: string): number {
  const upTo = input.checkIns.filter((c) => localDate(c.at, input.timeZone) <= date).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return upTo[upTo.length - 1]?.walkMinutes ?? 0;
}

/** An instant on the local day `date` in `timeZone`. */
function onLocalDay(date: string, timeZone: string): string {
  const candidates = [`${date}T12:00:00Z`, `${addDays(date, -1)}T23:00:00Z`, `${date}T03:00:00Z`];
  const at = candidates.find((c) => localDate(c, timeZone) === date);
  if (!at) throw new Error(`test setup: no instant on ${date} in ${timeZone}`);
  return at;
}

/** The input with its walks replaced by one walk of `minutes` on each day given. */
function withWalks(input: PlanInput, walks: { date: string; minutes: number }[]): PlanInput {
  const others = input.movements.filter((m) => m.kind !== 'walk');
  const added: MovementData[] = walks.filter((w) => w.minutes > 0).map((w) => ({ kind: 'walk', startedAt: onLocalDay(w.date, input.timeZone), minutes: w.minutes }));
  return { ...input, movements: [...others, ...added] };
}

const codes = (plan: Plan) => plan.reasons.map((r) => r.code);

/** The session item, if the plan has one with movements. */
const sessionOf = (plan: Plan) => plan.items.find((i) => i.kind === 'session' && i.exercises.length > 0);
const movementsOf = (plan: Plan) => {
  const s = sessionOf(plan);
  return s?.kind === 'session' ? s.exercises.length : 0;
};

/** Reasons that tell the person today asks for less than before (docs/engine.md §5): their words say "shorter" or "less". */
const STEP_BACK = ['flare-step-back', 'flare-hold', 'session-capped-flare'];
/** Reasons that make each movement lighter or easier: they may not come with more movements. */
const LIGHTER = [...STEP_BACK, 'dose-lighter', 'easier-variant'];

function postureOf(plan: Plan) {
  for (const item of plan.items) if (item.kind === 'posture') return item;
  return undefined;
}

describe('coaching that agrees with itself', () => {
  it('shows every posture cue under the position it is for', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plan = buildPlan(input, CATALOGUE);
        const posture = postureOf(plan);
        if (plan.stage === null) return;
        expect(posture).toBeDefined();
        if (!posture) return;
        expect(posture.groups.length).toBeGreaterThan(0);
        expect(posture.cues).toEqual(posture.groups.flatMap((g) => g.cues));
        expect(new Set(posture.groups.map((g) => g.position)).size).toBe(posture.groups.length);
        for (const g of posture.groups) {
          expect(g.cues.length).toBeGreaterThan(0);
          for (const cue of g.cues) {
            expect(cue, `"${cue}" under ${g.position}`).toMatch(ABOUT[g.position]);
            for (const [position, takes] of TAKES_POSITION) if (takes.test(cue)) expect(g.position, `"${cue}"`).toBe(position);
          }
        }
      }),
      RUNS,
    );
  });

  it('never starts the standing cues with lying down (the settle stage lists lying first, under its own heading)', () => {
    const plan = buildPlan(
      {
        date: '2024-03-01',
        timeZone: 'UTC',
        episode: { onsetDate: '2024-03-01', regions: ['low-back-center'], painNow: 8, triage: SELF_CARE, clinicianSeenAt: null },
        checkIns: [],
        sessions: [],
        movements: [],
        muscleNotes: [],
        preferences: { styles: ['general'], sessionMinutes: 10 },
      },
      CATALOGUE,
    );
    expect(plan.stage).toBe('settle');
    const groups = postureOf(plan)?.groups ?? [];
    expect(groups.map((g) => g.position)).toEqual(['lying', 'getting-up', 'standing']);
    expect(groups.find((g) => g.position === 'standing')?.cues.every((c) => !/\blie\b/i.test(c))).toBe(true);
  });

  it('never asks to ease off walking that is within what the check-in said you can walk, and plans no walk longer than that', () => {
    let withinSome = 0;
    fc.assert(
      fc.property(anyInput(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (input, shareToday, shareYesterday) => {
        const yesterday = addDays(input.date, -1);
        const walks = [
          { date: input.date, minutes: Math.floor(reportedWalk(input, input.date) * shareToday) },
          { date: yesterday, minutes: Math.floor(reportedWalk(input, yesterday) * shareYesterday) },
        ];
        if (walks.some((w) => w.minutes > 0)) withinSome++;
        const plan = buildPlan(withWalks(input, walks), CATALOGUE);
        expect(codes(plan)).not.toContain('ease-off-walk');
        // The longest planned walk is what the person last said they can walk (never below the 2-minute floor, docs/engine.md §5).
        for (const item of plan.items) {
          if (item.kind !== 'walk') continue;
          expect(item.minutesEach).toBeLessThanOrEqual(Math.max(2, reportedWalk(input, input.date)));
          // The Move screen measures today's walking against the same number.
          expect(item.reportedMinutes).toBe(reportedWalk(input, input.date));
        }
      }),
      RUNS,
    );
    expect(withinSome).toBeGreaterThan(10);
  });

  it('still asks to ease off walking far beyond both the plan and what the check-in said', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plain = buildPlan(withWalks(input, []), CATALOGUE);
        if (plain.stage === null) return;
        // docs/engine.md §5: over 1.5 × and at least 10 minutes over (the larger of the plan and the check-in).
        const reference = Math.max(planVolume(plain).walkMinutes, reportedWalk(input, input.date));
        const minutes = Math.max(Math.ceil(reference * 1.5) + 1, reference + 10);
        const plan = buildPlan(withWalks(input, [{ date: input.date, minutes }]), CATALOGUE);
        expect(codes(plan)).toContain('ease-off-walk');
      }),
      RUNS,
    );
  });

  it('a check-in of "over 30 minutes" walking and a 35-minute walk draw no "ease off" (the case in issue 9)', () => {
    const days = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04'];
    const checkIns = days.map((d, i) => ({ id: `c${i}`, at: `${d}T08:00:00Z`, painNow: 4, painWorst24h: 5, standStraight: 'yes' as const, walkMinutes: i < 3 ? 5 : 30, regions: ['low-back-center' as const] }));
    const input: PlanInput = {
      date: '2024-03-04',
      timeZone: 'UTC',
      episode: { onsetDate: '2024-03-01', regions: ['low-back-center'], painNow: 4, triage: SELF_CARE, clinicianSeenAt: null },
      checkIns,
      sessions: [],
      movements: [{ kind: 'walk', startedAt: '2024-03-04T10:00:00Z', minutes: 35 }],
      muscleNotes: [],
      preferences: { styles: ['general'], sessionMinutes: 20 },
    };
    const plan = buildPlan(input, CATALOGUE);
    expect(planVolume(plan).walkMinutes).toBeLessThan(35);
    expect(codes(plan)).not.toContain('ease-off-walk');
  });

  it('plans the session at the chosen length within the stage ceiling (±10 %), unless it says a flare shortened it', () => {
    // docs/engine.md §5, "Session length": each stage's ceiling in minutes.
    const CEILING: Record<StageId, number> = { settle: 5, 'stand-walk': 10, move: 20, strengthen: 30, maintain: 15 };
    const SHORTENED = ['flare-step-back', 'flare-hold', 'session-capped-flare', 'session-capped-pacing'];
    let checked = 0;
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plan = buildPlan(input, EXERCISES);
        const session = plan.items.find((i) => i.kind === 'session');
        // A paused session shows no length (it waits for a clinician), so there is nothing to agree with.
        if (!plan.stage || !session || session.paused || codes(plan).some((c) => SHORTENED.includes(c))) return;
        checked++;
        const aim = Math.min(input.preferences.sessionMinutes, CEILING[plan.stage]);
        expect(session.totalMinutes, `${plan.stage}, chose ${input.preferences.sessionMinutes}`).toBeGreaterThanOrEqual(aim * 0.9 - 0.05);
        expect(session.totalMinutes, `${plan.stage}, chose ${input.preferences.sessionMinutes}`).toBeLessThanOrEqual(aim * 1.1 + 0.05);
        // A shorter session than chosen is explained by the stage ceiling.
        if (aim < input.preferences.sessionMinutes) expect(codes(plan)).toContain('session-capped-stage');
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThan(25);
  });

  it('a Move-stage person who chose 20 minutes gets about 20, not 4 (the case in issue 9)', () => {
    const checkIns = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05'].map((d, i) => ({
      id: `c${i}`,
      at: `${d}T08:00:00Z`,
      painNow: i === 0 ? 6 : 4,
      painWorst24h: i === 0 ? 7 : 5,
      standStraight: i === 0 ? ('partly' as const) : ('yes' as const),
      walkMinutes: i === 0 ? 3 : 15,
      regions: ['low-back-center' as const],
    }));
    const input: PlanInput = {
      date: '2024-03-05',
      timeZone: 'UTC',
      episode: { onsetDate: '2024-03-01', regions: ['low-back-center'], painNow: 6, triage: SELF_CARE, clinicianSeenAt: null },
      checkIns,
      sessions: [],
      movements: [],
      muscleNotes: [],
      preferences: { styles: ['pilates'], sessionMinutes: 20 },
    };
    const plan = buildPlan(input, EXERCISES);
    expect(plan.stage).toBe('move');
    const session = plan.items.find((i) => i.kind === 'session');
    expect(session?.totalMinutes).toBeGreaterThanOrEqual(18);
    expect(session?.totalMinutes).toBeLessThanOrEqual(22);
  });

  it('says "shorter" or "less" only as a step back (or against the length you chose)', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        for (const r of buildPlan(input, EXERCISES).reasons) {
          if (/\b(shorter|a little less)\b/i.test(r.text) && !/you chose/.test(r.text)) expect(STEP_BACK, r.text).toContain(r.code);
        }
      }),
      RUNS,
    );
  });

  it('a day announced as a step back asks for no more minutes and no more movements than the day before', () => {
    let stepBacks = 0;
    fc.assert(
      fc.property(anyInput(), (input) => {
        const today = buildPlan(input, EXERCISES);
        if (!codes(today).some((c) => STEP_BACK.includes(c))) return;
        stepBacks++;
        const yesterday = buildPlan({ ...input, date: addDays(input.date, -1) }, EXERCISES);
        // A session paused for a doctor's visit shows no movements; there is nothing to compare with.
        if ([today, yesterday].some((p) => p.items.some((i) => i.kind === 'session' && i.paused))) return;
        const [t, y] = [planVolume(today), planVolume(yesterday)];
        expect(t.walkMinutes).toBeLessThanOrEqual(y.walkMinutes);
        expect(t.sessionMinutes).toBeLessThanOrEqual(y.sessionMinutes);
        expect(movementsOf(today)).toBeLessThanOrEqual(movementsOf(yesterday));
      }),
      { numRuns: 300 },
    );
    expect(stepBacks).toBeGreaterThan(10);
  });

  it('after "this hurts", a plan that says shorter is shorter, with no more movements, than the plan just before', () => {
    let hurts = 0;
    fc.assert(
      fc.property(anyInput(), fc.integer({ min: 6, max: 9 }), fc.integer({ min: 0, max: 3 }), (generated, pain, done) => {
        // The plan before: nothing logged today yet.
        const input = { ...generated, sessions: generated.sessions.filter((s) => localDate(s.endedAt, generated.timeZone) !== generated.date) };
        const before = buildPlan(input, EXERCISES);
        const session = sessionOf(before);
        if (session?.kind !== 'session' || session.paused) return;
        // Some movements done, then "this hurts" on the next one, and the session ends there.
        const hurtAt = Math.min(done, session.exercises.length - 1);
        const endedAt = onLocalDay(input.date, input.timeZone);
        const log = {
          id: 'this-hurts',
          startedAt: new Date(Date.parse(endedAt) - 5 * 60_000).toISOString(),
          endedAt,
          painBefore: 3,
          painAfter: pain,
          feel: 'too_much' as const,
          exercises: session.exercises.slice(0, hurtAt + 1).map((e, i) => ({ exerciseId: e.exerciseId, outcome: i === hurtAt ? ('swapped' as const) : ('done' as const), painDuring: i === hurtAt ? pain : 2 })),
        };
        const after = buildPlan({ ...input, sessions: [...input.sessions, log] }, EXERCISES);
        if (!codes(after).some((c) => LIGHTER.includes(c))) return;
        hurts++;
        expect(movementsOf(after)).toBeLessThanOrEqual(movementsOf(before));
        if (codes(after).some((c) => STEP_BACK.includes(c))) {
          // Strictly shorter, unless it was one movement already at its smallest dose (nothing left to take away).
          if (movementsOf(before) > 1) expect(planVolume(after).sessionMinutes).toBeLessThan(planVolume(before).sessionMinutes);
          else expect(planVolume(after).sessionMinutes).toBeLessThanOrEqual(planVolume(before).sessionMinutes);
          expect(planVolume(after).walkMinutes).toBeLessThanOrEqual(planVolume(before).walkMinutes);
        }
      }),
      RUNS,
    );
    expect(hurts).toBeGreaterThan(30);
  });

  it('"this hurts" in a 20-minute Move session gives a shorter session with fewer movements (the case in issue 9)', () => {
    const days = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05', '2024-03-06'];
    const input: PlanInput = {
      date: '2024-03-06',
      timeZone: 'UTC',
      episode: { onsetDate: '2024-03-01', regions: ['low-back-center'], painNow: 6, triage: SELF_CARE, clinicianSeenAt: null },
      checkIns: days.map((d, i) => ({ id: `c${i}`, at: `${d}T08:00:00Z`, painNow: i === 0 ? 6 : 4, painWorst24h: i === 0 ? 7 : 5, standStraight: i === 0 ? 'partly' : 'yes', walkMinutes: i === 0 ? 3 : 15, regions: ['low-back-center'] })),
      sessions: days.slice(1, 5).map((d, i) => ({ id: `s${i}`, startedAt: `${d}T10:00:00Z`, endedAt: `${d}T10:20:00Z`, painBefore: 3, painAfter: 3, feel: 'right', exercises: [] })),
      movements: [],
      muscleNotes: [],
      preferences: { styles: ['general'], sessionMinutes: 20 },
    };
    const before = buildPlan(input, EXERCISES);
    const first = sessionOf(before);
    if (first?.kind !== 'session') throw new Error('test setup: the plan has a session');
    const [done, hurt] = first.exercises;
    if (!done || !hurt) throw new Error('test setup: the session has two movements');
    const log = {
      id: 'this-hurts',
      startedAt: '2024-03-06T10:00:00Z',
      endedAt: '2024-03-06T10:06:00Z',
      painBefore: 3,
      painAfter: 7,
      feel: 'too_much' as const,
      exercises: [
        { exerciseId: done.exerciseId, outcome: 'done' as const, painDuring: 3 },
        { exerciseId: hurt.exerciseId, outcome: 'swapped' as const, painDuring: 7 },
      ],
    };
    const after = buildPlan({ ...input, sessions: [...input.sessions, log] }, EXERCISES);
    expect(codes(after)).toContain('flare-step-back');
    expect(movementsOf(after)).toBeLessThanOrEqual(movementsOf(before));
    expect(planVolume(after).sessionMinutes).toBeLessThanOrEqual(planVolume(before).sessionMinutes * 0.8 + 0.05);
  });

  it('never shows a raw value: no id, code or enum in any reason or cue', () => {
    const ids = [
      ...REGION_IDS,
      ...MUSCLE_IDS,
      ...new Set(BODY_REGIONS.map((r) => r.area)),
      ...EXERCISES.map((e) => e.id),
      ...STAGE_IDS,
      'self-care',
      'urgent-doctor',
      'keep-moving',
      'related-pains',
      'too_easy',
      'too_much',
    ].filter((id) => /[-_]/.test(id)); // one-word ids ("arms", "move") are plain words in a sentence

    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const raw = new RegExp(`(?<![\\w-])(${ids.map(escape).join('|')})(?![\\w-])`);
    // snake_case (within_24h, one_leg_stable) and rule ids (E1_CES_SYMPTOMS, R1_PAIN_DURING_OVER_5).
    const snake = /\b[A-Za-z]+[0-9]*_[A-Za-z0-9_]+\b/;
    // A value shown on its own must be worded ("Partly", never "partly").
    const bare = /:\s*(yes|no|partly)\b/;
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plan = buildPlan(input, EXERCISES);
        const texts = [...plan.reasons.map((r) => r.text), ...plan.items.flatMap((i) => (i.kind === 'posture' ? i.cues : []))];
        for (const t of texts) {
          expect(t, t).not.toMatch(raw);
          expect(t, t).not.toMatch(snake);
          expect(t, t).not.toMatch(bare);
        }
      }),
      RUNS,
    );
  });
});
