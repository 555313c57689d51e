import { EXERCISES } from '../../core/exercises';

/**
 * Each exercise's name by id, for screens that only name movements (Today's session list) and must not load the
 * whole catalogue. The build replaces this module with the finished map (scripts/buildTimeModules.ts), so the
 * catalogue stays in the chunks of the screens that show movements in full.
 */
export const EXERCISE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(EXERCISES.map((e) => [e.id, e.name]));
