import { describe, expect, it } from 'vitest';
import type { Dose } from '../exercises/types';
import { holdSignal, withCountedReps } from './counted';
import type { ExerciseRecord, SessionEntry } from './timer';

const REPS: Dose = { kind: 'reps', reps: 8, sets: 1, secondsPerRep: 5, restSeconds: 0, sides: 'both' };
const HOLD: Dose = { kind: 'hold', holdSeconds: 20, reps: 2, sets: 1, restSeconds: 5, sides: 'both' };
const entries: SessionEntry[] = [
  { exerciseId: 'a', dose: REPS, prepareSeconds: 6, cueCount: 3 },
  { exerciseId: 'b', dose: HOLD, prepareSeconds: 6, cueCount: 3 },
  { exerciseId: 'c', dose: REPS, prepareSeconds: 6, cueCount: 3 },
];
const records: ExerciseRecord[] = [
  { exerciseId: 'a', outcome: 'done', reps: 8 },
  { exerciseId: 'b', outcome: 'done', reps: 2, holdSeconds: 20 },
  { exerciseId: 'c', outcome: 'skipped', reps: 3 },
];

describe('repetitions counted by the camera in the session log', () => {
  it('replace the tempo’s count only where the camera counted some', () => {
    const out = withCountedReps(records, entries, new Map([[0, 5], [1, 9], [2, 0]]));
    expect(out).toEqual([{ exerciseId: 'a', outcome: 'done', reps: 5 }, records[1], records[2]]);
    expect(withCountedReps(records, entries, new Map())).toEqual(records);
    expect(withCountedReps(records, entries, new Map([[2, 9_999]]))[2]?.reps).toBe(500);
  });
});

describe('a hold watched by the camera', () => {
  it('waits when the pose is lost, goes when it is reached, and goes on when the camera is off', () => {
    const hold = (waitingForForm: boolean) => ({ phase: 'hold', waitingForForm });
    expect(holdSignal(hold(false), false)).toBe('form-wait');
    expect(holdSignal(hold(true), false)).toBeNull();
    expect(holdSignal(hold(true), true)).toBe('form-go');
    expect(holdSignal(hold(false), true)).toBeNull();
    expect(holdSignal(hold(true), false, false)).toBe('form-go');
    expect(holdSignal({ phase: 'move', waitingForForm: false }, false)).toBeNull();
    expect(holdSignal({ phase: 'rest', waitingForForm: true }, false)).toBe('form-go');
  });
});
