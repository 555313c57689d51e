import { degrees, radians, type Degrees, type FigureUnits } from './units';
import { dot, vec, type Vec3 } from './vec';

/**
 * The views a figure is drawn from, and the projection of a 3D point onto the drawing.
 * A camera looks at the body from a direction given by an azimuth round the vertical (0 in front of the person,
 * 90 at their right side) and an elevation above the floor (90 straight down from above). The projection is
 * orthographic, so sizes do not change with distance and a side view is exactly the old side-view drawing.
 */

export const VIEWS = ['side', 'front', 'back', 'threeQuarter', 'bedside', 'above'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface Camera {
  azimuth: Degrees;
  elevation: Degrees;
}

export const CAMERAS: Record<ViewName, Camera> = {
  side: { azimuth: degrees(90), elevation: degrees(0) },
  front: { azimuth: degrees(0), elevation: degrees(6) },
  back: { azimuth: degrees(180), elevation: degrees(6) },
  threeQuarter: { azimuth: degrees(42), elevation: degrees(14) },
  /**
   * From beside a bed, a little above it: a person lying along the bed keeps most of their length, and legs
   * going over its near edge to the floor show (a three-quarter view foreshortens the lying body by a third).
   */
  bedside: { azimuth: degrees(68), elevation: degrees(26) },
  above: { azimuth: degrees(90), elevation: degrees(90) },
};

/** A projected point: x to the right of the drawing, y up it, depth towards the camera (bigger is nearer). */
export interface ScreenPoint {
  x: FigureUnits;
  y: FigureUnits;
  depth: FigureUnits;
}

export interface Projector {
  view: ViewName;
  /** Unit vectors of the camera: screen right, screen up, and towards the camera. */
  right: Vec3;
  up: Vec3;
  toward: Vec3;
  project(p: Vec3): ScreenPoint;
}

export function projector(view: ViewName): Projector {
  const { azimuth, elevation } = CAMERAS[view];
  const a = radians(azimuth);
  const e = radians(elevation);
  const toward = vec(Math.cos(e) * Math.cos(a), Math.sin(e), Math.cos(e) * Math.sin(a));
  const right = vec(Math.sin(a), 0, -Math.cos(a));
  // up = toward × right
  const up = vec(toward.y * right.z - toward.z * right.y, toward.z * right.x - toward.x * right.z, toward.x * right.y - toward.y * right.x);
  return {
    view,
    right,
    up,
    toward,
    project: (p) => ({ x: dot(p, right) as FigureUnits, y: dot(p, up) as FigureUnits, depth: dot(p, toward) as FigureUnits }),
  };
}
