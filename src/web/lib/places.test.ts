import { describe, expect, it } from 'vitest';
import { MORE_PLACES, TABS, tabFor } from './places';

describe('which tab a screen belongs to', () => {
  it('each tab is current on its own address', () => {
    for (const t of TABS) expect(tabFor(t.to)).toBe(t.id);
  });

  it('follows the issue: Progress on goals, Today on the session player, More on the rest', () => {
    expect(tabFor('/goals')).toBe('progress');
    expect(tabFor('/session')).toBe('today');
    expect(tabFor('/session/cat-cow')).toBe('today');
    expect(tabFor('/re-check')).toBe('check-in');
    for (const p of ['/library', '/library/cat-cow', '/history', '/settings', '/account']) expect(tabFor(p)).toBe('more');
  });

  it('every place listed under More has a tab to light up', () => {
    for (const p of MORE_PLACES) expect(tabFor(p.to)).not.toBeNull();
  });

  it('no tab for an unknown address or a look-alike', () => {
    for (const p of ['/no-such-page', '/', '/library/', '/session/', '/todayx', '/settings/x']) expect(tabFor(p)).toBeNull();
  });
});
