import { SafetyAnswers } from '../../contract';
import { YES_NO_FIELDS, type LegWeakness, type Sex, type YesNoField, type YesNoUnsure } from '../../core/clinical';
import { issuesFrom, type Issue, type SafetyAnswersT } from '../api/client';

/** The safety form while it is being filled in: anything may still be missing. */
export type SafetyDraft = { [K in YesNoField]?: YesNoUnsure } & {
  ageYears?: string;
  sex?: Sex | '';
  legWeakness?: LegWeakness;
  painNRS?: number;
  weeksWithoutImprovement?: string;
};

export const CHOOSE_AN_ANSWER = 'Please choose an answer.';

/** Checks the draft: every question answered, then the contract's own rules. Paths match the API's (`safety.ageYears`). */
export function checkSafety(draft: SafetyDraft, painNow?: number): { answers: SafetyAnswersT | null; issues: Issue[] } {
  const issues: Issue[] = [];
  for (const field of YES_NO_FIELDS) {
    if (draft[field] === undefined) issues.push({ path: `safety.${field}`, rule: 'required', message: CHOOSE_AN_ANSWER });
  }
  if (!draft.ageYears?.trim()) issues.push({ path: 'safety.ageYears', rule: 'required', message: 'Please enter your age in years.' });
  if (!draft.legWeakness) issues.push({ path: 'safety.legWeakness', rule: 'required', message: CHOOSE_AN_ANSWER });
  const pain = painNow ?? draft.painNRS;
  if (pain === undefined) issues.push({ path: 'safety.painNRS', rule: 'required', message: 'Please choose a number from 0 to 10.' });
  const weeks = draft.weeksWithoutImprovement?.trim() || '0';

  const candidate: Record<string, unknown> = {
    ageYears: numberOrText(draft.ageYears ?? ''),
    legWeakness: draft.legWeakness ?? 'none',
    painNRS: pain ?? 0,
    weeksWithoutImprovement: numberOrText(weeks),
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

export function draftFromAnswers(a: SafetyAnswersT): SafetyDraft {
  const draft: SafetyDraft = {
    ageYears: String(a.ageYears),
    sex: a.sex ?? '',
    legWeakness: a.legWeakness,
    painNRS: a.painNRS,
    weeksWithoutImprovement: String(a.weeksWithoutImprovement),
  };
  for (const field of YES_NO_FIELDS) draft[field] = a[field];
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
  } catch {
    /* nothing stored */
  }
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
