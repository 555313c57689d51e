import type { Plugin } from 'vite';

/**
 * Build step: writes `precache.json`, the list of every file the build put in /assets (scripts, styles, lazily
 * loaded chunks). The service worker reads it at install and on each visit, so the whole app works offline —
 * not only the screens already opened — without a plugin package. Source maps are left out.
 */
export function precacheList(): Plugin {
  return {
    name: 'unclench-precache-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => f.startsWith('assets/') && !f.endsWith('.map'))
        .map((f) => `/${f}`)
        .sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: `${JSON.stringify(files)}\n` });
    },
  };
}
