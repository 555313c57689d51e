import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { firstScreenOf } from '../src/server/pageBoot';
import { FIRST_SCREEN_BUDGETS, screenCosts } from './firstLoad';

// Reads the production build that `npm test` makes before the tests (dist/web); a size, not a time.
const costs = screenCosts(path.resolve('dist/web'));

describe('the first screen’s script stays small (brotli, as the server sends it)', () => {
  it.each(Object.entries(FIRST_SCREEN_BUDGETS))('%s: its entry and its own chunks fit in the budget', (screen, budget) => {
    const cost = costs.find((c) => c.screen === screen);
    expect(cost, `no chunk for screens/${screen}.tsx in the build`).toBeDefined();
    expect(cost?.js.brotliBytes).toBeGreaterThan(0);
    expect(cost?.js.brotliBytes, `${screen} sends ${cost?.js.brotliBytes} bytes of script; the budget is ${budget}`).toBeLessThanOrEqual(budget);
  });

  it('keeps zod, the exercise catalogue, the charts and React DOM out of the first screens', () => {
    const entry = costs.find((c) => c.screen === '(entry)');
    expect(entry?.js.files).toBeGreaterThan(0);
    expect(entry?.modules.length).toBeGreaterThan(10);
    for (const screen of ['(entry)', ...Object.keys(FIRST_SCREEN_BUDGETS)]) {
      const carried = costs.find((c) => c.screen === screen)?.modules ?? [];
      expect(carried.filter((m) => /node_modules\/(zod|react-dom)\//.test(m) || m.startsWith('src/core/exercises/catalogue/')), screen).toEqual([]);
    }
  });

  it('keeps zod out of the daily check-in, the safety questions and Move: the browser checks them with the contract’s rules (offline/bodies.ts)', () => {
    for (const screen of ['CheckIn', 'Safety', 'Move']) {
      const carried = costs.find((c) => c.screen === screen)?.modules ?? [];
      expect(carried.length, screen).toBeGreaterThan(0);
      expect(carried.filter((m) => m.includes('node_modules/zod/')), screen).toEqual([]);
    }
  });
});

describe('the screens a page opens on with its reads', () => {
  // The server preloads such a screen's chunks by its name in the build's manifest (server/pageBoot.ts): were the
  // bundler to fold it into a shared chunk, the manifest would stop naming it and the preload would quietly go.
  const manifest = JSON.parse(fs.readFileSync(path.resolve('dist/web/.vite/manifest.json'), 'utf8')) as Record<string, { isDynamicEntry?: boolean }>;
  it.each(['/', '/today', '/progress', '/check-in', '/re-check', '/move'])('%s: its screen is named in the build', (page) => {
    const screen = firstScreenOf(page, 'person-with-episode');
    expect(screen).not.toBeNull();
    expect(manifest[screen ?? '']?.isDynamicEntry, `${screen} in dist/web/.vite/manifest.json`).toBe(true);
  });
});
