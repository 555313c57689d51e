/** Canonical body regions (design.md): used by every screen, the API and the engine. */

export type BodyView = 'back' | 'front';
/** Coarse areas the engine reasons about ("pain can travel" from the back to these). */
export type BodyArea = 'neck-shoulders' | 'upper-back' | 'low-back' | 'buttocks-hips' | 'thighs' | 'lower-legs' | 'arms' | 'trunk-front';

export interface BodyRegion {
  readonly id: string;
  readonly label: string;
  readonly view: BodyView;
  readonly area: BodyArea;
}

function region<const Id extends string>(id: Id, label: string, view: BodyView, area: BodyArea) {
  return { id, label, view, area } as const;
}

export const BODY_REGIONS = [
  region('neck-back', 'Back of the neck', 'back', 'neck-shoulders'),
  region('upper-back-left', 'Upper back, left', 'back', 'upper-back'),
  region('upper-back-center', 'Between the shoulder blades', 'back', 'upper-back'),
  region('upper-back-right', 'Upper back, right', 'back', 'upper-back'),
  region('mid-back', 'Middle of the back', 'back', 'upper-back'),
  region('low-back-left', 'Lower back, left', 'back', 'low-back'),
  region('low-back-center', 'Lower back, middle', 'back', 'low-back'),
  region('low-back-right', 'Lower back, right', 'back', 'low-back'),
  region('buttock-left', 'Left buttock', 'back', 'buttocks-hips'),
  region('buttock-right', 'Right buttock', 'back', 'buttocks-hips'),
  region('thigh-back-left', 'Back of the left thigh', 'back', 'thighs'),
  region('thigh-back-right', 'Back of the right thigh', 'back', 'thighs'),
  region('calf-left', 'Left calf', 'back', 'lower-legs'),
  region('calf-right', 'Right calf', 'back', 'lower-legs'),
  region('neck-front', 'Front of the neck', 'front', 'neck-shoulders'),
  region('shoulder-left', 'Left shoulder', 'front', 'neck-shoulders'),
  region('shoulder-right', 'Right shoulder', 'front', 'neck-shoulders'),
  region('arm-left', 'Left arm', 'front', 'arms'),
  region('arm-right', 'Right arm', 'front', 'arms'),
  region('chest', 'Chest', 'front', 'trunk-front'),
  region('abdomen', 'Belly', 'front', 'trunk-front'),
  region('groin', 'Groin', 'front', 'buttocks-hips'),
  region('hip-left', 'Left hip', 'front', 'buttocks-hips'),
  region('hip-right', 'Right hip', 'front', 'buttocks-hips'),
  region('thigh-front-left', 'Front of the left thigh', 'front', 'thighs'),
  region('thigh-front-right', 'Front of the right thigh', 'front', 'thighs'),
  region('knee-left', 'Left knee', 'front', 'lower-legs'),
  region('knee-right', 'Right knee', 'front', 'lower-legs'),
  region('shin-left', 'Left shin', 'front', 'lower-legs'),
  region('shin-right', 'Right shin', 'front', 'lower-legs'),
  region('foot-left', 'Left foot', 'front', 'lower-legs'),
  region('foot-right', 'Right foot', 'front', 'lower-legs'),
] as const;

export type RegionId = (typeof BODY_REGIONS)[number]['id'];

export const REGION_IDS = BODY_REGIONS.map((r) => r.id) as [RegionId, ...RegionId[]];

const byId = new Map<string, BodyRegion>(BODY_REGIONS.map((r) => [r.id, r]));

export function isRegionId(id: string): id is RegionId {
  return byId.has(id);
}

export function regionById(id: RegionId): BodyRegion {
  const found = byId.get(id);
  if (!found) throw new Error(`Unknown region ${id}`);
  return found;
}
