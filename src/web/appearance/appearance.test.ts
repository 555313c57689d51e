import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEARANCE, restoreAppearance, storedAppearance, THEMES } from './appearance';

describe('appearance, kept on the device', () => {
  it('round-trips every theme, with and without larger text', () => {
    for (const theme of THEMES)
      for (const largerText of [false, true]) expect(restoreAppearance(JSON.parse(storedAppearance({ theme, largerText })))).toEqual({ theme, largerText });
  });

  it('falls back field by field: a bad theme keeps larger text, and the other way round', () => {
    expect(restoreAppearance({ v: 1, theme: 'sepia', largerText: true })).toEqual({ theme: 'system', largerText: true });
    expect(restoreAppearance({ v: 1, theme: 'dark', largerText: 'yes' })).toEqual({ theme: 'dark', largerText: false });
  });

  it('gives the defaults (the system theme, normal text) for damage, a missing version, or a newer one', () => {
    expect(DEFAULT_APPEARANCE).toEqual({ theme: 'system', largerText: false });
    for (const raw of [null, undefined, 'dark', 1, [], {}, { theme: 'dark' }, { v: 2, theme: 'dark', largerText: true }]) expect(restoreAppearance(raw)).toEqual(DEFAULT_APPEARANCE);
  });
});
