import { describe, expect, it } from 'vitest';
import { checkIn, planInput, sessionLog } from '../plan/fixtures.test-util';
import { dashboardFlags, type FlagInput, type SafetyScreen } from './flags';

/** "Now" is 2024-03-20 at 12:00 UTC; the week looked at runs from 2024-03-13 12:00. */
const NOW = '2024-03-20T12:00:00Z';
const START = '2024-03-01T08:00:00Z';
const SELF_CARE_START: SafetyScreen = { at: START, level: 'self-care', timeframe: null };

type Overrides = Partial<Omit<FlagInput, 'plan'>> & { plan?: Partial<FlagInput['plan']> };

function flagsOf(overrides: Overrides = {}) {
  const plan = planInput({ date: '2024-03-20', checkIns: [checkIn('2024-03-19', { painNow: 4, painWorst24h: 5 })], ...overrides.plan });
  return dashboardFlags({ plan, screens: overrides.screens ?? [SELF_CARE_START], startedAt: overrides.startedAt ?? START, now: overrides.now ?? NOW });
}
const codes = (overrides: Overrides = {}) => flagsOf(overrides).map((f) => f.code);

describe('dashboard flags', () => {
  it('flags nothing for a steady week with a check-in yesterday', () => {
    const plan = { checkIns: [checkIn('2024-03-12', { painWorst24h: 5 }), checkIn('2024-03-16', { painWorst24h: 5 }), checkIn('2024-03-19', { painWorst24h: 4 })] };
    expect(flagsOf({ plan })).toEqual([]);
  });

  it('flags a safety check this week that said to see a doctor, and one with emergency signs above it', () => {
    const urgent: SafetyScreen = { at: '2024-03-18T09:00:00Z', level: 'urgent-doctor', timeframe: 'within_24h' };
    expect(flagsOf({ screens: [SELF_CARE_START, urgent] })).toEqual([{ code: 'safety', text: 'A safety check this week said to see a doctor within 24 hours' }]);
    const emergency: SafetyScreen = { at: '2024-03-14T09:00:00Z', level: 'emergency', timeframe: 'now' };
    expect(flagsOf({ screens: [SELF_CARE_START, urgent, emergency] })[0]?.text).toMatch(/emergency signs/);
  });

  it('does not flag an urgent result from before this week', () => {
    expect(codes({ screens: [{ at: '2024-03-05T09:00:00Z', level: 'urgent-doctor', timeframe: 'within_24h' }] })).not.toContain('safety');
  });

  it('flags worst pain up by 2 over the week (from the last check-in before it), not by 1', () => {
    const up2 = { checkIns: [checkIn('2024-03-12', { painWorst24h: 4 }), checkIn('2024-03-19', { painWorst24h: 6 })] };
    expect(flagsOf({ plan: up2 }).find((f) => f.code === 'pain-up')?.text).toBe('Worst pain went up from 4 to 6 out of 10 this week');
    const up1 = { checkIns: [checkIn('2024-03-12', { painWorst24h: 4 }), checkIn('2024-03-19', { painWorst24h: 5 })] };
    expect(codes({ plan: up1 })).not.toContain('pain-up');
  });

  it('flags a flare this week (worst pain up 2 from one check-in day to the next)', () => {
    const plan = { checkIns: [checkIn('2024-03-17', { painWorst24h: 3 }), checkIn('2024-03-18', { painWorst24h: 6 })] };
    expect(codes({ plan })).toContain('flare');
  });

  it('flags no check-in for 3 days, counted in whole days', () => {
    expect(flagsOf({ plan: { checkIns: [checkIn('2024-03-17', { hour: 11 })] } }).find((f) => f.code === 'no-check-in')?.text).toBe('No check-in for 3 days');
    expect(codes({ plan: { checkIns: [checkIn('2024-03-17', { hour: 13 })] } })).not.toContain('no-check-in');
    expect(flagsOf({ plan: { checkIns: [] } }).find((f) => f.code === 'no-check-in')?.text).toBe('No check-in since starting, 19 days ago');
  });

  it('flags two sessions stopped with "This hurts" in a week, not one', () => {
    const hurt = (date: string) => sessionLog(date, { exercises: [{ exerciseId: 'g-pelvic-tilt', outcome: 'swapped', painDuring: 6 }] });
    const calm = sessionLog('2024-03-17', { exercises: [{ exerciseId: 'g-pelvic-tilt', outcome: 'done' }] });
    expect(codes({ plan: { sessions: [hurt('2024-03-15'), calm] } })).not.toContain('hurt-twice');
    expect(flagsOf({ plan: { sessions: [hurt('2024-03-15'), hurt('2024-03-18'), calm] } }).find((f) => f.code === 'hurt-twice')?.text).toBe('Pressed “This hurts” in 2 sessions this week');
    expect(codes({ plan: { sessions: [hurt('2024-03-05'), hurt('2024-03-18')] } })).not.toContain('hurt-twice');
  });

  it('flags pain in a place that never hurt before, and not a place that hurt at the start or earlier', () => {
    const plan = {
      checkIns: [checkIn('2024-03-10', { regions: ['low-back-center', 'buttock-right'] }), checkIn('2024-03-19', { regions: ['low-back-center', 'buttock-right', 'thigh-back-left'] })],
    };
    expect(flagsOf({ plan }).find((f) => f.code === 'new-region')?.text).toBe('Pain in a new place this week: back of the left thigh');
    const old = { checkIns: [checkIn('2024-03-10', { regions: ['low-back-center', 'buttock-right'] }), checkIn('2024-03-19', { regions: ['buttock-right'] })] };
    expect(codes({ plan: old })).not.toContain('new-region');
  });

  it('lists flags most pressing first', () => {
    const plan = {
      checkIns: [checkIn('2024-03-13', { painWorst24h: 3, hour: 13 }), checkIn('2024-03-14', { painWorst24h: 7, regions: ['calf-left'] })],
    };
    expect(codes({ plan, screens: [{ at: '2024-03-14T09:00:00Z', level: 'urgent-doctor', timeframe: 'within_1_week' }] })).toEqual(['safety', 'flare', 'pain-up', 'new-region', 'no-check-in']);
  });
});
