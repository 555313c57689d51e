import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseById } from '../exercises';
import { sceneFor } from '../exercises/scenes';
import type { Keyframe, Pose } from '../exercises/types';
import type { BodyPart } from './body';
import { highlightAt, phaseHighlights } from './highlight';
import { stageOf, type Scene } from './scene';

function highlightsOf(id: string): { phases: string[]; lit: BodyPart[][]; keyframes: Keyframe[] } {
  const e = exerciseById(id);
  if (!e) throw new Error(id);
  const scene = sceneFor(e);
  const lit = phaseHighlights(e.keyframes, scene, stageOf(scene, e.keyframes.map((k) => k.pose)).boxes);
  return { phases: e.keyframes.map((k) => k.phase), lit, keyframes: e.keyframes };
}

const litIn = (id: string, phase: string) => {
  const h = highlightsOf(id);
  return h.lit[h.phases.indexOf(phase)];
};

const STAND: Pose = { trunk: 0, neck: 0, shoulderL: 0, shoulderR: 0, elbowL: 0, elbowR: 0, hipL: 0, hipR: 0, kneeL: 0, kneeR: 0, ankleL: 0, ankleR: 0 };
const SCENE: Pick<Scene, 'moving' | 'anchor'> = { moving: ['armL'], anchor: 'feet' };

describe('the part lit in each phase', () => {
  it('lights, in every phase of every exercise, only parts the cues name or their other-side twin', () => {
    const twin: Record<string, string> = { armL: 'armR', armR: 'armL', handL: 'handR', handR: 'handL', legL: 'legR', legR: 'legL', footL: 'footR', footR: 'footL' };
    for (const e of EXERCISES) {
      const scene = sceneFor(e);
      const lit = phaseHighlights(e.keyframes, scene, stageOf(scene, e.keyframes.map((k) => k.pose)).boxes);
      expect(lit, e.id).toHaveLength(e.keyframes.length);
      for (const parts of lit) {
        expect(parts.length, e.id).toBeGreaterThan(0);
        for (const p of parts) expect(scene.moving.includes(p) || scene.moving.some((m) => twin[m] === p), `${e.id}: ${p}`).toBe(true);
      }
    }
  });

  it('follows the leg that moves in a march: the left while the left knee lifts, then the right', () => {
    expect(litIn('march-on-the-spot', 'start')).toEqual(['legL']);
    expect(litIn('march-on-the-spot', 'centre')).toEqual(['legR']);
  });

  it('follows the arm that moves in the flamenco braceo', () => {
    expect(litIn('flamenco-braceo-standing', 'left arm up')).toEqual(['armL']);
    expect(litIn('flamenco-braceo-standing', 'crossing')).toEqual(['armR']);
  });

  it('leaves unlit a part that only follows the named one (the standing foot of a tendu)', () => {
    for (const parts of highlightsOf('ballet-tendu-at-chair').lit) expect(parts).toEqual(['footR']);
  });

  it('keeps the held part lit through a hold, and lights what moves next in a still start', () => {
    const pose = (shoulderL: number): Pose => ({ ...STAND, shoulderL });
    const keyframes: Keyframe[] = [
      { t: 0, phase: 'start', pose: pose(0) },
      { t: 1, phase: 'pause', pose: pose(0) },
      { t: 3, phase: 'lift', pose: pose(120) },
      { t: 6, phase: 'hold', pose: pose(120) },
      { t: 8, phase: 'return', pose: pose(0) },
    ];
    const lit = phaseHighlights(keyframes, SCENE, []);
    expect(lit).toEqual([['armL'], ['armL'], ['armL'], ['armL'], ['armL']]);
    // Nothing named that moves: the scene's parts stay lit rather than nothing.
    const still = phaseHighlights([keyframes[0] as Keyframe, keyframes[1] as Keyframe], SCENE, []);
    expect(still).toEqual([['armL'], ['armL']]);
  });

  it('lights nothing that does not move in the phase: the other arm stays dark while one lifts', () => {
    const keyframes: Keyframe[] = [
      { t: 0, phase: 'start', pose: STAND },
      { t: 2, phase: 'left', pose: { ...STAND, shoulderL: 150 } },
      { t: 4, phase: 'centre', pose: STAND },
      { t: 6, phase: 'right', pose: { ...STAND, shoulderR: 150 } },
      { t: 8, phase: 'return', pose: STAND },
    ];
    const lit = phaseHighlights(keyframes, { moving: ['armL', 'armR'], anchor: 'feet' }, []);
    expect(lit).toEqual([['armL'], ['armL'], ['armR'], ['armR'], ['armR']]);
    expect(highlightAt(lit, keyframes, 1)).toEqual(['armL']);
    expect(highlightAt(lit, keyframes, 5)).toEqual(['armR']);
  });
});
