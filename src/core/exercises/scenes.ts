import type { BodyPart } from '../pose/body';
import type { PropSpec, Scene } from '../pose/scene';
import type { ViewName } from '../pose/view';
import type { Exercise, Position } from './types';

/**
 * Where each exercise is drawn from, what it uses and what moves. The view is the one that shows the key motion:
 * sideways and turning moves from the front or three-quarter, lying twists from above, getting up from a bed from
 * beside it, the rest from the side.
 * `moving` names the part the cues ask to move: it is highlighted, and the figure check makes sure it moves.
 */

const mat: PropSpec = { kind: 'mat' };
const seat: PropSpec = { kind: 'chair', at: 'seat' };
const barre: PropSpec = { kind: 'chair', at: 'handL' };
const chairInFront: PropSpec = { kind: 'chair', at: 'hands' };

type Entry = [view: ViewName, props: PropSpec[], moving: BodyPart[]];

const legs: BodyPart[] = ['legL', 'legR'];
const arms: BodyPart[] = ['armL', 'armR'];
const feet: BodyPart[] = ['footL', 'footR'];

const SCENES: Record<string, Entry> = {
  'lie-flat-reset': ['side', [mat], ['belly']],
  'diaphragmatic-breathing': ['side', [mat], ['belly']],
  'pelvic-tilt': ['side', [mat], ['pelvis']],
  'knee-rocks': ['above', [mat], legs],
  'ankle-pumps': ['side', [mat], feet],
  'log-roll-get-up': ['bedside', [{ kind: 'bed' }], ['trunk']],
  'stand-and-step': ['side', [], legs],
  'slow-walk': ['side', [], legs],
  'supported-sit-to-stand': ['side', [seat], ['trunk', 'pelvis']],
  'abdominal-bracing': ['side', [mat], ['belly']],
  'wall-posture': ['side', [{ kind: 'wall', at: 'behind' }], ['head']],
  'chin-tuck': ['side', [mat, { kind: 'towel', at: 'neck' }], ['head']],
  'neck-mobility': ['side', [seat], ['head']],
  'shoulder-rolls': ['side', [seat], arms],
  'stand-and-reach': ['front', [], arms],
  'march-on-the-spot': ['side', [], legs],
  'knee-to-chest': ['side', [mat], ['legL']],
  'figure-four-stretch': ['threeQuarter', [mat], ['legL', 'legR']],
  'cat-cow': ['side', [mat], ['trunk']],
  'bird-dog': ['side', [mat], ['armR', 'legL']],
  'dead-bug': ['side', [mat], ['armR', 'legL']],
  bridge: ['side', [mat], ['pelvis']],
  'supported-childs-pose': ['side', [mat], ['trunk']],
  'side-lying-stretch': ['above', [mat], ['armR']],
  'hip-flexor-stretch': ['side', [barre], ['legL']],
  'hamstring-stretch-strap': ['side', [mat, { kind: 'towel', at: 'strapR' }], ['legR']],
  'calf-stretch-wall': ['side', [{ kind: 'wall', at: 'hands' }], ['legR', 'trunk']],
  'hip-hinge-practice': ['side', [], ['trunk']],
  'heel-raises': ['side', [chairInFront], feet],
  'pilates-breathing-imprint': ['side', [mat], ['belly']],
  'pilates-arm-arcs': ['side', [mat], arms],
  'pilates-bent-knee-fallout': ['above', [mat], ['legR']],
  'pilates-pelvic-curl': ['side', [mat], ['pelvis']],
  'pilates-toe-taps': ['side', [mat], ['footL']],
  'pilates-side-lying-clam': ['threeQuarter', [mat], ['legR']],
  'pilates-single-leg-stretch': ['side', [mat], legs],
  'pilates-chest-lift': ['side', [mat], ['head']],
  'pilates-swimming-prep': ['side', [mat, { kind: 'towel', at: 'belly' }], ['armR', 'legL']],
  'pilates-seated-spine-stretch': ['side', [seat], ['trunk']],
  'yoga-crocodile-rest': ['side', [mat], ['belly']],
  'yoga-seated-cat-cow': ['side', [seat], ['trunk']],
  'yoga-mountain-pose': ['side', [], ['head']],
  'yoga-cat-cow': ['side', [mat], ['trunk']],
  'yoga-childs-pose': ['side', [mat], ['trunk']],
  'yoga-supine-twist': ['above', [mat], legs],
  'yoga-sphinx': ['side', [mat], ['trunk']],
  'yoga-legs-up-the-wall': ['side', [mat, { kind: 'wall', at: 'feet' }], ['belly']],
  'yoga-bridge': ['side', [mat], ['pelvis']],
  'yoga-tree-supported': ['front', [barre], ['legR']],
  'ballet-point-and-flex': ['side', [seat], ['footL']],
  'ballet-seated-port-de-bras': ['front', [seat], arms],
  'ballet-posture-at-barre': ['side', [barre], ['head']],
  'ballet-port-de-bras': ['front', [], arms],
  'ballet-plie-at-chair': ['front', [barre], legs],
  'ballet-tendu-at-chair': ['side', [barre], ['footR']],
  'ballet-releve-at-chair': ['side', [chairInFront], feet],
  'ballet-rond-de-jambe': ['threeQuarter', [barre], ['footR']],
  'ballet-cou-de-pied-balance': ['side', [barre], ['legR']],
  'flamenco-tall-posture': ['side', [], arms],
  'flamenco-braceo-seated': ['front', [seat], arms],
  'flamenco-floreo': ['threeQuarter', [seat], ['handL', 'handR']],
  'flamenco-braceo-standing': ['front', [], arms],
  'flamenco-palmas-march': ['threeQuarter', [], legs],
  'flamenco-marcaje': ['side', [], feet],
  'flamenco-zapateado-shifts': ['front', [], legs],
  'flamenco-open-chest-hold': ['side', [], arms],
  'capoeira-side-steps': ['front', [], legs],
  'capoeira-ginga-slow': ['threeQuarter', [], legs],
  'capoeira-base-stance': ['front', [], legs],
  'capoeira-cocorinha-supported': ['side', [{ kind: 'doorFrame' }], ['pelvis']],
  'capoeira-esquiva-lateral': ['front', [], ['trunk', 'head']],
  'capoeira-meia-lua-low': ['threeQuarter', [barre], ['legR']],
  'capoeira-negativa-floor-reach': ['side', [mat], ['armR']],
  'capoeira-roda-sway': ['front', [], ['trunk']],
};

/** What a movement without its own entry (a therapist's own, say) is drawn with: a view and props by position. */
const BY_POSITION: Record<Position, Pick<Scene, 'view' | 'props'>> = {
  lying: { view: 'side', props: [mat] },
  quadruped: { view: 'side', props: [mat] },
  sitting: { view: 'side', props: [seat] },
  standing: { view: 'side', props: [] },
  walking: { view: 'side', props: [] },
};

/** Lying and kneeling bodies stay put at the pelvis; upright ones stand on their feet; getting up does both. */
function anchorFor(e: Pick<Exercise, 'id' | 'position'>): Pick<Scene, 'anchor' | 'feetAt'> {
  if (e.id === 'log-roll-get-up') return { anchor: 'auto', feetAt: { x: 0, z: 30 } };
  // Sitting on the floor (no chair in its scene) rests on the pelvis like lying does.
  const onFloor = e.position === 'lying' || e.position === 'quadruped' || (e.position === 'sitting' && !sceneProps(e.id).some((p) => p.kind === 'chair'));
  return { anchor: onFloor ? 'pelvis' : 'feet' };
}

function sceneProps(id: string): readonly PropSpec[] {
  return (Object.hasOwn(SCENES, id) ? SCENES[id]?.[1] : undefined) ?? [];
}

/** Whether the catalogue gives this exercise its own scene (the figure check asks it of every one). */
export function hasOwnScene(id: string): boolean {
  return Object.hasOwn(SCENES, id);
}

export function sceneFor(e: Pick<Exercise, 'id' | 'position'>): Scene {
  const own = Object.hasOwn(SCENES, e.id) ? SCENES[e.id] : undefined;
  const anchor = anchorFor(e);
  if (own) return { view: own[0], props: own[1], moving: own[2], ...anchor };
  return { ...BY_POSITION[e.position], moving: [], ...anchor };
}
