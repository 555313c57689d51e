import { regionPhrase } from '../../core/body/regionPhrase';
import type { RegionId } from '../../core/body/regions';

/** "your left calf", "your left calf and the back of your right thigh": places inside a sentence (core `regionPhrase`). */
export function placesInWords(ids: readonly RegionId[]): string {
  const names = ids.map((id) => regionPhrase(id));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
