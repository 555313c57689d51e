import type { YesNoField } from '../../core/clinical';
import type { Issue, PartialSafetyAnswersT, SafetyAnswersT } from '../api/client';
import { CHOOSE_AN_ANSWER, draftFromAnswers, type SafetyDraft } from '../lib/safetyDraft';
import { checkSafety } from '../lib/safetyCheck';

/** The safety questions about the legs and the nerves to them, asked again when pain newly reaches a leg. */
export const LEG_QUESTIONS: readonly YesNoField[] = ['bilateralLegSymptoms', 'radicularLegPainOneSide', 'saddleNumbness', 'bladderChange', 'bowelChange'];

export type LegDraft = Pick<SafetyDraft, (typeof LEG_QUESTIONS)[number] | 'legWeakness'>;

/**
 * The leg answers, asked fresh (never pre-filled), on top of the person's last full safety answers, with today's
 * pain: the whole answer set the server triages. Unanswered questions are issues on their API paths.
 */
export function legSafety(last: PartialSafetyAnswersT, legs: LegDraft, painNow: number | undefined): { answers: SafetyAnswersT | null; issues: Issue[] } {
  const issues: Issue[] = [];
  for (const field of LEG_QUESTIONS) if (legs[field] === undefined) issues.push({ path: `safety.${field}`, rule: 'required', message: CHOOSE_AN_ANSWER });
  if (legs.legWeakness === undefined) issues.push({ path: 'safety.legWeakness', rule: 'required', message: CHOOSE_AN_ANSWER });
  const merged: SafetyDraft = draftFromAnswers(last);
  for (const field of LEG_QUESTIONS) {
    const answer = legs[field];
    if (answer !== undefined) merged[field] = answer;
  }
  if (legs.legWeakness !== undefined) merged.legWeakness = legs.legWeakness;
  const checked = checkSafety(merged, painNow);
  const seen = new Set(issues.map((i) => i.path));
  for (const i of checked.issues) if (!seen.has(i.path)) issues.push(i);
  return { answers: issues.length ? null : checked.answers, issues };
}

