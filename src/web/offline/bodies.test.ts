import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { CheckIn, CheckInPut, ComfortPut, EpisodePut, MovementPut, MuscleNotePut, PartialSafetyAnswers, SafetyAnswers, SessionLogPut } from '../../contract';
import { calmAnswers } from '../../core/clinical/fixtures';
import { YES_NO_FIELDS } from '../../core/clinical';
import { checkSafetySteps } from '../lib/safetyCheck';
import { safetyStepsDone, type SafetyDraft } from '../lib/safetyDraft';
import { comfortIssues, isCheckInBody, isComfortBody, isEpisodeStartBody, isMovementBody, isMuscleNoteBody, isPartialSafetyAnswers, isSafetyAnswers, isSessionBody, isStoredRecord, movementIssues, safetyAnswerIssues } from './bodies';

/** Values that break one rule or another: wrong types, out of range, fractions, unknown words, empty text. */
const ODD = [undefined, null, true, false, 'unsure', '', ' ', 'walk', 'nope', -1, 0, 0.5, 3, 10, 11, 120, 121, 600, 601, 10_001, Number.NaN, [], {}, '2026-03-02', '2026-03-02T10:00:00Z', '2026-02-30', 'low-back-center'];

/** Each guard beside the contract schema it stands in for, with a body the schema accepts. */
const CASES: { name: string; guard: (v: unknown) => boolean; schema: ZodType; valid: Record<string, unknown> }[] = [
  { name: 'check-in', guard: isCheckInBody, schema: CheckInPut, valid: { at: '2026-03-02T08:30:00Z', painNow: 4, painWorst24h: 6, standStraight: 'partly', walkMinutes: 10, regions: ['low-back-center', { region: 'low-back-left', pain: 3, spasm: true }], safety: calmAnswers() } },
  { name: 'movement', guard: isMovementBody, schema: MovementPut, valid: { kind: 'walk', startedAt: '2026-03-02T10:00:00.000Z', minutes: 0.75 } },
  { name: 'comfort', guard: isComfortBody, schema: ComfortPut, valid: { kind: 'tablet', name: 'Paracetamol', amount: 500, unit: 'mg', dailyMax: 4000, at: '2026-03-02T11:00:00+01:00', helped: null } },
  { name: 'session', guard: isSessionBody, schema: SessionLogPut, valid: { startedAt: '2026-03-02T09:00:00Z', endedAt: '2026-03-02T09:10:00Z', painBefore: 5, painAfter: 4, feel: 'right', exercises: [{ exerciseId: 'pelvic-tilt', outcome: 'done', reps: 8, painDuring: 3 }] } },
  { name: 'muscle note', guard: isMuscleNoteBody, schema: MuscleNotePut, valid: { muscle: 'obliques', feels: 'weak' } },
  { name: 'episode start', guard: isEpisodeStartBody, schema: EpisodePut, valid: { onsetDate: '2026-03-01', regions: ['low-back-center'], painNow: 6, safety: calmAnswers() } },
  { name: 'safety answers', guard: isSafetyAnswers, schema: SafetyAnswers, valid: calmAnswers({ sex: 'female' }) },
  { name: 'partial safety answers', guard: isPartialSafetyAnswers, schema: PartialSafetyAnswers, valid: { saddleNumbness: 'unsure', ageYears: 40 } },
];

describe('the outbox body checks agree with the contract', () => {
  it.each(CASES)('$name: the valid body passes both', ({ guard, schema, valid }) => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(guard(valid)).toBe(true);
  });

  it.each(CASES)('$name: every field set to an odd value, left out, or an unknown field added: the same verdict', ({ guard, schema, valid }) => {
    const variants: unknown[] = [null, [], 'text', { ...valid, extra: 1 }];
    for (const key of Object.keys(valid)) {
      const { [key]: _left, ...without } = valid;
      variants.push(without);
      for (const odd of ODD) variants.push({ ...valid, [key]: odd });
    }
    for (const v of variants) expect(guard(v), JSON.stringify(v)).toBe(schema.safeParse(v).success);
  });

  it.each(CASES)('$name: random mixes of valid and odd values: the same verdict', ({ guard, schema, valid }) => {
    const keys = Object.keys(valid);
    const body = fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(valid[k]), fc.constantFrom(...ODD))])));
    fc.assert(fc.property(body, (b) => guard(b) === schema.safeParse(b).success), { numRuns: 300 });
  });
});

describe('the safety answers’ messages are the contract’s', () => {
  /** The first message the contract gives each field, as a form shows it (lib/issues.ts `messageFor`). */
  const contractMessages = (answers: Record<string, unknown>) => {
    const parsed = PartialSafetyAnswers.safeParse(answers);
    const first = new Map<string, string>();
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      // An unknown question: flagged by both, in words of each one's own.
      if (issue.code === 'unrecognized_keys') first.set('unknown question', '');
      else if (!first.has(issue.path.join('.'))) first.set(issue.path.join('.'), issue.message);
    }
    return first;
  };
  const ours = (answers: Record<string, unknown>) => {
    const first = new Map<string, string>();
    for (const issue of safetyAnswerIssues(answers)) {
      if (issue.rule === 'unrecognized_keys') first.set('unknown question', '');
      else if (!first.has(issue.path)) first.set(issue.path, issue.message);
    }
    return first;
  };

  it('every field given an odd value: the same fields flagged, each with the same first message', () => {
    const fields = Object.keys(calmAnswers({ sex: 'female' }));
    expect(fields).toContain('weeksWithoutImprovement');
    for (const field of fields) {
      for (const odd of [...ODD, 130.5, -0.5, Number.POSITIVE_INFINITY, '40']) {
        const answers = { ...calmAnswers(), [field]: odd };
        expect(ours(answers), `${field} = ${String(odd)}`).toEqual(contractMessages(answers));
      }
    }
  });

  it('random answers, some odd, one unknown now and then: the same verdict and the same messages', () => {
    const valid = calmAnswers({ sex: 'other' }) as Record<string, unknown>;
    const answers = fc.record({
      ...Object.fromEntries(Object.keys(valid).map((k) => [k, fc.oneof(fc.constant(valid[k]), fc.constantFrom(...ODD))])),
      unknownQuestion: fc.constantFrom(undefined, undefined, true),
    });
    fc.assert(
      fc.property(answers, (a) => {
        const given = Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));
        expect(ours(given)).toEqual(contractMessages(given));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the Move forms’ messages are the contract’s', () => {
  /** Each field's first message, as a form shows it; an unknown field is flagged by both, in words of its own. */
  const firstMessages = (issues: { path: string; rule: string; message: string }[]) => {
    const first = new Map<string, string>();
    for (const issue of issues) {
      if (issue.rule === 'unrecognized_keys') first.set('unknown field', '');
      else if (!first.has(issue.path)) first.set(issue.path, issue.message);
    }
    return first;
  };
  const contractMessages = (schema: ZodType, body: Record<string, unknown>) => {
    const parsed = schema.safeParse(body);
    return firstMessages(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), rule: i.code, message: i.message })));
  };
  const FORMS = [
    { name: 'walk', schema: MovementPut as ZodType, issues: movementIssues, valid: { kind: 'walk', startedAt: '2026-03-02T10:00:00.000Z', minutes: 12.5 } },
    { name: 'comfort', schema: ComfortPut as ZodType, issues: comfortIssues, valid: { kind: 'heat', name: ' Hot water bottle ', amount: 20, unit: 'minutes', dailyMax: null, at: '2026-03-02T11:00:00.000Z' } },
  ];
  const MORE_ODD = [' ', 'x'.repeat(80), ` ${'x'.repeat(80)} `, 'x'.repeat(81), 10_000, 10_000.5, 0.001, -0.001, Number.POSITIVE_INFINITY, 'mg', 'minutes', 'yes', 'no', 'a_little'];

  it.each(FORMS)('$name: every field given an odd value or left out: the same fields flagged, each with the same first message', ({ schema, issues, valid }) => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(issues(valid)).toEqual([]);
    for (const field of [...Object.keys(valid), 'helped']) {
      const { [field]: _left, ...without } = valid as Record<string, unknown>;
      expect(firstMessages(issues(without)), `without ${field}`).toEqual(contractMessages(schema, without));
      for (const odd of [...ODD, ...MORE_ODD]) {
        const body = { ...valid, [field]: odd };
        expect(firstMessages(issues(body)), `${field} = ${JSON.stringify(odd)}`).toEqual(contractMessages(schema, body));
      }
    }
  });

  it.each(FORMS)('$name: random mixes of valid and odd values, an unknown field now and then: the same messages', ({ schema, issues, valid }) => {
    const keys = Object.keys(valid) as (keyof typeof valid)[];
    const body = fc.record({
      ...Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(valid[k]), fc.constantFrom(...ODD, ...MORE_ODD))])),
      surprise: fc.constantFrom(undefined, undefined, 1),
    });
    fc.assert(
      fc.property(body, (b) => {
        const given = Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined));
        expect(firstMessages(issues(given))).toEqual(contractMessages(schema, given));
      }),
      { numRuns: 400 },
    );
  });
});

describe('the server’s answer to a check-in', () => {
  const record = {
    id: 'c1',
    episodeId: 'e1',
    at: '2026-03-02T08:30:00.000Z',
    painNow: 4,
    painWorst24h: 6,
    standStraight: 'partly',
    walkMinutes: 10,
    regions: ['low-back-center'],
    bodyMap: [{ region: 'low-back-center', pain: 4, spasm: false }],
    safety: null,
    triage: null,
    createdAt: '2026-03-02T08:30:01.000Z',
  };

  it('is taken as the record when it is one, and not when it is something else', () => {
    expect(CheckIn.safeParse(record).success).toBe(true);
    expect(isStoredRecord(record, 'check-in')).toBe(true);
    for (const odd of [null, 'text', [], {}, { ...record, id: 1 }, { ...record, painNow: 'four' }, { ...record, at: 'yesterday' }, { ...record, bodyMap: undefined }, { error: 'Bad gateway' }]) {
      expect(isStoredRecord(odd, 'check-in'), JSON.stringify(odd)).toBe(false);
    }
  });
});

describe('safetyStepsDone', () => {
  it('says the steps are done exactly when the full check finds nothing to ask', () => {
    const yesNo = fc.constantFrom<SafetyDraft[keyof SafetyDraft]>(undefined, true, false, 'unsure');
    const text = fc.constantFrom(undefined, '', ' ', '0', '40', '121', '-3', '4.5', 'forty', ' 52 ');
    const draft = fc.record(
      {
        ...Object.fromEntries(YES_NO_FIELDS.map((f) => [f, yesNo])),
        ageYears: text,
        sex: fc.constantFrom(undefined, '', 'female', 'male', 'other'),
        legWeakness: fc.constantFrom(undefined, 'none', 'one_leg_stable', 'progressive', 'unsure'),
        painNRS: fc.constantFrom(undefined, 0, 5, 10),
        weeksWithoutImprovement: text,
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<SafetyDraft>;
    const calm: SafetyDraft = { ...Object.fromEntries(YES_NO_FIELDS.map((f) => [f, false])), ageYears: '40', legWeakness: 'none', weeksWithoutImprovement: '0' };
    expect(safetyStepsDone(calm)).toBe(true);
    fc.assert(fc.property(draft, (d) => safetyStepsDone(d) === (checkSafetySteps(d).length === 0)), { numRuns: 500 });
    fc.assert(fc.property(draft, (d) => safetyStepsDone({ ...calm, ...d }) === (checkSafetySteps({ ...calm, ...d }).length === 0)), { numRuns: 500 });
  });
});
