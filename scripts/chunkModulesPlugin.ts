import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Build step: writes .vite/chunk-modules.json, each script chunk with the source modules in it (paths from the
 * project root), so the size budget test and bench/bundle can tell what a screen's chunks carry.
 */
export function chunkModules(): Plugin {
  return {
    name: 'unclench-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const root = process.cwd();
      const list: Record<string, string[]> = {};
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type === 'chunk') list[file] = Object.keys(chunk.modules).map((id) => path.relative(root, id.replace(/^\0/, '')).split(path.sep).join('/'));
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-modules.json', source: `${JSON.stringify(list, null, 1)}\n` });
    },
  };
}
