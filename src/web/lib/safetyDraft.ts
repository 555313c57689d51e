import { PartialSafetyAnswers, SafetyAnswers } from '../../contract';
import { REQUIRED_SAFETY_FIELDS, YES_NO_FIELDS, type LegWeakness, type SafetyField, type Sex, type YesNoField, type YesNoUnsure } from '../../core/clinical';
import { issuesFrom, type Issue, type PartialSafetyAnswersT, type SafetyAnswersT } from '../api/client';

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
const PAIN_MESSAGE = 'Please choose a number from 0 to 10.';

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
    if (PartialSafetyAnswers.safeParse({ [k]: v }).success) known[k] = v;
  }
  const parsed = PartialSafetyAnswers.safeParse(known);
  return parsed.success ? parsed.data : {};
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
  const parsed = PartialSafetyAnswers.safeParse(kept);
  return parsed.success ? { answers: parsed.data, issues } : { answers: null, issues: issuesFrom(parsed.error) };
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
  const issues: Issue[] = [];
  for (const field of REQUIRED_SAFETY_FIELDS) {
    // Weeks shows 0 until changed (the form's default), so only an emptied box is missing.
    const given = field === 'ageYears' ? draft.ageYears?.trim() : field === 'weeksWithoutImprovement' ? (draft.weeksWithoutImprovement ?? '0').trim() : draft[field];
    if (given === undefined || given === '') issues.push({ path: `safety.${field}`, rule: 'required', message: REQUIRED_MESSAGES[field] ?? CHOOSE_AN_ANSWER });
  }
  const pain = painNow ?? draft.painNRS;
  if (needPain && pain === undefined) issues.push({ path: 'safety.painNRS', rule: 'required', message: PAIN_MESSAGE });

  const candidate: Record<string, unknown> = {
    ageYears: numberOrText(draft.ageYears ?? ''),
    legWeakness: draft.legWeakness ?? 'none',
    painNRS: pain ?? 0,
    weeksWithoutImprovement: numberOrText(draft.weeksWithoutImprovement ?? '0'),
  };
  if (draft.sex) candidate.sex = draft.sex;
  for (const field of YES_NO_FIELDS) candidate[field] = draft[field] ?? false;
  const parsed = SafetyAnswers.safeParse(candidate);
  if (!parsed.success) {
    const seen = new Set(issues.map((i) => i.path));
    for (const issue of issuesFrom(parsed.error)) {
      const path = `safety.${issue.path}`;
      if (!seen.has(path)) issues.push({ ...issue, path });
    }
  }
  return { answers: issues.length === 0 && parsed.success ? parsed.data : null, issues };
}

function numberOrText(value: string): number | string {
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
