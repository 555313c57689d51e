import { describe, it, expect } from 'vitest';
import { STAGE_IDS, stageIndex } from '../plan/stages';
import {
  ALL_JOINTS,
  angleOf,
  EXERCISES,
  EXERCISE_STYLES,
  JOINTS,
  JOINT_RANGES,
  doseSeconds,
  exerciseById,
  exercisesForStage,
  validateCatalogue,
  type Exercise,
} from './index';
import { mirror, standing } from './poses';

/** A deep copy of the catalogue that a test may break without touching the real one. */
function copy(): Exercise[] {
  return structuredClone(EXERCISES) as Exercise[];
}

function find(list: Exercise[], id: string): Exercise {
  const e = list.find((x) => x.id === id);
  if (!e) throw new Error(`test setup: ${id} is not in the catalogue`);
  return e;
}

describe('the exercise catalogue', () => {
  it('passes its own validation', () => {
    const problems = validateCatalogue(EXERCISES);
    expect(problems, `Catalogue problems:\n${problems.join('\n')}`).toEqual([]);
  });

  it('has enough exercises in every style', () => {
    const count = (style: string) => EXERCISES.filter((e) => e.style === style).length;
    expect(EXERCISES.length).toBeGreaterThanOrEqual(48);
    expect(count('general')).toBeGreaterThanOrEqual(18);
    for (const style of EXERCISE_STYLES.filter((s) => s !== 'general')) expect(count(style), style).toBeGreaterThanOrEqual(6);
  });

  it('includes the basics the plan relies on', () => {
    const required = [
      'lie-flat-reset',
      'diaphragmatic-breathing',
      'pelvic-tilt',
      'knee-rocks',
      'supported-sit-to-stand',
      'abdominal-bracing',
      'wall-posture',
      'slow-walk',
      'bridge',
      'bird-dog',
      'dead-bug',
      'cat-cow',
      'supported-childs-pose',
      'side-lying-stretch',
      'neck-mobility',
      'chin-tuck',
      'shoulder-rolls',
      'hip-flexor-stretch',
      'hamstring-stretch-strap',
      'knee-to-chest',
      'figure-four-stretch',
      'calf-stretch-wall',
      'hip-hinge-practice',
      'heel-raises',
      'stand-and-reach',
      'march-on-the-spot',
    ];
    for (const id of required) expect(exerciseById(id), id).toBeDefined();
  });

  it('offers a warm-up, a main and a cool-down in every style from the move stage on', () => {
    for (const style of EXERCISE_STYLES) {
      for (const stage of ['move', 'strengthen', 'maintain'] as const) {
        const roles = new Set(exercisesForStage(stage, style).map((e) => e.role));
        expect([...roles].sort(), `${style} at ${stage}`).toEqual(['cool-down', 'main', 'warm-up']);
      }
    }
  });

  it('keeps the settle stage to lying, breathing, tiny moves and a few steps', () => {
    const settle = exercisesForStage('settle');
    expect(settle.length).toBeGreaterThanOrEqual(6);
    for (const e of settle) {
      expect(e.loadType, e.id).not.toBe('strengthen');
      expect(['lying', 'sitting', 'standing', 'walking'], e.id).toContain(e.position);
    }
    expect(settle.some((e) => e.loadType === 'breathe')).toBe(true);
    expect(settle.some((e) => e.loadType === 'walk')).toBe(true);
  });

  it('never asks for jumping or sharp moves', () => {
    const text = EXERCISES.flatMap((e) => [e.name, e.summary, ...e.cues]).join(' ').toLowerCase();
    expect(text).not.toMatch(/\b(jump|sauté|saute|hop|cartwheel|stamp hard)\b/);
  });

  it('keeps chest lifts out of the early stages', () => {
    const chestLift = exerciseById('pilates-chest-lift');
    expect(chestLift?.stages[0]).toBe('strengthen');
  });

  it('links most variants both ways', () => {
    let pairs = 0;
    let reciprocal = 0;
    for (const e of EXERCISES) {
      if (!e.harderId) continue;
      pairs++;
      if (exerciseById(e.harderId)?.easierId === e.id) reciprocal++;
    }
    expect(pairs).toBeGreaterThan(10);
    expect(reciprocal / pairs).toBeGreaterThan(0.5);
  });

  it('looks exercises up by id and stage', () => {
    expect(exerciseById('yoga-cat-cow')?.style).toBe('yoga');
    expect(exerciseById('no-such-exercise')).toBeUndefined();
    const move = exercisesForStage('move');
    expect(move.length).toBeGreaterThan(0);
    expect(move.every((e) => e.stages.includes('move'))).toBe(true);
    expect(exercisesForStage('strengthen', 'ballet').every((e) => e.style === 'ballet' && e.stages.includes('strengthen'))).toBe(true);
  });

  it('mirrors a pose for the other side of a one-sided move', () => {
    const s = standing({ hipL: 20, kneeL: 30, shoulderR: 90 });
    const m = mirror(s);
    expect(m.hipR).toBe(20);
    expect(m.kneeR).toBe(30);
    expect(m.shoulderL).toBe(90);
    expect(mirror(m)).toEqual(s);
  });

  it('sets each movement up in the position it is listed under', () => {
    // The words that put a body in each position; a walking movement starts by standing.
    const puts: Record<Exercise['position'], RegExp> = {
      lying: /\b(lie|lying)\b/i,
      sitting: /\b(sit|sitting)\b/i,
      standing: /\bstand(ing)?\b/i,
      quadruped: /\b(hands and knees|kneel)\b/i,
      walking: /\b(walk|stand)\b/i,
    };
    const anyPosition = new RegExp(Object.values(puts).map((r) => r.source).join('|'), 'i');
    for (const e of EXERCISES) {
      const setUp = e.cues.find((c) => anyPosition.test(c));
      expect(setUp, `${e.id} never says which position to take`).toBeDefined();
      expect(setUp, `${e.id} is listed as ${e.position}`).toMatch(puts[e.position]);
    }
  });

  it('keeps every easier variant reachable at or before the earliest stage', () => {
    for (const e of EXERCISES) {
      if (!e.easierId) continue;
      const easier = exerciseById(e.easierId);
      expect(easier, e.id).toBeDefined();
      const first = Math.min(...e.stages.map(stageIndex));
      expect(Math.min(...(easier?.stages ?? STAGE_IDS).map(stageIndex)), e.id).toBeLessThanOrEqual(first);
    }
  });
});

describe('validateCatalogue catches broken data', () => {
  const mentions = (problems: string[], ...parts: string[]) => problems.some((p) => parts.every((part) => p.includes(part)));

  it('an angle outside its range', () => {
    const list = copy();
    const e = find(list, 'bridge');
    const frame = e.keyframes[1];
    if (!frame) throw new Error('test setup');
    frame.pose.kneeL = JOINT_RANGES.kneeL[1] + 10;
    const problems = validateCatalogue(list);
    expect(mentions(problems, 'bridge', 'kneeL', 'outside its range')).toBe(true);
  });

  it('an angle that is not a number', () => {
    const list = copy();
    const frame = find(list, 'pelvic-tilt').keyframes[0];
    if (!frame) throw new Error('test setup');
    frame.pose.neck = Number.NaN;
    expect(mentions(validateCatalogue(list), 'pelvic-tilt', 'neck', 'not a finite number')).toBe(true);
  });

  it('a single keyframe', () => {
    const list = copy();
    const e = find(list, 'knee-rocks');
    e.keyframes = e.keyframes.slice(0, 1);
    expect(mentions(validateCatalogue(list), 'knee-rocks', 'at least 2 keyframes')).toBe(true);
  });

  it('keyframe times that do not start at 0 or do not increase', () => {
    const list = copy();
    const a = find(list, 'cat-cow');
    const b = find(list, 'dead-bug');
    const a0 = a.keyframes[0];
    const b2 = b.keyframes[2];
    if (!a0 || !b2) throw new Error('test setup');
    a0.t = 1;
    b2.t = 0.5;
    const problems = validateCatalogue(list);
    expect(mentions(problems, 'cat-cow', 't = 0')).toBe(true);
    expect(mentions(problems, 'dead-bug', 'strictly increase')).toBe(true);
  });

  it('a loop that does not close', () => {
    const list = copy();
    const e = find(list, 'heel-raises');
    const last = e.keyframes[e.keyframes.length - 1];
    if (!last) throw new Error('test setup');
    last.pose = { ...last.pose, ankleL: 25 };
    expect(mentions(validateCatalogue(list), 'heel-raises', 'return to the first pose')).toBe(true);
  });

  it('an unknown easier variant', () => {
    const list = copy();
    find(list, 'bird-dog').easierId = 'flying-dog';
    expect(mentions(validateCatalogue(list), 'bird-dog', 'easierId', 'flying-dog', 'not in the catalogue')).toBe(true);
  });

  it('a variant that points at itself', () => {
    const list = copy();
    find(list, 'bridge').harderId = 'bridge';
    expect(mentions(validateCatalogue(list), 'bridge', 'harderId', 'itself')).toBe(true);
  });

  it('a harder variant that stops at an earlier stage', () => {
    const list = copy();
    // knee-rocks runs to maintain; log-roll-get-up stops at stand-walk.
    find(list, 'knee-rocks').harderId = 'log-roll-get-up';
    expect(mentions(validateCatalogue(list), 'knee-rocks', 'harder variant', 'log-roll-get-up', 'stand-walk')).toBe(true);
  });

  it('an easier variant that starts at a later stage', () => {
    const list = copy();
    // supported-sit-to-stand starts at stand-walk; dead-bug only at strengthen.
    find(list, 'supported-sit-to-stand').easierId = 'dead-bug';
    expect(mentions(validateCatalogue(list), 'supported-sit-to-stand', 'easier variant', 'dead-bug', 'strengthen')).toBe(true);
  });

  it('a later-stage exercise with no way to step back', () => {
    const list = copy();
    find(list, 'dead-bug').easierId = null;
    expect(mentions(validateCatalogue(list), 'dead-bug', 'needs an easier variant')).toBe(true);
  });

  it('variants that loop back on themselves', () => {
    const list = copy();
    // bird-dog is already harder than cat-cow; making cat-cow harder than bird-dog closes a loop.
    find(list, 'bird-dog').harderId = 'cat-cow';
    expect(mentions(validateCatalogue(list), 'loops back', 'cat-cow', 'bird-dog')).toBe(true);
  });

  it('a duplicate id', () => {
    const list = copy();
    const dup = structuredClone(find(list, 'slow-walk'));
    list.push(dup);
    expect(mentions(validateCatalogue(list), 'slow-walk', 'used more than once')).toBe(true);
  });

  it('a muscle in both lists, an unknown muscle, and a strengthening move with nothing to strengthen', () => {
    const list = copy();
    const bridge = find(list, 'bridge');
    bridge.relaxes = [...bridge.relaxes, 'glute-max'];
    const hinge = find(list, 'hip-hinge-practice');
    hinge.strengthens = [];
    const twist = find(list, 'yoga-supine-twist');
    (twist.relaxes as string[]).push('spleen');
    const problems = validateCatalogue(list);
    expect(mentions(problems, 'bridge', 'glute-max', 'both')).toBe(true);
    expect(mentions(problems, 'hip-hinge-practice', 'must name the muscles it strengthens')).toBe(true);
    expect(mentions(problems, 'yoga-supine-twist', 'unknown muscle', 'spleen')).toBe(true);
  });

  it('missing or empty fields', () => {
    const list = copy();
    const e = find(list, 'chin-tuck');
    e.name = ' ';
    e.stages = [];
    e.cues = ['Nod.'];
    e.cautions = ['Go gently.'];
    const problems = validateCatalogue(list);
    expect(mentions(problems, 'chin-tuck', 'name is missing')).toBe(true);
    expect(mentions(problems, 'chin-tuck', 'at least one stage')).toBe(true);
    expect(mentions(problems, 'chin-tuck', 'cues')).toBe(true);
    expect(mentions(problems, 'chin-tuck', 'when to stop')).toBe(true);
  });

  it('an unrealistic dose', () => {
    const list = copy();
    find(list, 'bridge').dose = { kind: 'reps', reps: 100, sets: 1, secondsPerRep: 6, restSeconds: 30, sides: 'both' };
    expect(mentions(validateCatalogue(list), 'bridge', 'dose reps')).toBe(true);
  });

  it('strengthening in the settle stage, and a start pose that does not match the position', () => {
    const list = copy();
    const bird = find(list, 'bird-dog');
    bird.stages = ['settle', ...bird.stages];
    const walk = find(list, 'slow-walk');
    walk.position = 'lying';
    const problems = validateCatalogue(list);
    expect(mentions(problems, 'bird-dog', 'settle', 'not strengthening')).toBe(true);
    expect(mentions(problems, 'slow-walk', 'does not look like lying')).toBe(true);
  });

  it('too few exercises in a style', () => {
    const list = copy().filter((e) => e.style !== 'flamenco' || e.id === 'flamenco-marcaje');
    const problems = validateCatalogue(list);
    expect(mentions(problems, 'flamenco', 'at least 6')).toBe(true);
  });

  it('stays quiet about a valid catalogue and only names the broken exercise', () => {
    const list = copy();
    find(list, 'knee-to-chest').keyframes = [];
    const problems = validateCatalogue(list);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith('knee-to-chest'))).toBe(true);
  });
});

describe('the skeleton model in the catalogue', () => {
  it('gives every side-view joint in every pose, and only joints of the model', () => {
    for (const e of EXERCISES)
      for (const f of e.keyframes) {
        const keys = Object.keys(f.pose);
        for (const j of JOINTS) expect(keys, e.id).toContain(j);
        for (const k of keys) expect(ALL_JOINTS, `${e.id}: ${k}`).toContain(k);
      }
  });

  it('moves at least one joint in every exercise, even the resting ones (the breath)', () => {
    for (const e of EXERCISES) {
      const first = e.keyframes[0]?.pose;
      if (!first) continue;
      const moves = e.keyframes.some((f) => ALL_JOINTS.some((j) => angleOf(f.pose, j) !== angleOf(first, j)));
      expect(moves, e.id).toBe(true);
    }
  });
});

describe('doseSeconds', () => {
  it('counts reps, sets and rest between sets', () => {
    expect(doseSeconds({ kind: 'reps', reps: 8, sets: 1, secondsPerRep: 6, restSeconds: 30, sides: 'both' })).toBe(48);
    expect(doseSeconds({ kind: 'reps', reps: 6, sets: 2, secondsPerRep: 5, restSeconds: 30, sides: 'both' })).toBe(2 * 6 * 5 + 30);
  });

  it('doubles a one-sided dose', () => {
    expect(doseSeconds({ kind: 'reps', reps: 6, sets: 2, secondsPerRep: 5, restSeconds: 30, sides: 'each' })).toBe(2 * (60 + 30));
    expect(doseSeconds({ kind: 'time', seconds: 60, sides: 'each' })).toBe(120);
  });

  it('counts holds with the rest between them, not after the last', () => {
    expect(doseSeconds({ kind: 'hold', holdSeconds: 20, reps: 3, sets: 1, restSeconds: 10, sides: 'both' })).toBe(3 * 20 + 2 * 10);
    expect(doseSeconds({ kind: 'hold', holdSeconds: 10, reps: 2, sets: 2, restSeconds: 5, sides: 'each' })).toBe(2 * (4 * 10 + 3 * 5));
    expect(doseSeconds({ kind: 'hold', holdSeconds: 15, reps: 1, sets: 1, restSeconds: 30, sides: 'both' })).toBe(15);
  });

  it('takes a timed dose as it is', () => {
    expect(doseSeconds({ kind: 'time', seconds: 300, sides: 'both' })).toBe(300);
  });

  it('gives every catalogue dose a short, positive length', () => {
    for (const e of EXERCISES) {
      const s = doseSeconds(e.dose);
      expect(s, e.id).toBeGreaterThan(0);
      expect(s, e.id).toBeLessThanOrEqual(20 * 60);
    }
  });
});
