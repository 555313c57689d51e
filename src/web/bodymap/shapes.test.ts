import { describe, expect, it } from 'vitest';
import { BODY_REGIONS } from '../../core/body/regions';
import { boxOf, FIGURE_HEIGHT, FIGURE_WIDTH, pathOf, REGION_SHAPES } from './shapes';

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

  it('writes polygons as closed SVG paths', () => {
    expect(pathOf([[0, 0], [10, 0], [10, 5]])).toBe('M0 0 L10 0 L10 5 Z');
  });
});
