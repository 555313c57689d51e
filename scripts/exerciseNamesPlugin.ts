import path from 'node:path';
import type { Plugin } from 'vite';
import { EXERCISES } from '../src/core/exercises';

const MODULE = path.resolve('src/web/lib/exerciseNames.ts');

/**
 * Build step: src/web/lib/exerciseNames.ts becomes the literal map of names it computes, so a screen that names
 * exercises carries a couple of kilobytes instead of the catalogue (the result is the same object).
 */
export function exerciseNames(): Plugin {
  return {
    name: 'unclench-exercise-names',
    apply: 'build',
    transform(_code, id) {
      if (path.resolve(id.split('?')[0] ?? id) !== MODULE) return null;
      const names = Object.fromEntries(EXERCISES.map((e) => [e.id, e.name]));
      return { code: `export const EXERCISE_NAMES = Object.freeze(${JSON.stringify(names)});\n`, map: null };
    },
  };
}
