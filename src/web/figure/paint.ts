import type { Shape, ShapeClass } from './drawing';

const SVG = 'http://www.w3.org/2000/svg';

/** Each shape class's CSS class name, made once rather than on every frame. */
const CLASS_NAMES = new Map<ShapeClass, string>();
const classOf = (cls: ShapeClass): string => {
  let name = CLASS_NAMES.get(cls);
  if (!name) {
    name = `fig-${cls}`;
    CLASS_NAMES.set(cls, name);
  }
  return name;
};

/**
 * Writes shapes into an SVG group as paths, for an animation: the group's paths are reused frame after frame
 * and only an attribute that changed is written, so a display frame costs a few string compares and the
 * outlines that moved. Nothing is read back from the DOM (no layout).
 */
export class PathPainter {
  private readonly paths: SVGPathElement[] = [];
  private readonly ds: string[] = [];
  private readonly classes: string[] = [];

  constructor(private readonly group: SVGGElement) {}

  paint(shapes: readonly Shape[]): void {
    const doc = this.group.ownerDocument;
    for (let i = 0; i < shapes.length; i++) {
      const s = shapes[i] as Shape;
      let path = this.paths[i];
      if (!path) {
        path = doc.createElementNS(SVG, 'path');
        this.group.appendChild(path);
        this.paths.push(path);
        this.ds.push('');
        this.classes.push('');
      }
      if (this.ds[i] !== s.d) {
        path.setAttribute('d', s.d);
        this.ds[i] = s.d;
      }
      const cls = classOf(s.cls);
      if (this.classes[i] !== cls) {
        path.setAttribute('class', cls);
        this.classes[i] = cls;
      }
    }
    // A shape that is gone this frame (the eyes as the head turns away) takes its path with it.
    while (this.paths.length > shapes.length) {
      this.paths.pop()?.remove();
      this.ds.pop();
      this.classes.pop();
    }
  }
}
