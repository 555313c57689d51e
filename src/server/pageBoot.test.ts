import { describe, expect, it } from 'vitest';
import { apiPath } from '../web/api/paths';
import { BOOT_ELEMENT_ID, bootScript, episodeReads, firstScreenOf, screenLinks, SESSION_READ, EPISODES_READ, type Manifest } from './pageBoot';

describe('a page’s first reads', () => {
  const id = '0b6f2c1e-5d7a-4c3b-9e8f-1a2b3c4d5e6f';

  it('are the addresses the app asks, so it finds each answer', () => {
    // As web/offline/load.ts, the comfort card and Today's links ask them.
    const today = ['today', 'listCheckIns', 'listMovements', 'listSessions', 'listComfort', 'listFunctionGoals'] as const;
    expect(episodeReads('/today', id)).toEqual(today.map((name) => apiPath(name, { id })));
    expect(episodeReads('/', id)).toEqual(episodeReads('/today', id));
    expect(episodeReads('/progress', id)).toEqual([apiPath('progress', { id })]);
    // As screens/CheckIn.tsx asks them, for the daily check-in and the re-check.
    expect(episodeReads('/check-in', id)).toEqual([apiPath('listCheckIns', { id }), apiPath('today', { id })]);
    expect(episodeReads('/re-check', id)).toEqual(episodeReads('/check-in', id));
    // The stand-and-move reminder opens Move: the plan's reads, and its lists of walks and comfort entries.
    const move = ['today', 'listCheckIns', 'listMovements', 'listSessions', 'listComfort'] as const;
    expect(episodeReads('/move', id)).toEqual(move.map((name) => apiPath(name, { id })));
    expect(episodeReads('/history', id)).toEqual([]);
    expect(SESSION_READ).toBe(apiPath('currentSession'));
    expect(EPISODES_READ).toBe(apiPath('listEpisodes'));
  });

  it('name the screen a page opens on for who is asking', () => {
    expect(firstScreenOf('/', 'newcomer')).toBe('screens/Welcome.tsx');
    expect(firstScreenOf('/today', 'newcomer')).toBeNull();
    expect(firstScreenOf('/', 'person-with-episode')).toBe('screens/Today.tsx');
    expect(firstScreenOf('/progress', 'person-with-episode')).toBe('screens/Progress.tsx');
    expect(firstScreenOf('/check-in', 'person-with-episode')).toBe('screens/CheckIn.tsx');
    expect(firstScreenOf('/re-check', 'person-with-episode')).toBe('screens/CheckIn.tsx');
    expect(firstScreenOf('/move', 'person-with-episode')).toBe('screens/Move.tsx');
    expect(firstScreenOf('/check-in', 'newcomer')).toBeNull();
    expect(firstScreenOf('/today', 'other')).toBeNull();
  });

  it('go into the page as a data block that nothing in them can end or run', () => {
    const html = bootScript({ '/x': { words: '</script><script>alert(1)</script>', other: '<!-- a\u2028b\u2029c' } });
    expect(html.startsWith(`<script id="${BOOT_ELEMENT_ID}" type="application/json">`)).toBe(true);
    const inner = html.slice(html.indexOf('>') + 1, html.lastIndexOf('</script>'));
    expect(inner).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(inner)).toEqual({ reads: { '/x': { words: '</script><script>alert(1)</script>', other: '<!-- a\u2028b\u2029c' } } });
  });
});

describe('a screen’s links', () => {
  const manifest: Manifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_shell-2.js'] },
    '_shell-2.js': { file: 'assets/shell-2.js' },
    '_card-3.js': { file: 'assets/card-3.js', imports: ['_shell-2.js'], css: ['assets/card-3.css'] },
    'screens/Today.tsx': { file: 'assets/Today-4.js', imports: ['_card-3.js', '_shell-2.js'], css: ['assets/Today-4.css', 'assets/card-3.css'] },
  };

  it('fetch the code the screen needs beyond the entry, and preload its styles', () => {
    const links = screenLinks(manifest, 'screens/Today.tsx');
    expect(links).toContain('<link rel="modulepreload" crossorigin href="/assets/Today-4.js">');
    expect(links).toContain('<link rel="modulepreload" crossorigin href="/assets/card-3.js">');
    expect(links).not.toContain('shell-2');
    expect(links).not.toContain('index-1');
    expect(links.match(/rel="preload" as="style"/g)).toHaveLength(2);
  });

  it('are none for a screen the build does not have', () => {
    expect(screenLinks(manifest, 'screens/Nowhere.tsx')).toBe('');
  });
});
