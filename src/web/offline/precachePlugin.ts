import type { OutputBundle } from 'rollup';
import type { Plugin } from 'vite';

/**
 * Build step: writes `precache.json`, the list of every file the build put in /assets (scripts, styles, lazily
 * loaded chunks). The service worker reads it at install and on each visit, so the whole app works offline —
 * not only the screens already opened — without a plugin package. Source maps are left out.
 */
/**
 * Files this large (the camera's pose model and its WebAssembly runtime, ~6 MB) are not fetched at install: a person
 * who never opens the posture check never downloads them. The service worker keeps each on first use (cache-first
 * /assets), so the posture check works offline after its first visit.
 */
export const PRECACHE_MAX_BYTES = 400_000;

const sizeOf = (file: OutputBundle[string]) => (file.type === 'chunk' ? Buffer.byteLength(file.code) : typeof file.source === 'string' ? Buffer.byteLength(file.source) : file.source.byteLength);

export function precacheList(): Plugin {
  return {
    name: 'unclench-precache-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => f.startsWith('assets/') && !f.endsWith('.map') && sizeOf(bundle[f]!) <= PRECACHE_MAX_BYTES)
        .map((f) => `/${f}`)
        .sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: `${JSON.stringify(files)}\n` });
    },
  };
}
