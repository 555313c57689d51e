import { describe, expect, it } from 'vitest';
import { elapsedMs, formatElapsed, IDLE, MAX_WALK_MS, pauseWalk, restoreWalk, resumeWalk, startWalk, stopWalk, walkSeconds } from './walkTimer';

const MIN = 60_000;

describe('walk timer', () => {
  it('counts only the time spent walking, across pauses', () => {
    let t = startWalk(IDLE, 0);
    expect(elapsedMs(t, 3 * MIN)).toBe(3 * MIN);
    t = pauseWalk(t, 3 * MIN);
    expect(elapsedMs(t, 10 * MIN)).toBe(3 * MIN);
    t = resumeWalk(t, 10 * MIN);
    expect(elapsedMs(t, 12 * MIN)).toBe(5 * MIN);
    expect(stopWalk(t, 12 * MIN)).toEqual({ timer: IDLE, logged: { startedAtMs: 0, seconds: 300 } });
  });

  it('ignores actions that do not fit the state', () => {
    const walking = startWalk(IDLE, 0);
    expect(startWalk(walking, 5)).toBe(walking);
    expect(resumeWalk(walking, 5)).toBe(walking);
    expect(pauseWalk(IDLE, 5)).toBe(IDLE);
    expect(stopWalk(IDLE, 5)).toEqual({ timer: IDLE, logged: null });
  });

  it('logs whole seconds (a 45-second walk is 45, not 1 minute or 0), skips a mis-tap, and never more than the API accepts', () => {
    expect(walkSeconds(45_000)).toBe(45);
    expect(walkSeconds(90_400)).toBe(90);
    expect(stopWalk(startWalk(IDLE, 0), 45_000).logged).toEqual({ startedAtMs: 0, seconds: 45 });
    expect(walkSeconds(20 * 60 * MIN)).toBe(600 * 60);
    expect(stopWalk(startWalk(IDLE, 0), 3_000).logged).toBeNull();
    expect(elapsedMs(startWalk(IDLE, 0), 2 * MAX_WALK_MS)).toBe(MAX_WALK_MS);
  });

  it('restores a kept timer, and treats anything odd as idle', () => {
    const t = pauseWalk(startWalk(IDLE, 1000), 61_000);
    expect(restoreWalk(JSON.parse(JSON.stringify(t)))).toEqual(t);
    const w = startWalk(IDLE, 1000);
    expect(restoreWalk(JSON.parse(JSON.stringify(w)))).toEqual(w);
    for (const bad of [null, 3, 'walking', {}, { state: 'walking', startedAtMs: 5, doneMs: 0 }, { state: 'paused', startedAtMs: -1, doneMs: 0 }, { state: 'walking', startedAtMs: 5, runningSinceMs: 1, doneMs: 0 }])
      expect(restoreWalk(bad)).toEqual(IDLE);
  });

  it('shows the time as m:ss, or h:mm:ss past an hour', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});
