import type { RegionId } from './regions';

/** Pain in one body region at one check-in (the body map). */
export interface RegionPain {
  region: RegionId;
  /** 0–10. */
  pain: number;
  /** "Spasm / cramping" marked for this region. */
  spasm: boolean;
}

/**
 * A check-in may name regions as a plain list (they hurt at the check-in's overall level) or as a body map
 * with a pain per region. Both become a body map; a region named twice keeps its last entry.
 */
export function toBodyMap(regions: readonly (RegionId | RegionPain)[], painNow: number): RegionPain[] {
  const byRegion = new Map<RegionId, RegionPain>();
  for (const r of regions) {
    const entry = typeof r === 'string' ? { region: r, pain: painNow, spasm: false } : r;
    byRegion.set(entry.region, entry);
  }
  return [...byRegion.values()];
}

/** The regions that hurt (pain above 0). */
export function painfulRegions(map: readonly RegionPain[]): RegionId[] {
  return map.filter((r) => r.pain > 0).map((r) => r.region);
}
