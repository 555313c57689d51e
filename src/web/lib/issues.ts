import type { Issue } from '../api/client';

/** DOM ids for a field named by its API path, so an issue can point at its input. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

/** The first message for a field: an exact match, or an issue inside it (`regions.2` belongs to `regions`). */
export function messageFor(issues: readonly Issue[], path: string): string | undefined {
  return issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
}

/** Issues whose field is not among the paths shown on this screen. */
export function unplaced(issues: readonly Issue[], shown: readonly string[]): Issue[] {
  return issues.filter((i) => !shown.some((p) => i.path === p || i.path.startsWith(`${p}.`)));
}
