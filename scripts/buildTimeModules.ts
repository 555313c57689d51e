import path from 'node:path';
import type { Plugin } from 'vite';
import { EXERCISE_NAMES } from '../src/web/lib/exerciseNames';
import { ENDPOINTS } from '../src/web/api/endpoints';

/**
 * Build step: modules that only work a value out of big data are replaced by the finished value, so the browser
 * gets a small literal instead of the data (the same object as in development and the tests, which run the source):
 * - src/web/lib/exerciseNames.ts: the names of the exercises, not the catalogue;
 * - src/web/api/endpoints.ts: the table of addresses, not the contract's zod schemas.
 */
const MODULES: Record<string, () => string> = {
  'src/web/lib/exerciseNames.ts': () => `export const EXERCISE_NAMES = Object.freeze(${JSON.stringify(EXERCISE_NAMES)});\n`,
  'src/web/api/endpoints.ts': () => `export const ENDPOINTS = Object.freeze(${JSON.stringify(ENDPOINTS)});\n`,
};

export function buildTimeModules(): Plugin {
  const byPath = new Map(Object.entries(MODULES).map(([file, make]) => [path.resolve(file), make]));
  return {
    name: 'unclench-build-time-modules',
    apply: 'build',
    transform(_code, id) {
      const make = byPath.get(path.resolve(id.split('?')[0] ?? id));
      return make ? { code: make(), map: null } : null;
    },
  };
}
