import type { RegionId } from './regions';

/** Muscles a person (or their therapist) can note as weak or tight, each tied to the regions it sits in. */

export interface Muscle {
  readonly id: string;
  readonly label: string;
  readonly regions: readonly RegionId[];
}

function muscle<const Id extends string>(id: Id, label: string, regions: readonly RegionId[]) {
  return { id, label, regions } as const;
}

export const MUSCLES = [
  muscle('deep-abdominals', 'Deep belly muscles (the inner corset)', ['abdomen']),
  muscle('rectus-abdominis', 'Front belly muscles', ['abdomen']),
  muscle('obliques', 'Side belly muscles', ['abdomen', 'low-back-left', 'low-back-right']),
  muscle('back-extensors', 'Long back muscles along the spine', ['mid-back', 'low-back-left', 'low-back-center', 'low-back-right']),
  muscle('multifidus', 'Small deep muscles beside the spine', ['low-back-center']),
  muscle('quadratus-lumborum', 'Deep side muscles of the lower back', ['low-back-left', 'low-back-right']),
  muscle('glute-max', 'Big buttock muscles', ['buttock-left', 'buttock-right']),
  muscle('glute-med', 'Side hip muscles', ['hip-left', 'hip-right', 'buttock-left', 'buttock-right']),
  muscle('piriformis', 'Deep buttock muscles', ['buttock-left', 'buttock-right']),
  muscle('hip-flexors', 'Front hip muscles', ['groin', 'hip-left', 'hip-right', 'thigh-front-left', 'thigh-front-right']),
  muscle('hamstrings', 'Back of the thighs', ['thigh-back-left', 'thigh-back-right']),
  muscle('quadriceps', 'Front of the thighs', ['thigh-front-left', 'thigh-front-right', 'knee-left', 'knee-right']),
  muscle('adductors', 'Inner thighs', ['groin', 'thigh-front-left', 'thigh-front-right']),
  muscle('calves', 'Calves', ['calf-left', 'calf-right']),
  muscle('neck-flexors', 'Deep front neck muscles', ['neck-front']),
  muscle('neck-extensors', 'Back of the neck', ['neck-back']),
  muscle('upper-trapezius', 'Tops of the shoulders', ['neck-back', 'shoulder-left', 'shoulder-right']),
  muscle('rhomboids', 'Between the shoulder blades', ['upper-back-center', 'upper-back-left', 'upper-back-right']),
  muscle('latissimus', 'Broad muscles of the mid back', ['mid-back', 'upper-back-left', 'upper-back-right']),
  muscle('pectorals', 'Chest muscles', ['chest', 'shoulder-left', 'shoulder-right']),
  muscle('shoulder-stabilisers', 'Shoulder blade and rotator muscles', ['shoulder-left', 'shoulder-right', 'upper-back-left', 'upper-back-right']),
] as const;

export type MuscleId = (typeof MUSCLES)[number]['id'];
export const MUSCLE_IDS = MUSCLES.map((m) => m.id) as [MuscleId, ...MuscleId[]];

const byId = new Map<string, Muscle>(MUSCLES.map((m) => [m.id, m]));

export function isMuscleId(id: string): id is MuscleId {
  return byId.has(id);
}

export function muscleById(id: MuscleId): Muscle {
  const found = byId.get(id);
  if (!found) throw new Error(`Unknown muscle ${id}`);
  return found;
}
