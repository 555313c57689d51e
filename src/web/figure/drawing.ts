import { sceneFor } from '../../core/exercises/scenes';
import { angleOf, type Exercise, type Keyframe, type Pose } from '../../core/exercises/types';
import { partPoint, SEGMENTS, SIDES, torsoRings, type Body3D, type BodyPart, type Side } from '../../core/pose/body';
import { highlightAt, phaseHighlights } from '../../core/pose/highlight';
import { cycleSeconds } from '../../core/pose/interpolate';
import { placeBody, stageOf, type Box, type Scene, type Stage } from '../../core/pose/scene';
import { add, scale, vec, type Vec3 } from '../../core/pose/vec';
import { CAMERAS, projector, type Projector } from '../../core/pose/view';
import { floorPoint, frameOf, movementBodies, type FitOptions, type Frame } from '../../core/pose/framing';

export type { FitOptions, Frame };

/**
 * Turns a pose into the shapes of the figure: the 3D body placed in its scene, projected to the exercise's view,
 * drawn as tapered limbs, a torso with chest and pelvis, hands, feet and a head that shows where the face points.
 * Pure: Figure.tsx only writes the shapes out as SVG.
 */

export interface Pt {
  x: number;
  y: number;
}

export type ShapeClass =
  | 'near'
  | 'far'
  | 'body'
  | 'pelvis'
  | 'moving'
  | 'moving-far'
  | 'face'
  | 'hair'
  | 'prop'
  | 'prop-near'
  | 'prop-soft'
  | 'strap'
  | 'floor'
  | 'mat'
  | 'bed'
  | 'breath'
  | 'trail'
  | 'arrow';

export interface Shape {
  /** An SVG path in drawing units (y already points down). */
  d: string;
  cls: ShapeClass;
  depth: number;
}


/**
 * What a figure's set-up is worked out from, as plain data (it can be sent to a worker): `prepare(source.exercise,
 * source.fit)` gives the same set-up again.
 */
export interface FigureSource {
  exercise: Pick<Exercise, 'id' | 'position' | 'keyframes'>;
  fit: FitOptions;
}

/** Everything about an exercise's figure that does not change from frame to frame. */
export interface Prepared {
  source: FigureSource;
  scene: Scene;
  stage: Stage;
  view: Projector;
  frame: Frame;
  keyframes: readonly Keyframe[];
  breathes: boolean;
  /** The moving part's path over one repetition, in drawing units, for the trail. */
  trail: Pt[][];
  /** The parts lit in each phase (entry i: the phase starting at keyframe i). */
  highlights: BodyPart[][];
  /** Shapes that never move: the floor, the props and the trails, drawn once per exercise. */
  still: Shape[];
}

/**
 * A number to one decimal, as the path's text: the same text as `String(Math.round(n * 10) / 10)`, written from
 * whole numbers, which turn into text much faster than fractions on every animation frame.
 */
export function r1(n: number): string {
  const t = Math.round(n * 10);
  const a = t < 0 ? -t : t;
  const whole = (a - (a % 10)) / 10;
  const tenth = a % 10;
  return `${t < 0 ? '-' : ''}${whole}${tenth ? `.${tenth}` : ''}`;
}

function to2d(view: Projector, p: Vec3): Pt & { depth: number } {
  const s = view.project(p);
  return { x: s.x, y: -s.y, depth: s.depth };
}

function hull(points: Pt[]): Pt[] {
  const ps = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (ps.length < 3) return ps;
  const cross = (o: Pt, a: Pt, b: Pt) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Pt[] = [];
  for (const p of ps) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Pt, lower[lower.length - 1] as Pt, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (const p of [...ps].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Pt, upper[upper.length - 1] as Pt, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

const polygon = (ps: Pt[]) => (ps.length ? `M${ps.map((p) => `${r1(p.x)},${r1(p.y)}`).join('L')}Z` : '');
const polyline = (ps: Pt[]) => (ps.length ? `M${ps.map((p) => `${r1(p.x)},${r1(p.y)}`).join('L')}` : '');
const circle = (c: Pt, r: number) => `M${r1(c.x - r)},${r1(c.y)}a${r1(r)},${r1(r)} 0 1,0 ${r1(2 * r)},0a${r1(r)},${r1(r)} 0 1,0 ${r1(-2 * r)},0Z`;

/** A limb segment as a tapered capsule: round at both ends, radius ra at a and rb at b. */
function capsule(a: Pt, b: Pt, ra: number, rb: number): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len < 0.01) return circle(a, Math.max(ra, rb));
  const nx = -dy / len;
  const ny = dx / len;
  const a1 = `${r1(a.x + nx * ra)},${r1(a.y + ny * ra)}`;
  const b1 = `${r1(b.x + nx * rb)},${r1(b.y + ny * rb)}`;
  const b2 = `${r1(b.x - nx * rb)},${r1(b.y - ny * rb)}`;
  const a2 = `${r1(a.x - nx * ra)},${r1(a.y - ny * ra)}`;
  const Ra = r1(ra);
  const Rb = r1(rb);
  return `M${a1}L${b1}A${Rb},${Rb} 0 0,0 ${b2}L${a2}A${Ra},${Ra} 0 0,0 ${a1}Z`;
}

function boxCorners(b: Box): Vec3[] {
  const out: Vec3[] = [];
  for (const x of [b.min.x, b.max.x]) for (const y of [b.min.y, b.max.y]) for (const z of [b.min.z, b.max.z]) out.push(vec(x, y, z));
  return out;
}

const LIMB_PARTS: Record<Side, { arm: BodyPart; hand: BodyPart; leg: BodyPart; foot: BodyPart }> = {
  L: { arm: 'armL', hand: 'handL', leg: 'legL', foot: 'footL' },
  R: { arm: 'armR', hand: 'handR', leg: 'legR', foot: 'footR' },
};

function placedBody(prepared: Pick<Prepared, 'scene' | 'stage'>, pose: Pose): Body3D {
  return placeBody(pose, prepared.scene, prepared.stage.boxes);
}

/** Parts whose highlight also lights the part they belong to (the hand's arm, the foot's leg). */
function lit(moving: readonly BodyPart[], part: BodyPart): boolean {
  if (moving.includes(part)) return true;
  if (part === 'handL' || part === 'handR') return moving.includes(part === 'handL' ? 'armL' : 'armR');
  if (part === 'footL' || part === 'footR') return moving.includes(part === 'footL' ? 'legL' : 'legR');
  return false;
}

const spreadOf = (path: readonly Pt[]) => Math.max(0, ...path.map((q) => Math.hypot(q.x - (path[0]?.x ?? 0), q.y - (path[0]?.y ?? 0))));

export function prepare(exercise: Pick<Exercise, 'id' | 'position' | 'keyframes'>, fit: FitOptions = {}): Prepared {
  const scene = sceneFor(exercise);
  const poses = exercise.keyframes.map((k) => k.pose);
  const stage = stageOf(scene, poses);
  const view = projector(scene.view);
  const base = { scene, stage };
  // The frame holds the body in every keyframe and in between (or in the poses asked for), and the props near it.
  const bodies = movementBodies(exercise.keyframes, scene, stage.boxes);
  const framed = fit.poses ? fit.poses.map((pose) => placedBody(base, pose)) : bodies;
  const trail = scene.moving.slice(0, 2).map((part) => bodies.map((b) => to2d(view, partPoint(b, part))));
  const frame = frameOf(framed, view, stage.boxes, scene, fit);
  const breathes = exercise.keyframes.some((k) => angleOf(k.pose, 'breath') > 0);
  const highlights = phaseHighlights(exercise.keyframes, scene, stage.boxes);
  const source = { exercise: { id: exercise.id, position: exercise.position, keyframes: exercise.keyframes }, fit };
  const prepared: Prepared = { source, scene, stage, view, frame, keyframes: exercise.keyframes, breathes, trail, highlights, still: [] };
  prepared.still = stillShapes(prepared, to2d(view, bodies[0]?.waist ?? vec(0, 0, 0)).depth);
  return prepared;
}

/** Seen from this far above, a line is no longer where the floor is: a mat on it shows the floor instead. */
const FLOOR_LINE_MAX_ELEVATION = 10;

/** The floor (a line seen level; none where a mat seen from above shows it), the props and the trails. */
function stillShapes(p: Prepared, bodyDepth: number): Shape[] {
  const shapes: Shape[] = [];
  const fromAbove = CAMERAS[p.view.view].elevation > FLOOR_LINE_MAX_ELEVATION;
  const mat = p.stage.boxes.some((b) => b.kind === 'mat');
  if (p.view.view !== 'above' && !(fromAbove && mat)) {
    const f = p.frame;
    const y = to2d(p.view, floorPoint(p.scene)).y;
    shapes.push({ d: `M${r1(f.minX)},${r1(y)}L${r1(f.minX + f.width)},${r1(y)}`, cls: 'floor', depth: -1e6 });
  }
  shapes.push(...propShapes(p, bodyDepth));
  for (const path of p.trail) {
    const spread = spreadOf(path);
    if (path.length >= 2 && spread >= 3) shapes.push({ d: polyline(path), cls: 'trail', depth: 2e5 });
  }
  return shapes;
}

export interface DrawOptions {
  /** Seconds into the repetition of the pose shown, for the direction arrow (toward the next keyframe). */
  cycleTime?: number;
  /** Show the trail and arrow of the moving part (off for tiny thumbnails that would be cluttered). */
  guides?: boolean;
  /** The parts to light (the current phase's, from `litAt`); every part the cues move when not given. */
  lit?: readonly BodyPart[];
}

/** The parts lit `cycleTime` seconds into a repetition: the ones moving in that phase. */
export function litAt(p: Prepared, cycleTime: number): readonly BodyPart[] {
  return highlightAt(p.highlights, p.keyframes, cycleTime);
}

/**
 * How a bed is drawn: short legs on the floor, a frame and a mattress on top of it, so it reads as a bed and not a
 * block (the figure check still uses the one box). The mattress is big, so it takes the mat's quiet tone and the
 * person on it stands out. Far parts first; each part's top is the next one's bottom.
 */
export function bedParts(bed: Box): { box: Box; cls: ShapeClass }[] {
  const { min, max } = bed;
  const legTop = min.y + (max.y - min.y) * 0.22;
  const mattressBottom = min.y + (max.y - min.y) * 0.62;
  const part = (lo: Vec3, hi: Vec3): Box => ({ ...bed, min: lo, max: hi });
  const legs = [min.x + 1, max.x - 5].flatMap((x) => [min.z + 1, max.z - 5].map((z) => part(vec(x, min.y, z), vec(x + 4, legTop, z + 4))));
  return [
    ...legs.map((box) => ({ box, cls: 'prop' as const })),
    { box: part(vec(min.x, legTop, min.z), vec(max.x, mattressBottom, max.z)), cls: 'prop' },
    { box: part(vec(min.x + 0.5, mattressBottom, min.z + 0.5), vec(max.x - 0.5, max.y, max.z - 0.5)), cls: 'bed' },
  ];
}

function propShapes(p: Prepared, bodyDepth: number): Shape[] {
  const { view, frame } = p;
  const out: Shape[] = [];
  // Keep props inside the frame, so a long bed or a wide wall does not shrink the person.
  const clipX = (x: number) => Math.min(frame.minX + frame.width, Math.max(frame.minX, x));
  const drawn = p.stage.boxes.flatMap((b): (Box & { drawAs: ShapeClass | null })[] => (b.kind === 'bed' ? bedParts(b).map((part) => ({ ...part.box, drawAs: part.cls })) : [{ ...b, drawAs: null }]));
  for (const [i, b] of drawn.entries()) {
    const corners = boxCorners(b).map((c) => to2d(view, c));
    const depth = corners.reduce((s, c) => s + c.depth, 0) / corners.length;
    const outline = hull(corners.map((c) => ({ x: clipX(c.x), y: Math.min(frame.minY + frame.height, Math.max(frame.minY, c.y)) })));
    if (b.roll) {
      const a = to2d(view, vec((b.min.x + b.max.x) / 2, (b.min.y + b.max.y) / 2, b.min.z));
      const c = to2d(view, vec((b.min.x + b.max.x) / 2, (b.min.y + b.max.y) / 2, b.max.z));
      const r = (b.max.y - b.min.y) / 2;
      out.push({ d: capsule(a, c, r, r), cls: 'prop-soft', depth: bodyDepth - 50 });
      continue;
    }
    const near = b.kind === 'doorFrame' && depth > bodyDepth + 4;
    const cls: ShapeClass = b.drawAs ?? (b.kind === 'mat' ? 'mat' : near ? 'prop-near' : 'prop');
    // A bed's parts keep their order (legs, frame, mattress) whatever their depth: each sits on the one before.
    out.push({ d: polygon(outline), cls, depth: near ? bodyDepth + 100 : b.drawAs ? -2000 + i : depth - 1000 });
  }
  return out;
}

/** The shapes that draw one pose of a prepared exercise, far first. */
export function draw(p: Prepared, pose: Pose, options: DrawOptions = {}): Shape[] {
  const still = options.guides === false ? p.still.filter((s) => s.cls !== 'trail') : p.still;
  const guides = options.guides !== false ? guideShapes(p, options.cycleTime) : [];
  return [...still, ...drawBody(p, pose, options.lit ?? p.scene.moving), ...guides].sort((a, c) => a.depth - c.depth);
}

/**
 * The shapes of the body alone (with the breath and any strap), far first: what changes from frame to frame.
 * Stills lie wholly behind or in front of them (`stillLayers`), so an animation redraws only these and the arrow.
 */
export function drawBody(p: Prepared, pose: Pose, moving: readonly BodyPart[]): Shape[] {
  return new BodyDrawer(p).draw(pose, moving).map((s) => ({ ...s }));
}

/** Points drawn round each torso ring (the chest and pelvis outlines are their hull). */
const RING_STEPS = 14;
const RING_COUNT = 6;
const RING_COS = Array.from({ length: RING_STEPS }, (_, i) => Math.cos((2 * Math.PI * i) / RING_STEPS));
const RING_SIN = Array.from({ length: RING_STEPS }, (_, i) => Math.sin((2 * Math.PI * i) / RING_STEPS));
const byDepth = (a: Shape, c: Shape) => a.depth - c.depth;

/**
 * Draws the body of one exercise frame after frame with as little garbage as it can: the shapes, the torso's
 * projected ring points and the hull's workspace are kept and refilled, and projection runs on plain numbers.
 * What is left per frame is the outline strings themselves (an SVG path's `d` has to be a string). The shapes it
 * returns are its own and are refilled by the next `draw`: copy them to keep them.
 */
export class BodyDrawer {
  private readonly pool: Shape[] = [];
  private readonly out: Shape[] = [];
  private readonly xs = new Float64Array(RING_COUNT * RING_STEPS);
  private readonly ys = new Float64Array(RING_COUNT * RING_STEPS);
  private readonly order = new Int32Array(RING_COUNT * RING_STEPS);
  private readonly chain = new Int32Array(2 * RING_COUNT * RING_STEPS);
  private readonly byX = (i: number, j: number) => (this.xs[i] as number) - (this.xs[j] as number) || (this.ys[i] as number) - (this.ys[j] as number);

  constructor(private readonly p: Prepared) {}

  private push(d: string, cls: ShapeClass, depth: number): void {
    let s = this.pool[this.out.length];
    if (!s) {
      s = { d, cls, depth };
      this.pool.push(s);
    } else {
      s.d = d;
      s.cls = cls;
      s.depth = depth;
    }
    this.out.push(s);
  }

  /** The torso rings' outline points, projected: ring i's points are at i × RING_STEPS. */
  private projectRings(b: Body3D): void {
    const { right, up } = this.p.view;
    const rings = torsoRings(b);
    for (let r = 0; r < RING_COUNT; r++) {
      const ring = rings[r];
      if (!ring) continue;
      const m = ring.frame;
      const c = ring.centre;
      // The ring's right (frame column 2) and forward (column 0) axes, seen on the drawing.
      const cx = c.x * right.x + c.y * right.y + c.z * right.z;
      const cy = -(c.x * up.x + c.y * up.y + c.z * up.z);
      const rx = (m[2] * right.x + m[5] * right.y + m[8] * right.z) * ring.halfWidth;
      const ry = -(m[2] * up.x + m[5] * up.y + m[8] * up.z) * ring.halfWidth;
      const fx = (m[0] * right.x + m[3] * right.y + m[6] * right.z) * ring.halfDepth;
      const fy = -(m[0] * up.x + m[3] * up.y + m[6] * up.z) * ring.halfDepth;
      for (let i = 0; i < RING_STEPS; i++) {
        const cos = RING_COS[i] as number;
        const sin = RING_SIN[i] as number;
        this.xs[r * RING_STEPS + i] = cx + rx * cos + fx * sin;
        this.ys[r * RING_STEPS + i] = cy + ry * cos + fy * sin;
      }
    }
  }

  /** The outline round rings `from` to `to` (inclusive): their points' convex hull (monotone chain), as a path. */
  private hullPath(from: number, to: number): string {
    const { xs, ys, order, chain } = this;
    const n = (to - from + 1) * RING_STEPS;
    for (let i = 0; i < n; i++) order[i] = from * RING_STEPS + i;
    const sorted = order.subarray(0, n).sort(this.byX);
    const cross = (o: number, a: number, c: number) =>
      ((xs[a] as number) - (xs[o] as number)) * ((ys[c] as number) - (ys[o] as number)) - ((ys[a] as number) - (ys[o] as number)) * ((xs[c] as number) - (xs[o] as number));
    let k = 0;
    for (let i = 0; i < n; i++) {
      const q = sorted[i] as number;
      while (k >= 2 && cross(chain[k - 2] as number, chain[k - 1] as number, q) <= 0) k--;
      chain[k++] = q;
    }
    const lowerEnd = k + 1;
    for (let i = n - 2; i >= 0; i--) {
      const q = sorted[i] as number;
      while (k >= lowerEnd && cross(chain[k - 2] as number, chain[k - 1] as number, q) <= 0) k--;
      chain[k++] = q;
    }
    let d = '';
    for (let i = 0; i < k - 1; i++) {
      const q = chain[i] as number;
      d += `${i ? 'L' : 'M'}${r1(xs[q] as number)},${r1(ys[q] as number)}`;
    }
    return d ? `${d}Z` : '';
  }

  /** The body's shapes for a pose, far first (this drawer's own array: read it before the next call). */
  draw(pose: Pose, moving: readonly BodyPart[]): readonly Shape[] {
    const { p } = this;
    const { view } = p;
    this.out.length = 0;
    const b = placeBody(pose, p.scene, p.stage.boxes);
    const P = (v: Vec3) => to2d(view, v);
    const centre = P(b.waist).depth;

    // Torso: the chest over the rings from the belly up, the pelvis over the rings from the bottom to the belly.
    this.projectRings(b);
    const torsoLit = moving.includes('trunk') || moving.includes('belly');
    this.push(this.hullPath(2, RING_COUNT - 1), torsoLit ? 'moving' : 'body', centre);
    this.push(this.hullPath(0, 2), moving.includes('pelvis') ? 'moving' : 'pelvis', centre + 0.01);

    // Limbs, each piece as a tapered capsule, shaded by how far it is from the viewer.
    for (const side of SIDES) {
      const l = b[side];
      const parts = LIMB_PARTS[side];
      const limbDepth = (P(l.shoulder).depth + P(l.hip).depth) / 2;
      const far = limbDepth < centre - 0.5;
      const cls = (part: BodyPart): ShapeClass => (lit(moving, part) ? (far ? 'moving-far' : 'moving') : far ? 'far' : 'near');
      const seg = (a: Vec3, c: Vec3, ra: number, rb: number, part: BodyPart) => {
        const pa = P(a);
        const pc = P(c);
        this.push(capsule(pa, pc, ra, rb), cls(part), (pa.depth + pc.depth) / 2 + (far ? -3 : 3));
      };
      seg(l.hip, l.knee, 4.4, 3.3, parts.leg);
      seg(l.knee, l.ankle, 3.3, 2.2, parts.leg);
      seg(l.ankle, l.toe, 2.2, 1.5, parts.foot);
      seg(l.shoulder, l.elbow, 2.9, 2.2, parts.arm);
      seg(l.elbow, l.wrist, 2.2, 1.7, parts.arm);
      seg(l.wrist, l.hand, 2, 1.5, parts.hand);
    }

    // Neck and head; the face shows which way it points (a nose and an eye in profile, two eyes facing us).
    const head = P(b.head);
    const headLit = moving.includes('head');
    this.push(capsule(P(b.chest), P(b.neckTop), 2.6, 2.3), headLit ? 'moving' : 'body', head.depth - 0.5);
    const toward = b.face.x * view.toward.x + b.face.y * view.toward.y + b.face.z * view.toward.z;
    const R = SEGMENTS.headRadius;
    this.push(circle(head, R), headLit ? 'moving' : 'body', head.depth);
    if (toward < -0.55) {
      this.push(circle(head, R * 0.78), 'hair', head.depth + 0.01);
    } else {
      const hair = P(add(b.head, scale(b.face, -R * 0.45)));
      const nose = P(add(b.head, scale(b.face, R)));
      if (toward < 0.6) {
        this.push(capsule(hair, hair, R * 0.62, R * 0.62), 'hair', head.depth + 0.01);
        this.push(circle(nose, 1.5), headLit ? 'moving' : 'body', head.depth + 0.02);
      }
      const eyeAt = (side: number) => P(add(add(b.head, scale(b.face, R * 0.8)), add(scale(b.headUp, 1.4), scale(crossRight(b), side * 2.2))));
      if (toward >= 0.6) {
        this.push(circle(eyeAt(-1), 0.85), 'face', head.depth + 0.03);
        this.push(circle(eyeAt(1), 0.85), 'face', head.depth + 0.03);
      } else this.push(circle(eyeAt(0), 0.85), 'face', head.depth + 0.03);
    }

    // The breath: soft rings in front of the belly that grow with the breath in.
    if (p.breathes) {
      const rings3 = torsoRings(b)[2];
      if (rings3) {
        const front = P(add(rings3.centre, scale(vecFromFrame(rings3.frame, 0), rings3.halfDepth + 2.5)));
        const amount = b.breath;
        // Both rings in one outline (they are strokes only, and never cross): one path for the browser to update.
        this.push(circle(front, 1.5 + 2.2 * (0.4 + amount)) + circle(front, 1.5 + 4.4 * (0.4 + amount)), 'breath', 1e5 + 1);
      }
    }

    // Straps run from both hands to the foot they loop round.
    for (const s of p.stage.straps) {
      const foot = P(add(b[s.foot].ankle, scale(add(b[s.foot].toe, scale(b[s.foot].ankle, -1)), 0.6)));
      const to = `L${r1(foot.x)},${r1(foot.y)}`;
      const l = P(b.L.wrist);
      const r = P(b.R.wrist);
      // Both lengths of the towel in one outline (a stroke, drawn the same either way).
      this.push(`M${r1(l.x)},${r1(l.y)}${to}M${r1(r.x)},${r1(r.y)}${to}`, 'strap', 1e5);
    }

    return this.out.sort(byDepth);
  }
}

/** The still shapes split into those drawn behind the body and those drawn over it (the trail, a near door frame). */
export function stillLayers(p: Prepared, guides = true): { back: Shape[]; front: Shape[] } {
  const still = (guides ? p.still : p.still.filter((s) => s.cls !== 'trail')).slice().sort((a, c) => a.depth - c.depth);
  const over = (s: Shape) => s.cls === 'trail' || s.cls === 'prop-near';
  return { back: still.filter((s) => !over(s)), front: still.filter(over) };
}

function vecFromFrame(m: readonly number[], column: number): Vec3 {
  return vec(m[column] ?? 0, m[3 + column] ?? 0, m[6 + column] ?? 0);
}

function crossRight(b: Body3D): Vec3 {
  // The head's right: face × up.
  const f = b.face;
  const u = b.headUp;
  return vec(f.y * u.z - f.z * u.y, f.z * u.x - f.x * u.z, f.x * u.y - f.y * u.x);
}

/**
 * Which piece of the trail the arrow covers `cycleTime` seconds in: the arrow is the same while this is (it moves
 * on a couple of times a second), so an animation redraws it only when this changes.
 */
export function guideKey(p: Prepared, cycleTime: number | undefined): number {
  const cycle = cycleSeconds(p.keyframes);
  const samples = p.trail[0]?.length ?? 0;
  if (cycleTime === undefined || !(cycle > 0) || samples < 2) return -1;
  const next = p.keyframes.find((k) => k.t > cycleTime + 1e-6)?.t ?? cycle;
  const from = Math.floor((cycleTime / cycle) * (samples - 1));
  const to = Math.min(samples - 1, Math.ceil((next / cycle) * (samples - 1)));
  return from * samples + to;
}

/** An arrow along the moving part's path, from now toward the next keyframe. */
export function guideShapes(p: Prepared, cycleTime: number | undefined): Shape[] {
  const out: Shape[] = [];
  const cycle = cycleSeconds(p.keyframes);
  for (const path of p.trail) {
    if (path.length < 2) continue;
    const spread = spreadOf(path);
    if (spread < 3 || cycleTime === undefined || !(cycle > 0)) continue;
    // From now to the next keyframe, along the path.
    const next = p.keyframes.find((k) => k.t > cycleTime + 1e-6)?.t ?? cycle;
    const from = Math.floor((cycleTime / cycle) * (path.length - 1));
    const to = Math.min(path.length - 1, Math.ceil((next / cycle) * (path.length - 1)));
    const piece = path.slice(from, to + 1);
    const end = piece[piece.length - 1];
    const before = piece[piece.length - 2];
    const travelled = piece.length >= 2 && end && piece[0] ? Math.hypot(end.x - piece[0].x, end.y - piece[0].y) : 0;
    if (!end || !before || travelled < 2.5) continue;
    const ang = Math.atan2(end.y - before.y, end.x - before.x);
    const head = (a: number) => ({ x: end.x - 4 * Math.cos(ang + a), y: end.y - 4 * Math.sin(ang + a) });
    out.push({ d: `${polyline(piece)}M${r1(head(0.5).x)},${r1(head(0.5).y)}L${r1(end.x)},${r1(end.y)}L${r1(head(-0.5).x)},${r1(head(-0.5).y)}`, cls: 'arrow', depth: 2e5 + 1 });
  }
  return out;
}
