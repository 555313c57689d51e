import { describe, expect, it } from 'vitest';
import { changeSentence, painChangesSinceStart, spreadsToLegs, type DatedBodyMap } from './spread';

const map = (at: string, entries: [string, number][]): DatedBodyMap => ({ at, map: entries.map(([region, pain]) => ({ region: region as never, pain, spasm: false })) });

describe('painChangesSinceStart', () => {
  const maps = [
    map('2026-11-16T08:00:00Z', [['low-back-center', 7]]),
    map('2026-11-20T08:00:00Z', [['low-back-center', 5], ['thigh-back-right', 3]]),
    map('2026-11-24T08:00:00Z', [['low-back-center', 4], ['thigh-back-right', 4]]),
  ];

  it('names pain that was not there at the start, with the first day it was seen', () => {
    const changes = painChangesSinceStart(maps, '2026-11-24', 'UTC');
    expect(changes).toEqual([{ region: 'thigh-back-right', area: 'thighs', kind: 'new', since: '2026-11-20', painNow: 4 }]);
    expect(changeSentence(changes[0]!, '2026-11-24')).toBe('Pain has appeared in the back of your right thigh since Friday.');
    expect(spreadsToLegs(changes)).toBe(true);
  });

  it('needs the new place on two check-ins: one day alone is not pain that travelled', () => {
    const once = [map('2026-11-16T08:00:00Z', [['low-back-center', 7]]), map('2026-11-24T08:00:00Z', [['low-back-center', 5], ['calf-left', 3]])];
    expect(painChangesSinceStart(once, '2026-11-24', 'UTC')).toEqual([]);
    const twice = [...once, map('2026-11-25T08:00:00Z', [['low-back-center', 5], ['calf-left', 2]])];
    expect(painChangesSinceStart(twice, '2026-11-25', 'UTC')).toEqual([{ region: 'calf-left', area: 'lower-legs', kind: 'new', since: '2026-11-24', painNow: 2 }]);
  });

  it('says a worse place grammatically too', () => {
    expect(changeSentence({ region: 'upper-back-center', area: 'upper-back', kind: 'worse', since: '2026-11-20', painNow: 5 }, '2026-11-24')).toBe('Pain in the area between your shoulder blades has grown since Friday.');
  });

  it('ignores maps after the day asked about', () => {
    expect(painChangesSinceStart(maps, '2026-11-19', 'UTC')).toEqual([]);
  });

  it('notices a region that hurt at the start and is now clearly worse', () => {
    const worse = [map('2026-11-16T08:00:00Z', [['neck-back', 2]]), map('2026-11-22T08:00:00Z', [['neck-back', 5]]), map('2026-11-23T08:00:00Z', [['neck-back', 4]])];
    expect(painChangesSinceStart(worse, '2026-11-24', 'UTC')).toMatchObject([{ region: 'neck-back', kind: 'worse', since: '2026-11-22' }]);
  });

  it('forgets pain that has settled again', () => {
    const settled = [...maps, map('2026-11-25T08:00:00Z', [['low-back-center', 3], ['thigh-back-right', 0]])];
    expect(painChangesSinceStart(settled, '2026-11-25', 'UTC')).toEqual([]);
  });

  it('reads days in the person’s time zone', () => {
    const late = [map('2026-11-16T08:00:00Z', [['low-back-center', 6]]), map('2026-11-23T22:30:00Z', [['calf-left', 3]]), map('2026-11-23T23:30:00Z', [['calf-left', 3]])];
    expect(painChangesSinceStart(late, '2026-11-23', 'UTC')[0]?.since).toBe('2026-11-23');
    expect(painChangesSinceStart(late, '2026-11-23', 'Europe/Madrid')).toEqual([]);
  });
});
