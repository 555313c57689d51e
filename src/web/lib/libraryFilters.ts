import { MUSCLE_IDS, type MuscleId } from '../../core/body/muscles';
import { EXERCISE_STYLES, POSITIONS, type ExerciseStyle, type Position } from '../../core/exercises/types';
import { STAGE_IDS, type StageId } from '../../core/plan/stages';

/** The Library's filters, kept in the address (`/library?style=yoga`) so reload, back and a shared link keep them. */
export interface LibraryFilters {
  style?: ExerciseStyle;
  position?: Position;
  muscle?: MuscleId;
  stage?: StageId;
}

export const FILTER_KEYS = ['style', 'position', 'muscle', 'stage'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const ALLOWED: Record<FilterKey, readonly string[]> = { style: EXERCISE_STYLES, position: POSITIONS, muscle: MUSCLE_IDS, stage: STAGE_IDS };

/** Only values the API accepts are kept; anything else in the address is ignored. */
export function filtersFromSearch(search: string): LibraryFilters {
  const params = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && ALLOWED[key].includes(value)) out[key] = value;
  }
  return out as LibraryFilters;
}

export function searchFromFilters(filters: LibraryFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(filters: LibraryFilters): boolean {
  return FILTER_KEYS.some((k) => filters[k] !== undefined);
}

/** Where "All movements" on a detail screen leads: the Library as the person last left it. */
let lastSearch = '';
export function rememberLibrarySearch(search: string) {
  lastSearch = search;
}
export function libraryPath(): string {
  return `/library${lastSearch}`;
}
