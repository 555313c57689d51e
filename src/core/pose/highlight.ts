import type { Keyframe } from '../exercises/types';
import { partPoints, type BodyPart } from './body';
import { keyframeIndexAt } from './interpolate';
import { place, type Box, type Placed, type Scene } from './scene';
import { distance, sub } from './vec';

/**
 * Which part of the body the figure lights in each phase of a movement. A phase runs from its keyframe to the
 * next; the parts lit are those the cues name (the scene's `moving`, or the same part on the other side, for
 * movements that alternate) that actually travel in that phase. A phase where nothing named moves (a hold, a
 * pause) keeps lit what has just moved there, so a person holding a lifted leg still sees which one; a still
 * start lights what moves next.
 */

/** A part travelling less than this share of its own largest travel in any phase is only adjusting. */
const SHARE_OF_OWN = 0.4;
/** The other side's part counts as named (an alternating movement) when it travels this share of the named one. */
const SHARE_OF_NAMED = 0.6;
/** Below this travel in figure units a part is still. */
const STILL = 1.5;

const OTHER_SIDE: Partial<Record<BodyPart, BodyPart>> = {
  armL: 'armR',
  armR: 'armL',
  handL: 'handR',
  handR: 'handL',
  legL: 'legR',
  legR: 'legL',
  footL: 'footR',
  footR: 'footL',
};

/** The same part on the other side of the body (itself for the head, trunk, pelvis and belly). */
export function otherSide(part: BodyPart): BodyPart {
  return OTHER_SIDE[part] ?? part;
}

const LIMBS: ReadonlySet<BodyPart> = new Set(['armL', 'armR', 'handL', 'handR', 'legL', 'legR', 'footL', 'footR']);

/**
 * How far a part goes between two placed poses. Limbs are measured from the pelvis, so a standing leg that only
 * shifts with the body (the placement keeping the feet under the person) does not count as moving.
 */
function travel(from: Placed, to: Placed, part: BodyPart): number {
  const limb = LIMBS.has(part);
  const a = partPoints(from.body, part).map((p) => (limb ? sub(p, from.body.pelvis) : p));
  const b = partPoints(to.body, part).map((p) => (limb ? sub(p, to.body.pelvis) : p));
  return Math.max(0, ...a.map((p, i) => (b[i] ? distance(p, b[i]) : 0)));
}

/**
 * The parts lit in each phase: entry i is for the phase that starts at keyframe i (the last keyframe closes the
 * repetition and gets the same parts as the phase before it).
 */
export function phaseHighlights(keyframes: readonly Keyframe[], scene: Pick<Scene, 'moving' | 'anchor' | 'feetAt'>, boxes: readonly Box[]): BodyPart[][] {
  const placed = keyframes.map((k) => place(k.pose, scene, boxes));
  const travelIn = (part: BodyPart) =>
    keyframes.map((_, i) => {
      const from = placed[i];
      const to = placed[i + 1];
      return from && to ? travel(from, to, part) : 0;
    });
  const named = new Set(scene.moving);
  const byPart = new Map<BodyPart, number[]>(scene.moving.map((p) => [p, travelIn(p)]));
  const most = (part: BodyPart) => Math.max(0, ...(byPart.get(part) ?? []));
  const moves = (part: BodyPart, i: number) => ((byPart.get(part) ?? [])[i] ?? 0) >= Math.max(STILL, SHARE_OF_OWN * most(part));
  // A movement that alternates sides (a march) moves the other side's part as much as the named one, while the
  // named one rests; a part that only follows the named one (the standing foot of a tendu) stays unlit.
  for (const part of scene.moving) {
    const other = otherSide(part);
    if (named.has(other)) continue;
    const spans = travelIn(other);
    const own = Math.max(0, ...spans);
    const alone = spans.some((t, i) => t >= Math.max(STILL, SHARE_OF_OWN * own) && !moves(part, i));
    if (own >= SHARE_OF_NAMED * most(part) && alone) byPart.set(other, spans);
  }
  const spans: (BodyPart[] | null)[] = keyframes.map((_, i) => {
    const lit = [...byPart.keys()].filter((part) => moves(part, i));
    return lit.length ? lit : null;
  });
  return spans.map((own, i) => {
    if (own) return own;
    // A hold or the closing keyframe: what moved into it; a still first phase: what moves next.
    for (let j = i - 1; j >= 0; j--) {
      const before = spans[j];
      if (before) return before;
    }
    for (let j = i + 1; j < spans.length; j++) {
      const after = spans[j];
      if (after) return after;
    }
    return [...scene.moving];
  });
}

/** The parts lit `cycleTime` seconds into a repetition. */
export function highlightAt(highlights: readonly (readonly BodyPart[])[], keyframes: readonly Keyframe[], cycleTime: number): readonly BodyPart[] {
  return highlights[keyframeIndexAt(keyframes, cycleTime)] ?? [];
}
