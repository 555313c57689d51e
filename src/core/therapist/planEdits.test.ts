import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyInput, IDS } from '../plan/arbitraries.test-util';
import { CATALOGUE, EMERGENCY, planInput } from '../plan/fixtures.test-util';
import { buildPlan } from '../plan/plan';
import type { Plan, PlanInput } from '../plan/types';
import { NO_EDITS, type TherapistPlanEdits } from './planEdits';

const byId = new Map(CATALOGUE.map((e) => [e.id, e]));
const sessionIds = (plan: Plan) => plan.items.flatMap((i) => (i.kind === 'session' ? i.exercises.map((e) => e.exerciseId) : []));
const withEdits = (input: PlanInput, edits: Partial<TherapistPlanEdits>): PlanInput => ({ ...input, therapist: { ...NO_EDITS, ...edits } });
const reason = (plan: Plan, code: string) => plan.reasons.find((r) => r.code === code);

/** No check-ins yet: the plan starts in Settle. */
const SETTLE = planInput({ date: '2024-03-02' });

describe('a therapist’s plan edits, as the engine applies them', () => {
  it('never plans a hidden exercise, on any generated history, and the stage is the one it would be without the edit', () => {
    fc.assert(
      fc.property(anyInput(), fc.subarray(IDS, { minLength: 1 }), (input, hidden) => {
        const plain = buildPlan(input, CATALOGUE);
        const edited = buildPlan(withEdits(input, { hidden }), CATALOGUE);
        for (const id of sessionIds(edited)) expect(hidden).not.toContain(id);
        expect(edited.stage).toBe(plain.stage);
      }),
      { numRuns: 150 },
    );
  });

  it('never plans a pinned exercise outside today’s stage, on any generated history', () => {
    fc.assert(
      fc.property(anyInput(), fc.subarray(IDS, { minLength: 1, maxLength: 4 }), (input, pinned) => {
        const plan = buildPlan(withEdits(input, { pinned }), CATALOGUE);
        for (const id of sessionIds(plan)) expect(byId.get(id)?.stages).toContain(plan.stage);
      }),
      { numRuns: 150 },
    );
  });

  it('puts a pinned exercise that fits the stage into the session, and says the therapist chose it', () => {
    const plain = buildPlan(SETTLE, CATALOGUE);
    expect(plain.stage).toBe('settle');
    const candidate = CATALOGUE.find((e) => e.stages.includes('settle') && !sessionIds(plain).includes(e.id));
    expect(candidate).toBeDefined();
    const plan = buildPlan(withEdits(SETTLE, { pinned: [candidate?.id ?? ''] }), CATALOGUE);
    expect(sessionIds(plan)).toContain(candidate?.id);
    expect(reason(plan, 'therapist-pinned')?.text).toContain('Your therapist chose this for you');
    expect(reason(plan, 'therapist-pinned')?.text).toContain(candidate?.name);
  });

  it('leaves out a pinned exercise the stage does not allow, and says nothing of it', () => {
    const later = CATALOGUE.find((e) => !e.stages.includes('settle'));
    expect(later).toBeDefined();
    const plan = buildPlan(withEdits(SETTLE, { pinned: [later?.id ?? ''] }), CATALOGUE);
    expect(sessionIds(plan)).not.toContain(later?.id);
    expect(reason(plan, 'therapist-pinned')).toBeUndefined();
  });

  it('lets safety win: an emergency plans nothing, whatever is pinned', () => {
    const input = planInput({ date: '2024-03-02', episode: { ...SETTLE.episode, triage: EMERGENCY } });
    const plan = buildPlan(withEdits(input, { pinned: IDS.slice(0, 3), note: 'Keep going' }), CATALOGUE);
    expect(plan.items).toEqual([]);
  });

  it('explains a hidden exercise, the session settings and the note in words', () => {
    const first = CATALOGUE[0];
    const plan = buildPlan(withEdits(SETTLE, { hidden: [first?.id ?? ''], sessionMinutes: 5, styles: ['pilates'], note: 'Slow breaths first.' }), CATALOGUE);
    expect(reason(plan, 'therapist-hidden')?.text).toBe(`Your therapist asked to leave out ${first?.name} for now, so your plan does not include it.`);
    expect(reason(plan, 'therapist-settings')?.text).toBe('Your therapist chose sessions of about 5 minutes and Pilates movements for you. Your stage still sets the most a session asks of you.');
    expect(reason(plan, 'therapist-note')?.text).toBe('A note from your therapist: “Slow breaths first.”');
  });

  it('takes the therapist’s session length over the person’s', () => {
    const long = { ...SETTLE, date: '2024-03-12', checkIns: [], preferences: { styles: ['general' as const], sessionMinutes: 30 as const } };
    const minutes = (p: Plan) => p.items.flatMap((i) => (i.kind === 'session' ? [i.totalMinutes] : []))[0] ?? 0;
    const shorter = buildPlan(withEdits(long, { sessionMinutes: 5 }), CATALOGUE);
    expect(minutes(shorter)).toBeLessThanOrEqual(minutes(buildPlan(long, CATALOGUE)));
    expect(minutes(shorter)).toBeLessThanOrEqual(5.5);
  });

  it('a therapist’s “neither” on a muscle outweighs the person’s note about it', () => {
    const noted = { ...SETTLE, muscleNotes: [{ muscle: 'hip-flexors' as const, feels: 'tight' as const }] };
    expect(reason(buildPlan(noted, CATALOGUE), 'muscles-tight')).toBeDefined();
    expect(reason(buildPlan(withEdits(noted, { muscles: [{ muscle: 'hip-flexors', feels: 'neither' }] }), CATALOGUE), 'muscles-tight')).toBeUndefined();
  });
});
