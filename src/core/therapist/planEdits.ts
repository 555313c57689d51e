import type { MuscleId } from '../body/muscles';
import type { Exercise, ExerciseStyle } from '../exercises/types';
import type { PlanInput, Preferences } from '../plan/types';

/**
 * What a therapist with the person's "adjust my plan" scope has changed, as the engine reads it. Only the edits
 * still in force are passed in (the person can undo any of them). The engine applies them under its own rules:
 * a hidden exercise is never planned; a pinned one goes into a session only when today's stage and safety rules
 * would allow it anyway; muscle notes and session settings take the place of the person's own.
 */
export interface TherapistPlanEdits {
  hidden: readonly string[];
  pinned: readonly string[];
  /** The therapist's word on a muscle: weak, tight, or neither (the person's note about it no longer counts). */
  muscles: readonly { muscle: MuscleId; feels: 'weak' | 'tight' | 'neither' }[];
  sessionMinutes: Preferences['sessionMinutes'] | null;
  styles: readonly ExerciseStyle[] | null;
  /** A note to the person, shown with the plan. */
  note: string | null;
}

export const NO_EDITS: TherapistPlanEdits = { hidden: [], pinned: [], muscles: [], sessionMinutes: null, styles: null, note: null };

/** The input as the therapist's muscle notes and session settings shape it (pure; the input is not changed). */
export function withTherapistSettings(input: PlanInput, edits: TherapistPlanEdits): PlanInput {
  if (edits.muscles.length === 0 && edits.sessionMinutes === null && edits.styles === null) return input;
  const overridden = new Set(edits.muscles.map((m) => m.muscle));
  const muscleNotes = [
    ...input.muscleNotes.filter((n) => !overridden.has(n.muscle)),
    ...edits.muscles.flatMap((m) => (m.feels === 'neither' ? [] : [{ muscle: m.muscle, feels: m.feels }])),
  ];
  const preferences: Preferences = {
    styles: edits.styles && edits.styles.length > 0 ? [...edits.styles] : input.preferences.styles,
    sessionMinutes: edits.sessionMinutes ?? input.preferences.sessionMinutes,
  };
  return { ...input, muscleNotes, preferences };
}

/**
 * The catalogue without the hidden exercises, so no step of the engine (a pick, a filler, an easier variant)
 * can reach one. Kept per catalogue and hidden set, since the engine keeps what it derives per catalogue.
 */
const visibleCatalogues = new WeakMap<readonly Exercise[], Map<string, readonly Exercise[]>>();
const MAX_KEPT = 50;

export function visibleCatalogue(catalogue: readonly Exercise[], hidden: readonly string[]): readonly Exercise[] {
  if (hidden.length === 0) return catalogue;
  const key = [...new Set(hidden)].sort().join(',');
  let byKey = visibleCatalogues.get(catalogue);
  if (!byKey) {
    byKey = new Map();
    visibleCatalogues.set(catalogue, byKey);
  }
  let visible = byKey.get(key);
  if (!visible) {
    const out = new Set(hidden);
    visible = catalogue.filter((e) => !out.has(e.id));
    if (byKey.size >= MAX_KEPT) byKey.delete(byKey.keys().next().value ?? '');
    byKey.set(key, visible);
  }
  return visible;
}

/** One change a therapist made, as stored. */
export type PlanEditDetail =
  | { kind: 'hide' | 'pin'; exerciseId: string }
  | { kind: 'muscle'; muscle: MuscleId; feels: 'weak' | 'tight' | 'neither' }
  | { kind: 'session'; sessionMinutes?: Preferences['sessionMinutes']; styles?: ExerciseStyle[] }
  | { kind: 'note'; text: string };

/**
 * The edits in force, folded oldest first: the latest word on an exercise (hide or pin), on a muscle, on each
 * session setting and the latest note win.
 */
export function editsInForce(edits: readonly PlanEditDetail[]): TherapistPlanEdits {
  const exercises = new Map<string, 'hide' | 'pin'>();
  const muscles = new Map<MuscleId, 'weak' | 'tight' | 'neither'>();
  let sessionMinutes: TherapistPlanEdits['sessionMinutes'] = null;
  let styles: TherapistPlanEdits['styles'] = null;
  let note: string | null = null;
  for (const edit of edits) {
    switch (edit.kind) {
      case 'hide':
      case 'pin':
        exercises.delete(edit.exerciseId);
        exercises.set(edit.exerciseId, edit.kind);
        break;
      case 'muscle':
        muscles.set(edit.muscle, edit.feels);
        break;
      case 'session':
        sessionMinutes = edit.sessionMinutes ?? sessionMinutes;
        styles = edit.styles ?? styles;
        break;
      case 'note':
        note = edit.text;
        break;
    }
  }
  const having = (kind: 'hide' | 'pin') => [...exercises].flatMap(([id, k]) => (k === kind ? [id] : []));
  return { hidden: having('hide'), pinned: having('pin'), muscles: [...muscles].map(([muscle, feels]) => ({ muscle, feels })), sessionMinutes, styles, note };
}
