import { describe, expect, it } from 'vitest';
import { COMFORT_KIND_RULES, COMFORT_KINDS, comfortEntryIssues, helpedQuestionDue } from './kinds';

describe('comfort kinds', () => {
  it('lead with heat, cold and movement aids, then creams and patches, then tablets', () => {
    expect(COMFORT_KINDS).toEqual(['heat', 'cold', 'movement-aid', 'topical', 'patch', 'tablet', 'other']);
  });
  it('give every kind at least one unit: minutes for heat and cold, applications for a cream, tablets or mg for a tablet', () => {
    expect(COMFORT_KIND_RULES.heat.units).toEqual(['minutes']);
    expect(COMFORT_KIND_RULES.cold.units).toEqual(['minutes']);
    expect(COMFORT_KIND_RULES.topical.units).toEqual(['applications']);
    expect(COMFORT_KIND_RULES.tablet.units).toEqual(['tablets', 'mg']);
  });
  it('ask a label maximum only for what comes with a label', () => {
    expect(COMFORT_KINDS.filter((k) => COMFORT_KIND_RULES[k].hasLabel)).toEqual(['topical', 'patch', 'tablet']);
  });
});

describe('comfortEntryIssues', () => {
  it('accepts a unit of the kind, and an old entry with no unit', () => {
    expect(comfortEntryIssues({ kind: 'tablet', unit: 'mg', dailyMax: 1200 })).toEqual([]);
    expect(comfortEntryIssues({ kind: 'heat', unit: null })).toEqual([]);
    expect(comfortEntryIssues({ kind: 'heat' })).toEqual([]);
  });
  it('refuses a unit of another kind, and a label maximum for heat', () => {
    expect(comfortEntryIssues({ kind: 'heat', unit: 'tablets' })).toEqual([expect.objectContaining({ path: 'unit', rule: 'one_of' })]);
    expect(comfortEntryIssues({ kind: 'heat', unit: 'minutes', dailyMax: 3 })).toEqual([expect.objectContaining({ path: 'dailyMax', rule: 'not_for_kind' })]);
  });
});

describe('helpedQuestionDue', () => {
  const now = Date.parse('2026-11-24T15:00:00Z');
  const entry = (at: string, helped: 'yes' | null = null) => ({ at, helped });
  it('asks about an unanswered entry from at least an hour ago today', () => {
    const a = entry('2026-11-24T14:00:00Z');
    expect(helpedQuestionDue([a], now, 'UTC')).toEqual([a]);
  });
  it('waits during the first hour, and never asks twice', () => {
    expect(helpedQuestionDue([entry('2026-11-24T14:01:00Z')], now, 'UTC')).toEqual([]);
    expect(helpedQuestionDue([entry('2026-11-24T09:00:00Z', 'yes')], now, 'UTC')).toEqual([]);
  });
  it('only asks about today, in the person’s time zone', () => {
    expect(helpedQuestionDue([entry('2026-11-23T20:00:00Z')], now, 'UTC')).toEqual([]);
    // 10:00 UTC is 19:00 on the 24th in Tokyo; 14:30 UTC is 23:30 that day, 15:30 UTC already 00:30 on the 25th.
    expect(helpedQuestionDue([entry('2026-11-24T10:00:00Z')], Date.parse('2026-11-24T14:30:00Z'), 'Asia/Tokyo')).toHaveLength(1);
    expect(helpedQuestionDue([entry('2026-11-24T10:00:00Z')], Date.parse('2026-11-24T15:30:00Z'), 'Asia/Tokyo')).toEqual([]);
  });
});
