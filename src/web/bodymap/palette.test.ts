import { describe, expect, it } from 'vitest';
import { contrast, luminance, painStep, PALETTES } from './palette';

describe('body map colours', () => {
  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
    expect(luminance('#ffffff')).toBeCloseTo(1, 5);
  });

  for (const [scheme, p] of Object.entries(PALETTES)) {
    it(`${scheme}: 11 steps, every number readable on its fill (AA, 4.5 : 1)`, () => {
      expect(p.fill).toHaveLength(11);
      expect(p.ink).toHaveLength(11);
      p.fill.forEach((fill, i) => expect(contrast(fill, p.ink[i] ?? '#000000'), `step ${i}`).toBeGreaterThanOrEqual(4.5));
      expect(contrast(p.marked, p.markedInk)).toBeGreaterThanOrEqual(4.5);
    });

    it(`${scheme}: more pain is always a stronger colour (further from the card), and outlines stand out (3 : 1)`, () => {
      for (let i = 2; i <= 10; i++) expect(contrast(p.fill[i] ?? '', p.surface), `step ${i}`).toBeGreaterThan(contrast(p.fill[i - 1] ?? '', p.surface));
      expect(contrast(p.outline, p.surface)).toBeGreaterThanOrEqual(3);
      expect(contrast(p.strong, p.surface)).toBeGreaterThanOrEqual(3);
      // Severe pain (7+) stands apart from an untouched place without relying on the number.
      expect(contrast(p.fill[7] ?? '', p.fill[0] ?? '')).toBeGreaterThanOrEqual(3);
    });
  }

  it('turns any pain into a whole step from 0 to 10', () => {
    expect([painStep(-1), painStep(0), painStep(4.4), painStep(4.5), painStep(10), painStep(12), painStep(Number.NaN)]).toEqual([0, 0, 4, 5, 10, 10, 0]);
  });
});
