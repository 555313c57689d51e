import { describe, expect, it } from 'vitest';
import { addDays } from '../time';
import { CATALOGUE, checkIn, planInput, sessionLog, type CheckInSpec } from './fixtures.test-util';
import { replayEpisode } from './replay';
import { CHECK_INS_TO_MOVE_UP, FLARE_BLOCK_HOURS, FLARE_PERSIST_CHECK_INS, STAGE_ENTRY, STAGE_HOLD, entryLevel, holdLevel } from './stage';
import type { StageId } from './stages';
import type { CheckInData, PlanInput, SessionLogData } from './types';

const ONSET = '2024-03-01';
const day = (n: number) => addDays(ONSET, n);

/** Check-in levels: each meets the entry criteria of the stage it is named after (and no higher). */
const SETTLE: CheckInSpec = { painNow: 8, standStraight: 'no', walkMinutes: 0 };
const STAND: CheckInSpec = { painNow: 5, standStraight: 'partly', walkMinutes: 3 };
const MOVE: CheckInSpec = { painNow: 4, painWorst24h: 4, standStraight: 'yes', walkMinutes: 12 };
const STRONG: CheckInSpec = { painNow: 2, painWorst24h: 3, standStraight: 'yes', walkMinutes: 25 };
const WELL: CheckInSpec = { painNow: 0, painWorst24h: 1, standStraight: 'yes', walkMinutes: 35 };

function run(checkIns: CheckInData[], extra: Partial<PlanInput> = {}) {
  const last = checkIns.map((c) => c.at.slice(0, 10)).sort().at(-1) ?? ONSET;
  const { days } = replayEpisode(planInput({ date: last, checkIns, ...extra }), CATALOGUE);
  return days;
}

/** The stage after each check-in day, in order. */
function stages(checkIns: CheckInData[], extra: Partial<PlanInput> = {}): StageId[] {
  const dates = new Set(checkIns.map((c) => c.at.slice(0, 10)));
  return run(checkIns, extra)
    .filter((d) => dates.has(d.date))
    .map((d) => d.stage);
}

function daily(specs: CheckInSpec[], from = 0): CheckInData[] {
  return specs.map((s, i) => checkIn(day(from + i), s));
}

describe('criteria', () => {
  it.each([
    [SETTLE, 0, 'settle'],
    [{ ...STAND, painNow: 7 }, 0, 'settle'],
    [STAND, 0, 'stand-walk'],
    [MOVE, 0, 'move'],
    [STRONG, 6, 'move'],
    [STRONG, 7, 'strengthen'],
    [WELL, 13, 'strengthen'],
    [WELL, 14, 'maintain'],
  ] as const)('entry level of %o on day %i is %s', (spec, days, expected) => {
    expect(entryLevel(checkIn(day(days), spec), days)).toBe(expected);
  });

  it('keeps hold criteria looser than entry criteria', () => {
    for (const s of ['move', 'strengthen', 'maintain'] as const) {
      expect(STAGE_HOLD[s].maxPainNow).toBeGreaterThan(STAGE_ENTRY[s].maxPainNow);
      expect(STAGE_HOLD[s].minWalkMinutes).toBeLessThan(STAGE_ENTRY[s].minWalkMinutes);
    }
    expect(holdLevel(checkIn(day(0), { painNow: 6, standStraight: 'partly', walkMinutes: 6 }))).toBe('move');
  });
});

describe('the first check-in', () => {
  it.each([
    ['cannot stand straight', SETTLE, 'settle'],
    ['severe pain', { ...MOVE, painNow: 7 }, 'settle'],
    ['can stand, pain 5', STAND, 'stand-walk'],
    ['already walking well: starts at most in stand-walk', WELL, 'stand-walk'],
  ] as const)('%s → %s', (_name, spec, expected) => {
    expect(stages([checkIn(day(20), spec)])).toEqual([expected]);
  });

  it('starts in settle with no check-in at all', () => {
    const days = run([], { date: day(3) } as Partial<PlanInput>);
    expect(days.at(-1)?.stage).toBe('settle');
    expect(days.at(-1)?.stageState.decision.kind).toBe('no-check-in');
  });
});

describe('moving up', () => {
  it(`needs the next stage's criteria on ${CHECK_INS_TO_MOVE_UP} check-ins in a row`, () => {
    const days = run(daily([SETTLE, STAND, STAND]));
    expect(days.map((d) => d.stage)).toEqual(['settle', 'settle', 'stand-walk']);
    expect(days.map((d) => d.stageState.decision.kind)).toEqual(['start', 'ready-once', 'up']);
  });

  it('starts counting again when a check-in in between falls short', () => {
    expect(stages(daily([SETTLE, STAND, SETTLE, STAND]))).toEqual(['settle', 'settle', 'settle', 'settle']);
  });

  it('counts two check-ins on the same day once', () => {
    const checkIns = [checkIn(day(0), SETTLE), checkIn(day(1), { ...STAND, hour: 8 }), checkIn(day(1), { ...STAND, hour: 20 })];
    expect(stages(checkIns)).toEqual(['settle', 'settle']);
    expect(stages([...checkIns, checkIn(day(2), STAND)])).toEqual(['settle', 'settle', 'stand-walk']);
  });

  it('counts consecutive check-ins even with days between them', () => {
    expect(stages([checkIn(day(0), SETTLE), checkIn(day(1), STAND), checkIn(day(4), STAND)])).toEqual(['settle', 'settle', 'stand-walk']);
  });

  it('moves up one stage at a time, with two fresh check-ins for each step', () => {
    expect(stages(daily([SETTLE, WELL, WELL, WELL, WELL, WELL, WELL, WELL, WELL], 14))).toEqual([
      'settle',
      'settle',
      'stand-walk',
      'stand-walk',
      'move',
      'move',
      'strengthen',
      'strengthen',
      'maintain',
    ]);
  });

  it('waits for a week since onset before strengthen', () => {
    const seq = stages(daily([MOVE, STRONG, STRONG, STRONG, STRONG, STRONG, STRONG, STRONG, STRONG]));
    expect(seq).toEqual(['stand-walk', 'move', 'move', 'move', 'move', 'move', 'move', 'move', 'strengthen']);
  });
});

describe(`no move up within ${FLARE_BLOCK_HOURS} hours of a flare`, () => {
  // In stand-walk from day 0; ready for move from day 1. A painful session (7/10) on day 2 at 17:00.
  const painful: SessionLogData = sessionLog(day(2), { hour: 17, painDuring: 7 });
  const base = [checkIn(day(0), STAND), checkIn(day(1), MOVE), checkIn(day(2), { ...MOVE, hour: 9 }), checkIn(day(3), MOVE)];

  it('holds the stage when the criteria are met but a flare is recent', () => {
    const days = run(base, { sessions: [painful] });
    expect(days.map((d) => d.stage)).toEqual(['stand-walk', 'stand-walk', 'move', 'move']);
    const held = run([checkIn(day(0), STAND), checkIn(day(2), { ...MOVE, hour: 20 }), checkIn(day(3), MOVE)], { sessions: [painful] });
    expect(held.at(-1)?.stage).toBe('stand-walk');
    expect(held.at(-1)?.stageState.decision.kind).toBe('ready-but-flare');
  });

  it.each([
    [16, 'stand-walk'],
    [18, 'move'],
  ] as const)('a check-in on day 4 at %i:00 (47 h vs 49 h after the flare) → %s', (hour, expected) => {
    const checkIns = [checkIn(day(0), STAND), checkIn(day(2), { ...MOVE, hour: 20 }), checkIn(day(3), MOVE), checkIn(day(4), { ...MOVE, hour })];
    expect(run(checkIns, { sessions: [painful] }).at(-1)?.stage).toBe(expected);
  });
});

describe('stepping back', () => {
  // Reach move on day 2, then hold it.
  const toMove = daily([STAND, MOVE, MOVE, MOVE]);

  it(`steps back one stage when a flare persists over ${FLARE_PERSIST_CHECK_INS} check-ins`, () => {
    const flare = { painNow: 5, painWorst24h: 6, standStraight: 'yes', walkMinutes: 10 } as const;
    const days = run([...toMove, checkIn(day(4), flare), checkIn(day(5), flare)]);
    expect(days.map((d) => d.stage)).toEqual(['stand-walk', 'stand-walk', 'move', 'move', 'move', 'stand-walk']);
    expect(days.at(-1)?.stageState.decision.kind).toBe('down-flare');
  });

  it('does not step back for a flare that settles by the next check-in', () => {
    const days = run([...toMove, checkIn(day(4), { painNow: 5, painWorst24h: 6, walkMinutes: 10 }), checkIn(day(5), MOVE)]);
    expect(days.at(-1)?.stage).toBe('move');
  });

  it('counts a painful session and a pain rise as the same flare persisting', () => {
    const days = run([...toMove, checkIn(day(4), MOVE), checkIn(day(5), { painNow: 5, painWorst24h: 6, walkMinutes: 10 })], {
      sessions: [sessionLog(day(3), { painAfter: 7 })],
    });
    expect(days.at(-1)?.stage).toBe('stand-walk');
  });

  it.each([
    ['cannot stand straight', { ...MOVE, standStraight: 'no' }, 'settle', ['stand']],
    ['severe pain', { ...MOVE, painNow: 7, painWorst24h: 7 }, 'settle', ['pain-now']],
    ['a short walk only', { ...MOVE, walkMinutes: 3 }, 'stand-walk', ['walk']],
  ] as const)('steps back at once when criteria fall clearly below: %s', (_name, spec, expected, unmet) => {
    const days = run([...toMove, checkIn(day(4), spec)]);
    expect(days.at(-1)?.stage).toBe(expected);
    expect(days.at(-1)?.stageState.decision).toMatchObject({ kind: 'down-criteria', from: 'move', unmet });
  });

  it('stays when a check-in is only a little below the entry criteria', () => {
    const days = run([...toMove, checkIn(day(4), { ...MOVE, painNow: 5, painWorst24h: 5, walkMinutes: 6, standStraight: 'partly' })]);
    expect(days.at(-1)?.stage).toBe('move');
  });
});
