import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISES } from '../src/core/exercises';
import { arriveAsNewPerson, heading } from './flows';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/**
 * In the page: draws each still of the "How it goes" strip into a canvas (with its computed colours inlined, as an
 * image carries no style sheet) and compares every still with the first, pixel by pixel. Returns, for the most
 * different still, the share of the figure's pixels that changed, and how many pixels the first still covers.
 */
async function rasterisedChange(page: Page): Promise<{ stills: number; inked: number; changed: number }> {
  return page.evaluate(async () => {
    const SIZE = 160;
    const svgs = [...document.querySelectorAll<SVGSVGElement>('.keyframe-strip svg[role="img"]')];
    const raster = async (svg: SVGSVGElement): Promise<Uint8ClampedArray> => {
      const copy = svg.cloneNode(true) as SVGSVGElement;
      const from = [...svg.querySelectorAll('path')];
      [...copy.querySelectorAll('path')].forEach((p, i) => {
        const style = getComputedStyle(from[i] as Element);
        for (const prop of ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray']) p.setAttribute(prop, style.getPropertyValue(prop));
      });
      copy.setAttribute('width', String(SIZE));
      copy.setAttribute('height', String(SIZE));
      const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = SIZE;
      canvas.height = SIZE;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no canvas');
      ctx.drawImage(img, 0, 0, SIZE, SIZE);
      URL.revokeObjectURL(url);
      return ctx.getImageData(0, 0, SIZE, SIZE).data;
    };
    const images = await Promise.all(svgs.map(raster));
    const first = images[0];
    if (!first) return { stills: 0, inked: 0, changed: 0 };
    let inked = 0;
    for (let i = 3; i < first.length; i += 4) if ((first[i] ?? 0) > 0) inked += 1;
    let changed = 0;
    for (const other of images.slice(1)) {
      let differ = 0;
      let union = 0;
      for (let i = 0; i < first.length; i += 4) {
        const a = first[i + 3] ?? 0;
        const b = other[i + 3] ?? 0;
        if (a === 0 && b === 0) continue;
        union += 1;
        const d = Math.abs((first[i] ?? 0) - (other[i] ?? 0)) + Math.abs((first[i + 1] ?? 0) - (other[i + 1] ?? 0)) + Math.abs((first[i + 2] ?? 0) - (other[i + 2] ?? 0)) + Math.abs(a - b);
        if (d > 60) differ += 1;
      }
      changed = Math.max(changed, union ? differ / union : 0);
    }
    return { stills: images.length, inked, changed };
  });
}

describe('every exercise’s figure', () => {
  it('draws in the library without errors, and visibly changes between its first and most different keyframe', async () => {
    const { page, errors } = await h.newPage();
    await arriveAsNewPerson(page);

    const weak: string[] = [];
    for (const e of EXERCISES) {
      await page.goto(`${h.url}/library/${e.id}`);
      await heading(page, e.name);
      await page.locator('.keyframe-strip svg[role="img"]').first().waitFor();
      // A movement lying down gets wide stills, so the lying person fills the width rather than sitting small in a tall box.
      const wide = (await page.locator('.keyframe-strip[data-wide]').count()) > 0;
      if (e.id === 'chin-tuck') expect(wide, e.id).toBe(true);
      if (wide) {
        const box = await page.locator('.keyframe-strip svg[role="img"]').first().boundingBox();
        expect(box && box.width > 1.6 * box.height, `${e.id}: a wide still`).toBe(true);
      }
      const r = await rasterisedChange(page);
      expect(r.stills, e.id).toBeGreaterThanOrEqual(2);
      expect(r.inked, `${e.id}: the first still draws a figure`).toBeGreaterThan(400);
      // "Visibly": at least a few percent of the figure's pixels change between the start and the peak.
      if (r.changed < 0.04) weak.push(`${e.id}: ${(r.changed * 100).toFixed(1)}%`);
    }
    expect(weak).toEqual([]);
    expect(errors).toEqual([]);
  });
});
