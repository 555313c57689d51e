import { describe, expect, it } from 'vitest';
import { BODY_REGIONS } from '../../core/body/regions';
import { boxOf, FIGURE_HEIGHT, FIGURE_WIDTH, MAP_VIEWS, pathOf, REGION_SHAPES, regionInView, type MapView } from './shapes';

describe('body drawing', () => {
  it('draws every canonical region once, in its own view', () => {
    expect(Object.keys(REGION_SHAPES).sort()).toEqual(BODY_REGIONS.map((r) => r.id).sort());
    expect(BODY_REGIONS.length).toBeGreaterThanOrEqual(24);
    for (const r of BODY_REGIONS) expect(REGION_SHAPES[r.id].view, r.id).toBe(r.view);
  });

  it('gives every region a tappable size (about 24 px or more each way on a phone) inside the figure, with its number inside it', () => {
    for (const [id, s] of Object.entries(REGION_SHAPES)) {
      const b = boxOf(s.points);
      expect(Math.min(b.width, b.height), id).toBeGreaterThanOrEqual(20);
      expect(b.width * b.height, id).toBeGreaterThanOrEqual(24 * 24);
      expect(b.minX >= 0 && b.minY >= 0 && b.minX + b.width <= FIGURE_WIDTH && b.minY + b.height <= FIGURE_HEIGHT, id).toBe(true);
      const [x, y] = s.label;
      expect(x >= b.minX && x <= b.minX + b.width && y >= b.minY && y <= b.minY + b.height, id).toBe(true);
    }
  });

  it('puts the person’s right on the viewer’s left at the front, and their left on the viewer’s left at the back', () => {
    const cx = (id: keyof typeof REGION_SHAPES) => {
      const b = boxOf(REGION_SHAPES[id].points);
      return b.minX + b.width / 2;
    };
    expect(cx('shoulder-right')).toBeLessThan(cx('shoulder-left'));
    expect(cx('thigh-front-right')).toBeLessThan(cx('thigh-front-left'));
    expect(cx('thigh-back-left')).toBeLessThan(cx('thigh-back-right'));
    expect(cx('low-back-left')).toBeLessThan(cx('low-back-center'));
  });

  it('shows every place in some view of the map, the back from neck to thighs close up, each at least 20 units each way in view', () => {
    // Drawn at 2.2 CSS px per unit (bodymap.css), 20 units is 44 px: the smallest tap target allowed.
    const views = Object.keys(MAP_VIEWS) as MapView[];
    for (const r of BODY_REGIONS) expect(views.some((v) => regionInView(r.id, v)), r.id).toBe(true);
    for (const v of views) {
      const [x, y, w, h] = MAP_VIEWS[v].box;
      for (const r of BODY_REGIONS.filter((r) => regionInView(r.id, v))) {
        const b = boxOf(REGION_SHAPES[r.id].points);
        const width = Math.min(b.minX + b.width, x + w) - Math.max(b.minX, x);
        const height = Math.min(b.minY + b.height, y + h) - Math.max(b.minY, y);
        expect(Math.min(width, height), `${v} ${r.id}`).toBeGreaterThanOrEqual(20);
      }
    }
    const close = BODY_REGIONS.filter((r) => regionInView(r.id, 'back-close')).map((r) => r.id);
    expect(close).toEqual(['neck-back', 'upper-back-left', 'upper-back-center', 'upper-back-right', 'mid-back', 'low-back-left', 'low-back-center', 'low-back-right', 'buttock-left', 'buttock-right', 'thigh-back-left', 'thigh-back-right']);
  });

  it('writes polygons as closed SVG paths', () => {
    expect(pathOf([[0, 0], [10, 0], [10, 5]])).toBe('M0 0 L10 0 L10 5 Z');
  });
});
