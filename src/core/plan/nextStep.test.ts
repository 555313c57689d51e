import { describe, expect, it } from 'vitest';
import { dayProgress, type DayLogged } from './nextStep';
import type { Plan, PlanItem, Reason } from './types';

const why: Reason = { code: 'x', principle: 'keep-moving', text: 'Because.' };
const lieFlat: PlanItem = { kind: 'lie-flat', times: 2, minutes: 10, reason: why };
const walk: PlanItem = { kind: 'walk', walks: 2, minutesEach: 5, reportedMinutes: 10, reason: why };
const session: PlanItem = { kind: 'session', paused: false, totalMinutes: 7.6, exercises: [{ exerciseId: 'a', role: 'main', dose: { kind: 'time', seconds: 60, sides: 'both' } }], reason: why };
const posture: PlanItem = { kind: 'posture', cues: ['Stand tall'], groups: [{ position: 'standing', cues: ['Stand tall'] }], reason: why };
const breaks: PlanItem = { kind: 'stand-breaks', everyMinutes: 30, reason: why };

const plan = (items: PlanItem[], reasons: Reason[] = []): Pick<Plan, 'date' | 'items' | 'reasons'> => ({ date: '2026-03-10', items, reasons });
const nothing: DayLogged = { checkIns: [], movements: [], sessions: [] };
const checkedIn: DayLogged = { ...nothing, checkIns: [{ at: '2026-03-10T08:00:00.000Z' }] };
const at = (hh: number) => `2026-03-10T${String(hh).padStart(2, '0')}:00:00.000Z`;
const moves = (...kinds: ('walk' | 'lie-flat' | 'stand-break')[]) => kinds.map((kind, i) => ({ kind, startedAt: at(9 + i), minutes: 5 }));

const full = plan([lieFlat, posture, walk, breaks, session]);

describe('the next step on Today', () => {
  it('asks for the check-in first, and counts it as one of the day’s items', () => {
    const p = dayProgress(full, nothing, 'UTC');
    expect(p.next).toEqual({ kind: 'check-in' });
    // 1 check-in + 2 rests + 2 walks + 1 session; posture and stand breaks are not ticked items.
    expect({ done: p.done, planned: p.planned }).toEqual({ done: 0, planned: 6 });
  });

  it('then takes turns: a rest, a walk, the session (rounded to whole minutes), a rest, a walk', () => {
    expect(dayProgress(full, checkedIn, 'UTC').next).toEqual({ kind: 'lie-flat', minutes: 10 });
    expect(dayProgress(full, { ...checkedIn, movements: moves('lie-flat') }, 'UTC').next).toEqual({ kind: 'walk', minutes: 5 });
    expect(dayProgress(full, { ...checkedIn, movements: moves('lie-flat', 'walk') }, 'UTC').next).toEqual({ kind: 'session', minutes: 8 });
    const afterSession = { ...checkedIn, movements: moves('lie-flat', 'walk'), sessions: [{ endedAt: at(12) }] };
    expect(dayProgress(full, afterSession, 'UTC').next).toEqual({ kind: 'lie-flat', minutes: 10 });
    expect(dayProgress(full, { ...afterSession, movements: moves('lie-flat', 'walk', 'lie-flat') }, 'UTC').next).toEqual({ kind: 'walk', minutes: 5 });
  });

  it('counts progress: 3 of 6 after the check-in, a rest and a walk', () => {
    const p = dayProgress(full, { ...checkedIn, movements: moves('lie-flat', 'walk', 'stand-break', 'stand-break') }, 'UTC');
    expect({ done: p.done, planned: p.planned, standBreaks: p.standBreaks }).toEqual({ done: 3, planned: 6, standBreaks: 2 });
  });

  it('after the day’s session, the session is done and is never offered again; when all is done, an optional extra walk', () => {
    const all = { checkIns: checkedIn.checkIns, movements: moves('lie-flat', 'lie-flat', 'walk', 'walk', 'walk'), sessions: [{ endedAt: at(12) }] };
    const p = dayProgress(full, all, 'UTC');
    expect(p.tasks.find((t) => t.kind === 'session')).toMatchObject({ planned: 1, done: 1 });
    expect({ done: p.done, planned: p.planned }).toEqual({ done: 6, planned: 6 });
    expect(p.next).toEqual({ kind: 'done', extra: { kind: 'walk', minutes: 5 } });
  });

  it('offers no extra when today’s notes say to ease off', () => {
    const all = { checkIns: checkedIn.checkIns, movements: moves('walk', 'walk'), sessions: [] };
    const easeOff: Reason = { code: 'ease-off-walk', principle: 'pacing', text: 'Ease off.' };
    expect(dayProgress(plan([walk], [easeOff]), all, 'UTC').next).toEqual({ kind: 'done', extra: null });
  });

  it('with no walk planned, the extra is a stand break', () => {
    expect(dayProgress(plan([posture, breaks]), checkedIn, 'UTC').next).toEqual({ kind: 'done', extra: { kind: 'stand-break' } });
  });

  it('does not count a paused session, nor one without movements', () => {
    const paused: PlanItem = { ...session, paused: true, exercises: [] };
    const p = dayProgress(plan([walk, paused]), checkedIn, 'UTC');
    expect(p.tasks.map((t) => t.kind)).toEqual(['check-in', 'walk']);
    expect(p.next).toEqual({ kind: 'walk', minutes: 5 });
  });

  it('only counts what was logged on the plan day, in the person’s time zone', () => {
    // 23:30 UTC on the 9th is already the 10th in Berlin; 23:30 UTC on the 10th is the 11th there.
    const logged: DayLogged = {
      checkIns: [{ at: '2026-03-09T23:30:00.000Z' }],
      movements: [{ kind: 'walk', startedAt: '2026-03-10T23:30:00.000Z', minutes: 5 }],
      sessions: [],
    };
    const berlin = dayProgress(plan([walk]), logged, 'Europe/Berlin');
    expect({ done: berlin.done, next: berlin.next }).toEqual({ done: 1, next: { kind: 'walk', minutes: 5 } });
    const utc = dayProgress(plan([walk]), logged, 'UTC');
    expect({ done: utc.done, next: utc.next }).toEqual({ done: 1, next: { kind: 'check-in' } });
  });
});
