import { regionById, type RegionId } from '../../core/body/regions';

/** "left calf", "left calf and right knee", "left calf, right knee and left foot": places inside a sentence. */
export function placesInWords(ids: readonly RegionId[]): string {
  const names = ids.map((id) => regionById(id).label.toLowerCase());
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
