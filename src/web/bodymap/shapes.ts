import type { BodyView, RegionId } from '../../core/body/regions';

/**
 * The body drawing: one calm figure per view, each in a 160 × 400 box, every canonical region a polygon.
 * Front view is drawn as if the person faces you (their right on your left); the back view as seen from behind
 * (their left on your left). Shapes are data so a test can check each region is drawn once, in its own view,
 * and big enough to tap.
 */

export type Pt = readonly [number, number];

export interface RegionShape {
  readonly view: BodyView;
  readonly points: readonly Pt[];
  /** Where the pain number sits. */
  readonly label: Pt;
}

export const FIGURE_WIDTH = 160;
export const FIGURE_HEIGHT = 400;

const mirror = (points: readonly Pt[]): Pt[] => points.map(([x, y]) => [FIGURE_WIDTH - x, y] as const);
const mirrorPt = ([x, y]: Pt): Pt => [FIGURE_WIDTH - x, y];
const rect = (x: number, y: number, w: number, h: number): Pt[] => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];

// Front view: the person's right side is on the viewer's left (x < 80).
const F = {
  shoulder: [[58, 66], [36, 70], [24, 84], [26, 98], [46, 97], [58, 88]] as Pt[],
  arm: [[26, 100], [46, 99], [43, 150], [37, 200], [31, 236], [16, 234], [18, 196], [22, 150]] as Pt[],
  hip: [[50, 172], [66, 172], [66, 202], [46, 208], [43, 188]] as Pt[],
  thigh: [[45, 211], [66, 205], [78, 214], [76, 260], [72, 292], [51, 292], [45, 250]] as Pt[],
  knee: rect(50, 295, 25, 24),
  shin: [[51, 321], [74, 321], [72, 350], [69, 372], [56, 372], [52, 350]] as Pt[],
  foot: [[53, 374], [71, 374], [72, 398], [38, 398], [40, 386]] as Pt[],
};

// Back view: the person's left side is on the viewer's left (x < 80).
const B = {
  upperBack: [[62, 66], [40, 70], [28, 84], [34, 101], [44, 120], [62, 120]] as Pt[],
  lowBack: rect(44, 152, 23, 36),
  buttock: [[46, 190], [79, 190], [79, 226], [62, 233], [47, 224]] as Pt[],
  thigh: [[47, 235], [79, 235], [77, 262], [73, 292], [52, 292], [46, 262]] as Pt[],
  calf: [[51, 321], [74, 321], [75, 342], [70, 372], [56, 372], [50, 342]] as Pt[],
};

export const REGION_SHAPES: Readonly<Record<RegionId, RegionShape>> = {
  // Back
  'neck-back': { view: 'back', points: rect(66, 44, 28, 22), label: [80, 55] },
  'upper-back-left': { view: 'back', points: B.upperBack, label: [47, 95] },
  'upper-back-center': { view: 'back', points: rect(64, 66, 32, 54), label: [80, 93] },
  'upper-back-right': { view: 'back', points: mirror(B.upperBack), label: mirrorPt([47, 95]) },
  'mid-back': { view: 'back', points: [[46, 122], [114, 122], [111, 150], [49, 150]], label: [80, 136] },
  'low-back-left': { view: 'back', points: B.lowBack, label: [55.5, 170] },
  'low-back-center': { view: 'back', points: rect(69, 152, 22, 36), label: [80, 170] },
  'low-back-right': { view: 'back', points: mirror(B.lowBack), label: mirrorPt([55.5, 170]) },
  'buttock-left': { view: 'back', points: B.buttock, label: [62, 209] },
  'buttock-right': { view: 'back', points: mirror(B.buttock), label: mirrorPt([62, 209]) },
  'thigh-back-left': { view: 'back', points: B.thigh, label: [62, 262] },
  'thigh-back-right': { view: 'back', points: mirror(B.thigh), label: mirrorPt([62, 262]) },
  'calf-left': { view: 'back', points: B.calf, label: [62, 346] },
  'calf-right': { view: 'back', points: mirror(B.calf), label: mirrorPt([62, 346]) },
  // Front
  'neck-front': { view: 'front', points: rect(66, 44, 28, 22), label: [80, 55] },
  'shoulder-right': { view: 'front', points: F.shoulder, label: [42, 84] },
  'shoulder-left': { view: 'front', points: mirror(F.shoulder), label: mirrorPt([42, 84]) },
  'arm-right': { view: 'front', points: F.arm, label: [31, 168] },
  'arm-left': { view: 'front', points: mirror(F.arm), label: mirrorPt([31, 168]) },
  chest: { view: 'front', points: [[60, 66], [100, 66], [100, 88], [106, 120], [54, 120], [60, 88]], label: [80, 96] },
  abdomen: { view: 'front', points: [[54, 122], [106, 122], [108, 170], [52, 170]], label: [80, 146] },
  groin: { view: 'front', points: [[68, 172], [92, 172], [92, 200], [80, 214], [68, 200]], label: [80, 190] },
  'hip-right': { view: 'front', points: F.hip, label: [56, 189] },
  'hip-left': { view: 'front', points: mirror(F.hip), label: mirrorPt([56, 189]) },
  'thigh-front-right': { view: 'front', points: F.thigh, label: [61, 252] },
  'thigh-front-left': { view: 'front', points: mirror(F.thigh), label: mirrorPt([61, 252]) },
  'knee-right': { view: 'front', points: F.knee, label: [62.5, 307] },
  'knee-left': { view: 'front', points: mirror(F.knee), label: mirrorPt([62.5, 307]) },
  'shin-right': { view: 'front', points: F.shin, label: [62, 346] },
  'shin-left': { view: 'front', points: mirror(F.shin), label: mirrorPt([62, 346]) },
  'foot-right': { view: 'front', points: F.foot, label: [58, 386] },
  'foot-left': { view: 'front', points: mirror(F.foot), label: mirrorPt([58, 386]) },
};

/** Parts drawn for shape only (not regions in that view): the head, and in the back view the arms, knees and heels. */
export const DECOR: Readonly<Record<BodyView, readonly (readonly Pt[])[]>> = {
  front: [],
  back: [F.arm, mirror(F.arm), rect(50, 295, 25, 24), mirror(rect(50, 295, 25, 24)), [[55, 375], [70, 375], [69, 392], [56, 392]], mirror([[55, 375], [70, 375], [69, 392], [56, 392]])],
};
export const HEAD = { cx: 80, cy: 25, r: 18 } as const;

/**
 * What a map shows: the back from the neck to the tops of the thighs, close up (where a back spasm hurts), or a
 * whole view. Each is a box of the 160 × 400 drawing, drawn at one scale (bodymap.css) so that every place in it
 * is at least 44 × 44 CSS px to tap on a 390 px phone: the smallest places are 22 units across, drawn at 2.2 px.
 */
export type MapView = 'back-close' | 'back' | 'front';
export const MAP_VIEWS: Readonly<Record<MapView, { readonly view: BodyView; readonly box: readonly [number, number, number, number] }>> = {
  'back-close': { view: 'back', box: [24, 38, 112, 226] },
  back: { view: 'back', box: [12, 4, 136, 396] },
  front: { view: 'front', box: [12, 4, 136, 396] },
};

/** Whether any of a region is inside a view's box (a region cut by the box's edge is still tappable there). */
export function regionInView(id: RegionId, view: MapView): boolean {
  const shape = REGION_SHAPES[id];
  const { view: side, box } = MAP_VIEWS[view];
  const [x, y, w, h] = box;
  const b = boxOf(shape.points);
  return shape.view === side && b.minX < x + w && b.minX + b.width > x && b.minY < y + h && b.minY + b.height > y;
}

const paths = new WeakMap<readonly Pt[], string>();

/** An SVG path for a polygon; the shapes are fixed, so each one's path is made once. */
export function pathOf(points: readonly Pt[]): string {
  let path = paths.get(points);
  if (path === undefined) {
    path = `${points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ')} Z`;
    paths.set(points, path);
  }
  return path;
}

/** The box around a polygon, for checks and hit sizes. */
export function boxOf(points: readonly Pt[]): { minX: number; minY: number; width: number; height: number } {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  return { minX, minY, width: Math.max(...xs) - minX, height: Math.max(...ys) - minY };
}
