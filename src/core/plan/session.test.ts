import { describe, expect, it } from 'vitest';
import type { MuscleId } from '../body';
import { doseSeconds, type Exercise } from '../exercises/types';
import { CATALOGUE, exercise, hold, reps, timed } from './fixtures.test-util';
import { relatedPainsFromRegions } from './regions';
import { chooseSession, loadsMuscle, relaxesMuscle, scaleDose, type SessionLimits, type SessionNeeds } from './session';
import type { StageId } from './stages';

const byId = new Map(CATALOGUE.map((e) => [e.id, e]));
const get = (id: string, list: readonly Exercise[] = CATALOGUE) => list.find((e) => e.id === id) ?? byId.get(id)!;

const needs = (over: Partial<SessionNeeds> = {}): SessionNeeds => ({
  stage: 'move',
  rotation: 0,
  styles: ['general'],
  weak: [],
  tight: [],
  related: [],
  hurt: new Set(),
  ...over,
});

const limits = (minutes: number, over: Partial<SessionLimits> = {}): SessionLimits => ({
  targetSeconds: minutes * 60,
  lowerSeconds: minutes * 60 * 0.9,
  upperSeconds: minutes * 60 * 1.1,
  cappedBy: null,
  maxDoseFactor: 1,
  ...over,
});

/** A roomier catalogue, so that sessions of every length can be sized. */
const STAGES: StageId[] = ['settle', 'stand-walk', 'move', 'strengthen', 'maintain'];
const AMPLE: Exercise[] = Array.from({ length: 48 }, (_, i) => {
  const role = i % 6 === 0 ? 'warm-up' : i % 6 === 5 ? 'cool-down' : 'main';
  const dose = i % 3 === 0 ? reps(6 + (i % 5), 3 + (i % 3), 1 + (i % 2)) : i % 3 === 1 ? hold(15 + (i % 4) * 5, 2 + (i % 3), i % 2 ? 'each' : 'both') : timed(45 + (i % 4) * 15);
  return exercise({
    id: `a-${i}`,
    style: (['general', 'pilates', 'yoga', 'ballet'] as const)[i % 4],
    stages: STAGES.filter((_, k) => k >= Math.floor(i / 12) - 1 && k <= Math.floor(i / 12) + 2),
    role,
    loadType: role === 'main' && i % 2 === 0 ? 'strengthen' : 'mobilise',
    strengthens: role === 'main' && i % 2 === 0 ? ['glute-max'] : [],
    relaxes: role !== 'main' || i % 2 === 1 ? ['back-extensors'] : [],
    dose,
  });
});

describe('choosing exercises', () => {
  it.each(['settle', 'stand-walk', 'move', 'strengthen', 'maintain'] as const)('uses only exercises for the stage (%s)', (stage) => {
    const choice = chooseSession(CATALOGUE, needs({ stage }), limits(10));
    expect(choice.exercises.length).toBeGreaterThan(0);
    for (const e of choice.exercises) expect(get(e.exerciseId).stages).toContain(stage);
  });

  it('orders warm-up, main, cool-down', () => {
    const roles = chooseSession(CATALOGUE, needs(), limits(10)).exercises.map((e) => e.role);
    const rank = { 'warm-up': 0, main: 1, 'cool-down': 2 } as const;
    expect(roles.map((r) => rank[r])).toEqual([...roles.map((r) => rank[r])].sort());
    expect(roles[0]).toBe('warm-up');
    expect(roles.at(-1)).toBe('cool-down');
  });

  it('prefers the chosen style, falls back to general, and leaves other styles out of the filling', () => {
    const choice = chooseSession(CATALOGUE, needs({ styles: ['pilates'] }), limits(10));
    const styles = choice.exercises.map((e) => get(e.exerciseId).style);
    expect(styles).toContain('pilates');
    expect(styles.every((s) => s === 'pilates' || s === 'general')).toBe(true);
    const mains = choice.exercises.filter((e) => e.role === 'main').map((e) => get(e.exerciseId).style);
    expect(mains.indexOf('pilates')).toBe(0);
  });

  it('never loads a tight muscle, and stretches it instead', () => {
    const tight: MuscleId[] = ['glute-max', 'hamstrings'];
    for (const stage of ['move', 'strengthen', 'maintain'] as const) {
      const choice = chooseSession(CATALOGUE, needs({ stage, tight, weak: ['glute-max'] }), limits(20));
      for (const e of choice.exercises) for (const m of tight) expect(loadsMuscle(get(e.exerciseId), m)).toBe(false);
      expect(choice.exercises.some((e) => relaxesMuscle(get(e.exerciseId), 'hamstrings'))).toBe(true);
      expect(choice.relaxed).toContain('hamstrings');
    }
  });

  it('strengthens weak muscles from move on, not before', () => {
    const weak: MuscleId[] = ['glute-med', 'multifidus'];
    const moving = chooseSession(CATALOGUE, needs({ stage: 'move', weak }), limits(5));
    for (const m of weak) expect(moving.exercises.some((e) => loadsMuscle(get(e.exerciseId), m))).toBe(true);
    expect(moving.strengthened).toEqual(weak);
    const standing = chooseSession(CATALOGUE, needs({ stage: 'stand-walk', weak }), limits(10));
    expect(standing.strengthened).toEqual([]);
  });

  it('adds gentle work for related pains', () => {
    const related = relatedPainsFromRegions(['neck-back', 'low-back-center']);
    expect(related.map((r) => r.area)).toEqual(['neck-shoulders']);
    const choice = chooseSession(CATALOGUE, needs({ stage: 'settle', related }), limits(5));
    expect(choice.relatedAreas).toEqual(['neck-shoulders']);
    const helper = choice.exercises.map((e) => get(e.exerciseId)).find((e) => e.relaxes.includes('upper-trapezius'));
    expect(helper?.loadType).not.toBe('strengthen');
  });

  it('swaps an exercise that hurt for its easier variant, or leaves it out', () => {
    const weak: MuscleId[] = ['hamstrings'];
    const plain = chooseSession(CATALOGUE, needs({ weak }), limits(10));
    expect(plain.exercises.map((e) => e.exerciseId)).toContain('g-bridge');
    const swapped = chooseSession(CATALOGUE, needs({ weak, hurt: new Set(['g-bridge']) }), limits(10));
    expect(swapped.exercises.map((e) => e.exerciseId)).not.toContain('g-bridge');
    expect(swapped.substitutions).toContainEqual({ fromId: 'g-bridge', toId: 'g-half-bridge' });
    const none = chooseSession(CATALOGUE, needs({ hurt: new Set(['g-side-clam']) }), limits(10));
    expect(none.substitutions).toContainEqual({ fromId: 'g-side-clam', toId: null });
    expect(none.exercises.map((e) => e.exerciseId)).not.toContain('g-side-clam');
  });

  it('rotates with the day and is the same for the same day', () => {
    const ids = (rotation: number) => chooseSession(AMPLE, needs({ rotation }), limits(10)).exercises.map((e) => e.exerciseId);
    expect(ids(3)).toEqual(ids(3));
    const week = new Set([0, 1, 2, 3, 4, 5, 6].map((r) => ids(r).join()));
    expect(week.size).toBeGreaterThan(3);
  });
});

describe('sizing', () => {
  it.each([5, 10, 20, 30])('lands within ±10 percent of %i minutes when nothing caps it', (minutes) => {
    for (const stage of ['move', 'strengthen'] as const) {
      for (let rotation = 0; rotation < 10; rotation++) {
        const choice = chooseSession(AMPLE, needs({ stage, rotation, styles: ['pilates'] }), limits(minutes));
        const total = choice.exercises.reduce((s, e) => s + doseSeconds(e.dose), 0);
        expect(total).toBe(choice.totalSeconds);
        expect(total).toBeGreaterThanOrEqual(minutes * 60 * 0.9);
        expect(total).toBeLessThanOrEqual(minutes * 60 * 1.1);
      }
    }
  });

  it('never goes above a pacing cap', () => {
    for (const cap of [100, 180, 260, 333, 517]) {
      const choice = chooseSession(AMPLE, needs(), limits(cap / 60, { upperSeconds: cap, lowerSeconds: cap * 0.9, cappedBy: 'pacing' }));
      expect(choice.totalSeconds).toBeLessThanOrEqual(cap);
    }
  });

  it('never doses above the allowed factor', () => {
    const choice = chooseSession(AMPLE, needs(), limits(30, { maxDoseFactor: 0.8 }));
    expect(choice.doseFactor).toBeLessThanOrEqual(0.8);
    for (const e of choice.exercises) {
      const base = get(e.exerciseId, AMPLE).dose;
      if (e.dose.kind !== 'time' && base.kind !== 'time') expect(e.dose.reps).toBeLessThanOrEqual(Math.round(base.reps * 0.8));
    }
  });

  it('repeats the main exercises in rounds when the catalogue is too short', () => {
    const tiny = [
      exercise({ id: 'w', stages: ['move'], role: 'warm-up', loadType: 'mobilise', dose: timed(60) }),
      exercise({ id: 'm', stages: ['move'], role: 'main', loadType: 'mobilise', dose: reps(10, 6) }),
      exercise({ id: 'c', stages: ['move'], role: 'cool-down', loadType: 'relax', dose: timed(60) }),
    ];
    const choice = chooseSession(tiny, needs(), limits(5));
    expect(choice.rounds).toBeGreaterThan(1);
    expect(choice.totalSeconds).toBeGreaterThanOrEqual(270);
    expect(choice.totalSeconds).toBeLessThanOrEqual(330);
  });

  it('gives an empty session when the cap is zero', () => {
    expect(chooseSession(CATALOGUE, needs(), limits(0, { upperSeconds: 0, lowerSeconds: 0 })).exercises).toEqual([]);
  });
});

describe('kept per catalogue', () => {
  it('chooses the same whether what is kept for a catalogue was made by earlier choices or not', () => {
    const related = relatedPainsFromRegions(['thigh-back-left', 'neck-back']);
    const cases: SessionNeeds[] = [];
    for (const stage of STAGES) {
      for (const hurt of [new Set<string>(), new Set(['g-bridge']), new Set(['g-side-clam', 'g-bridge'])]) {
        for (const rotation of [0, 1, 5]) {
          cases.push(needs({ stage, rotation, hurt, weak: ['glute-max'], tight: rotation === 1 ? ['hamstrings'] : [], related: rotation === 5 ? related : [] }));
        }
      }
    }
    const warm = CATALOGUE;
    for (const n of cases) for (const minutes of [5, 10, 20]) chooseSession(warm, n, limits(minutes));
    for (const n of cases) {
      for (const minutes of [5, 10, 20]) {
        for (const maxDoseFactor of [0.6, 0.83, 1.2]) {
          const cold = [...CATALOGUE];
          expect(chooseSession(warm, n, limits(minutes, { maxDoseFactor }))).toEqual(chooseSession(cold, n, limits(minutes, { maxDoseFactor })));
        }
      }
    }
  });
});

describe('scaleDose', () => {
  it.each([
    [reps(10, 3, 2), 0.8, 1, { reps: 8, sets: 2 }],
    [reps(10, 3, 2), 0.5, 2, { reps: 5, sets: 4 }],
    [reps(1, 3), 0.5, 1, { reps: 1 }],
    [hold(20, 3), 1.5, 1, { reps: 5, holdSeconds: 20 }],
    [timed(60), 0.8, 1, { seconds: 50 }],
    [timed(60), 0.1, 1, { seconds: 10 }],
    [timed(5), 0.5, 1, { seconds: 5 }],
  ] as const)('%o × %f (rounds %i)', (dose, factor, rounds, expected) => {
    expect(scaleDose(dose, factor, rounds)).toMatchObject(expected);
  });
});
