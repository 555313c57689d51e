import { REQUIRED_SAFETY_FIELDS, YES_NO_FIELDS } from '../../core/clinical';
import type { Issue, PartialSafetyAnswersT, SafetyAnswersT } from '../api/client';
import { safetyAnswerIssues } from '../offline/bodies';
import { answersOf, missingAnswers, numberOrText, type SafetyDraft } from './safetyDraft';

/**
 * The safety form's checks with the contract's rules and messages (offline/bodies.ts, held to the contract's zod
 * schema by its tests), in the API's issue shape. Without zod: the check-in asks these questions too, and zod's
 * schemas took a slow phone about 80 ms to build before the check-in could be used.
 */

/**
 * The answers given so far, each checked with the contract's own rule; a typed answer that does not pass (an age of
 * 130) is left out here and reported by `checkSafety`. What the emergency check and a partial start use.
 */
export function knownAnswers(draft: SafetyDraft, painNow?: number): PartialSafetyAnswersT {
  const candidate: Record<string, unknown> = {};
  for (const field of YES_NO_FIELDS) if (draft[field] !== undefined) candidate[field] = draft[field];
  if (draft.legWeakness) candidate.legWeakness = draft.legWeakness;
  if (draft.sex) candidate.sex = draft.sex;
  const pain = painNow ?? draft.painNRS;
  if (pain !== undefined) candidate.painNRS = pain;
  if (draft.ageYears?.trim()) candidate.ageYears = numberOrText(draft.ageYears);
  const weeks = draft.weeksWithoutImprovement?.trim();
  if (weeks) candidate.weeksWithoutImprovement = numberOrText(weeks);
  const known: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(candidate)) {
    if (safetyAnswerIssues({ [k]: v }).length === 0) known[k] = v;
  }
  return known as PartialSafetyAnswersT;
}

/**
 * Checks the draft: every required question answered (core `REQUIRED_SAFETY_FIELDS`; optional ones count as no),
 * the pain, then the contract's own rules. Paths match the API's (`safety.ageYears`).
 */
export function checkSafety(draft: SafetyDraft, painNow?: number): { answers: SafetyAnswersT | null; issues: Issue[] } {
  return checkAnswers(draft, painNow, true);
}

/**
 * The answers an episode's start sends: `checkSafety`'s, without the optional questions left unanswered (the server
 * counts those as no; they are not stored as answers nobody gave).
 */
export function checkStart(draft: SafetyDraft, painNow?: number): { answers: PartialSafetyAnswersT | null; issues: Issue[] } {
  const { answers, issues } = checkSafety(draft, painNow);
  if (!answers) return { answers: null, issues };
  const given = knownAnswers(draft, painNow);
  const kept = Object.fromEntries(Object.entries(answers).filter(([field]) => REQUIRED.has(field) || field in given));
  return { answers: kept as PartialSafetyAnswersT, issues };
}

const REQUIRED: ReadonlySet<string> = new Set(REQUIRED_SAFETY_FIELDS);

/**
 * The first-run steps' own check: the same as `checkSafety` without the pain, which the start asks after the steps.
 * Only the issues count here; the answers are made with the start's pain.
 */
export function checkSafetySteps(draft: SafetyDraft): Issue[] {
  return checkAnswers(draft, undefined, false).issues;
}

function checkAnswers(draft: SafetyDraft, painNow: number | undefined, needPain: boolean): { answers: SafetyAnswersT | null; issues: Issue[] } {
  const pain = painNow ?? draft.painNRS;
  const issues = missingAnswers(draft, pain, needPain);
  const answers = answersOf(draft, pain);
  const seen = new Set(issues.map((i) => i.path));
  for (const issue of safetyAnswerIssues(answers)) {
    const path = `safety.${issue.path}`;
    if (!seen.has(path)) issues.push({ ...issue, path });
  }
  return { answers: issues.length === 0 ? (answers as SafetyAnswersT) : null, issues };
}
