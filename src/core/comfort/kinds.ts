import { localDateOf } from '../time';

/**
 * What helped a person move, as data: each kind says which units its amount may be in and whether it comes from a
 * package with a label (only those are asked for the label's daily maximum). The order is the order a person is
 * offered them in: heat, cold and movement aids first, then creams and patches, then tablets. Logged, never suggested.
 */
export const COMFORT_KINDS = ['heat', 'cold', 'movement-aid', 'topical', 'patch', 'tablet', 'other'] as const;
export type ComfortKind = (typeof COMFORT_KINDS)[number];

export const COMFORT_UNITS = ['minutes', 'applications', 'patches', 'tablets', 'mg', 'times'] as const;
export type ComfortUnit = (typeof COMFORT_UNITS)[number];

export interface ComfortKindRule {
  /** The units an amount of this kind may be given in; the first is the usual one. */
  units: readonly [ComfortUnit, ...ComfortUnit[]];
  /**
   * A medicine, or a cream, gel or patch that may carry one, bought with a label: only these are asked for the
   * label's daily maximum. Heat, cold and a walking stick have no label, so the question is never asked for them.
   */
  hasLabel: boolean;
}

export const COMFORT_KIND_RULES: Record<ComfortKind, ComfortKindRule> = {
  heat: { units: ['minutes'], hasLabel: false },
  cold: { units: ['minutes'], hasLabel: false },
  'movement-aid': { units: ['minutes'], hasLabel: false },
  topical: { units: ['applications'], hasLabel: true },
  patch: { units: ['patches'], hasLabel: true },
  tablet: { units: ['tablets', 'mg'], hasLabel: true },
  other: { units: ['minutes', 'times'], hasLabel: false },
};

/** "Did it help?", asked later the same day. */
export const HELPED_ANSWERS = ['yes', 'a_little', 'no'] as const;
export type HelpedAnswer = (typeof HELPED_ANSWERS)[number];

/** How long after an entry "Did it help?" is asked: long enough for heat, a cream or a tablet to have done something. */
export const ASK_HELPED_AFTER_MINUTES = 60;

export interface ComfortIssue {
  path: 'unit' | 'dailyMax';
  rule: 'one_of' | 'not_for_kind';
  message: string;
}

/**
 * The rules of one entry that depend on its kind: the unit must be one of the kind's units, and a label maximum only
 * comes with a kind that has a label. An entry without a unit (made before units were asked) stays valid.
 */
export function comfortEntryIssues(e: { kind: ComfortKind; unit?: ComfortUnit | null; dailyMax?: number | null }): ComfortIssue[] {
  const rule = COMFORT_KIND_RULES[e.kind];
  const issues: ComfortIssue[] = [];
  if (e.unit != null && !rule.units.includes(e.unit)) issues.push({ path: 'unit', rule: 'one_of', message: `must be one of: ${rule.units.join(', ')} for ${e.kind}` });
  if (e.dailyMax != null && !rule.hasLabel) issues.push({ path: 'dailyMax', rule: 'not_for_kind', message: `is only asked for a medicine, cream, gel or patch, not for ${e.kind}` });
  return issues;
}

/** Entries whose "Did it help?" is due now: not yet answered, at least an hour old, and from today in the person's zone. */
export function helpedQuestionDue<E extends { at: string; helped?: HelpedAnswer | null }>(entries: readonly E[], nowMs: number, timeZone: string): E[] {
  const today = localDateOf(new Date(nowMs), timeZone);
  return entries.filter((e) => {
    const atMs = Date.parse(e.at);
    return e.helped == null && Number.isFinite(atMs) && nowMs - atMs >= ASK_HELPED_AFTER_MINUTES * 60_000 && localDateOf(e.at, timeZone) === today;
  });
}
