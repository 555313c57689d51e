import { REQUIRED_SAFETY_FIELDS, YES_NO_FIELDS, type LegWeakness, type SafetyField, type Sex, type YesNoField, type YesNoUnsure } from '../../core/clinical';
import type { Issue, PartialSafetyAnswersT } from '../api/client';
import { isSafetyAnswers } from '../offline/bodies';

/** The safety form while it is being filled in: anything may still be missing. */
export type SafetyDraft = { [K in YesNoField]?: YesNoUnsure } & {
  ageYears?: string;
  sex?: Sex | '';
  legWeakness?: LegWeakness;
  painNRS?: number;
  weeksWithoutImprovement?: string;
};

export const CHOOSE_AN_ANSWER = 'Please choose an answer.';

const REQUIRED_MESSAGES: Partial<Record<SafetyField, string>> = {
  ageYears: 'Please enter your age in years.',
  weeksWithoutImprovement: 'Please enter a number of weeks (0 is fine).',
};
export const PAIN_MESSAGE = 'Please choose a number from 0 to 10.';

/** Every required question not answered yet (core `REQUIRED_SAFETY_FIELDS`), and the pain when it is needed. */
export function missingAnswers(draft: SafetyDraft, pain: number | undefined, needPain: boolean): Issue[] {
  const issues: Issue[] = [];
  for (const field of REQUIRED_SAFETY_FIELDS) {
    // Weeks shows 0 until changed (the form's default), so only an emptied box is missing.
    const given = field === 'ageYears' ? draft.ageYears?.trim() : field === 'weeksWithoutImprovement' ? (draft.weeksWithoutImprovement ?? '0').trim() : draft[field];
    if (given === undefined || given === '') issues.push({ path: `safety.${field}`, rule: 'required', message: REQUIRED_MESSAGES[field] ?? CHOOSE_AN_ANSWER });
  }
  if (needPain && pain === undefined) issues.push({ path: 'safety.painNRS', rule: 'required', message: PAIN_MESSAGE });
  return issues;
}

/** The full set of answers the draft stands for: optional questions left unanswered count as no. */
export function answersOf(draft: SafetyDraft, pain: number | undefined): Record<string, unknown> {
  const candidate: Record<string, unknown> = {
    ageYears: numberOrText(draft.ageYears ?? ''),
    legWeakness: draft.legWeakness ?? 'none',
    painNRS: pain ?? 0,
    weeksWithoutImprovement: numberOrText(draft.weeksWithoutImprovement ?? '0'),
  };
  if (draft.sex) candidate.sex = draft.sex;
  for (const field of YES_NO_FIELDS) candidate[field] = draft[field] ?? false;
  return candidate;
}

/**
 * Whether the first-run steps are done: every required question answered, each answer within the contract's rules.
 * The same verdict as `checkSafetySteps(draft).length === 0` (lib/safetyCheck.ts, which also says what is wrong),
 * without zod, so the app can route on it from the first screen.
 */
export function safetyStepsDone(draft: SafetyDraft): boolean {
  return missingAnswers(draft, undefined, false).length === 0 && isSafetyAnswers(answersOf(draft, undefined));
}

export function numberOrText(value: string): number | string {
  const trimmed = value.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A draft from answers as far as they go: unanswered questions stay unanswered. */
export function draftFromAnswers(a: PartialSafetyAnswersT): SafetyDraft {
  const draft: SafetyDraft = { sex: a.sex ?? '' };
  if (a.ageYears !== undefined) draft.ageYears = String(a.ageYears);
  if (a.legWeakness !== undefined) draft.legWeakness = a.legWeakness;
  if (a.painNRS !== undefined) draft.painNRS = a.painNRS;
  if (a.weeksWithoutImprovement !== undefined) draft.weeksWithoutImprovement = String(a.weeksWithoutImprovement);
  for (const field of YES_NO_FIELDS) {
    const v = a[field];
    if (v !== undefined) draft[field] = v;
  }
  return draft;
}

const STORAGE_KEY = 'unclench.safetyDraft';
const VERSION = 1;

/** Keeps the first-run answers across a reload (session only, this tab). */
export function saveDraft(draft: SafetyDraft) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ v: VERSION, draft }));
  } catch {
    /* storage may be unavailable (private mode); the draft then lives in memory only */
  }
}

export function clearDraft() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
    sessionStorage.removeItem(STEP_KEY);
  } catch {
    /* nothing stored */
  }
}

const STEP_KEY = 'unclench.safetyStep';

/** Which safety step the person is on, kept across a reload like the draft (this tab only). */
export function saveStep(index: number) {
  try {
    sessionStorage.setItem(STEP_KEY, String(index));
  } catch {
    /* the step then lives in memory only */
  }
}

/** The kept step, or 0; anything that is not a step number of `count` steps starts again at the first. */
export function restoreStep(count: number): number {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(STEP_KEY);
  } catch {
    return 0;
  }
  const n = Number(raw);
  return raw !== null && Number.isInteger(n) && n >= 0 && n < count ? n : 0;
}

/** Reads a stored draft back, keeping only well-formed fields (older or damaged shapes are dropped field by field). */
export function restoreDraft(): SafetyDraft {
  let raw: unknown;
  try {
    raw = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return {};
  }
  if (!isRecord(raw) || raw.v !== VERSION || !isRecord(raw.draft)) return {};
  const d = raw.draft;
  const out: SafetyDraft = {};
  for (const field of YES_NO_FIELDS) {
    const v = d[field];
    if (v === true || v === false || v === 'unsure') out[field] = v;
  }
  if (typeof d.ageYears === 'string') out.ageYears = d.ageYears;
  if (d.sex === 'female' || d.sex === 'male' || d.sex === 'other' || d.sex === '') out.sex = d.sex;
  if (d.legWeakness === 'none' || d.legWeakness === 'one_leg_stable' || d.legWeakness === 'progressive' || d.legWeakness === 'unsure') out.legWeakness = d.legWeakness;
  if (typeof d.painNRS === 'number' && Number.isInteger(d.painNRS) && d.painNRS >= 0 && d.painNRS <= 10) out.painNRS = d.painNRS;
  if (typeof d.weeksWithoutImprovement === 'string') out.weeksWithoutImprovement = d.weeksWithoutImprovement;
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
