import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseById } from '../exercises';
import { doseSeconds, type Dose } from '../exercises/types';
import { entryFor, PREPARE_SECONDS, sessionEntries } from './entries';
import { figureFrame } from './motion';
import { createTimer, records, reduce, view, type SessionEntry, type TimerEvent, type TimerState } from './timer';

/** An injected clock: tests move time by hand; nothing reads the real one. */
function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (seconds: number) => {
      now += Math.round(seconds * 1000);
      return now;
    },
  };
}

const entry = (exerciseId: string, dose: Dose, prepareSeconds = 5, cueCount = 3): SessionEntry => ({ exerciseId, dose, prepareSeconds, cueCount });
const REPS: Dose = { kind: 'reps', reps: 3, sets: 2, secondsPerRep: 4, restSeconds: 10, sides: 'both' };
const HOLD: Dose = { kind: 'hold', holdSeconds: 10, reps: 2, sets: 1, restSeconds: 5, sides: 'both' };
const TIME: Dose = { kind: 'time', seconds: 30, sides: 'both' };
const EACH: Dose = { kind: 'reps', reps: 2, sets: 1, secondsPerRep: 5, restSeconds: 0, sides: 'each' };

function run(state: TimerState, events: TimerEvent[]): TimerState {
  return events.reduce(reduce, state);
}

describe('timeline', () => {
  it('lays out get ready, sets of reps and the rests between them', () => {
    const t = createTimer([entry('a', REPS)]);
    expect(t.segments.map((s) => [s.kind, s.set, s.durationMs])).toEqual([
      ['prepare', 1, 5000],
      ['work', 1, 12000],
      ['rest', 1, 10000],
      ['work', 2, 12000],
    ]);
    expect(t.totalMs).toBe(5000 + doseSeconds(REPS) * 1000);
  });

  it('lays out holds with rests between them but not after the last', () => {
    const t = createTimer([entry('h', HOLD)]);
    expect(t.segments.map((s) => [s.kind, s.hold, s.durationMs])).toEqual([
      ['prepare', null, 5000],
      ['work', 1, 10000],
      ['rest', 1, 5000],
      ['work', 2, 10000],
    ]);
  });

  it('does a one-sided dose on the left, then switches to the right', () => {
    const t = createTimer([entry('s', EACH)], { switchSideSeconds: 4 });
    expect(t.segments.map((s) => [s.kind, s.side, s.durationMs])).toEqual([
      ['prepare', 'left', 5000],
      ['work', 'left', 10000],
      ['prepare', 'right', 4000],
      ['work', 'right', 10000],
    ]);
  });

  it('property: the work and rest of every catalogue dose take exactly doseSeconds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXERCISES), (e) => {
        const t = createTimer([entryFor(e)]);
        const workAndRest = t.segments.filter((s) => s.kind !== 'prepare').reduce((n, s) => n + s.durationMs, 0);
        expect(workAndRest).toBe(Math.round(doseSeconds(e.dose) * 1000));
      }),
    );
  });
});

describe('view: what to show at each moment', () => {
  const c = clock();
  const start = c.now();
  const t = reduce(createTimer([entry('a', REPS), entry('h', HOLD), entry('w', TIME, 5, 2)]), { type: 'start', at: start });
  const at = (seconds: number) => view(t, start + seconds * 1000);

  it.each([
    // seconds, phase, exercise, set, rep, secondsLeft
    [0, 'get-ready', 'a', 1, null, 5],
    [4.5, 'get-ready', 'a', 1, null, 1],
    [5, 'move', 'a', 1, 1, 12],
    [9, 'move', 'a', 1, 2, 8],
    [16.9, 'move', 'a', 1, 3, 1],
    [17, 'rest', 'a', 1, null, 10],
    [27, 'move', 'a', 2, 1, 12],
    [38.9, 'move', 'a', 2, 3, 1],
    [39, 'get-ready', 'h', 1, null, 5],
    [44, 'hold', 'h', 1, null, 10],
    [53.2, 'hold', 'h', 1, null, 1],
    [54, 'rest', 'h', 1, null, 5],
    [59, 'hold', 'h', 1, null, 10],
    [69, 'get-ready', 'w', 1, null, 5],
    [74, 'keep-going', 'w', 1, null, 30],
  ] as const)('at %s s: %s of %s, set %s, rep %s, %s s left', (seconds, phase, exerciseId, set, rep, left) => {
    const v = at(seconds);
    expect(v).toMatchObject({ phase, exerciseId, set, rep, secondsLeft: left, status: 'running' });
  });

  it('numbers the holds, the movements and the sets', () => {
    expect(at(59)).toMatchObject({ hold: 2, holds: 2, number: 2, count: 3, sets: 1 });
    expect(at(27)).toMatchObject({ sets: 2, reps: 3, number: 1 });
  });

  it('gives each step its own cue: the set-up while getting ready, the movement cues from the start of each step', () => {
    expect(at(0).cueIndex).toBe(0); // getting ready: how to set up
    expect(at(4.9).cueIndex).toBe(0);
    expect(at(5).cueIndex).toBe(1); // the first set starts at the first movement cue
    expect(at(13).cueIndex).toBe(2); // and moves on after 8 s within the step
    expect(at(27).cueIndex).toBe(1); // the second set starts again at the first movement cue
    expect(at(44).cueIndex).toBe(1); // so does each hold, never the set-up in the middle of a hold
    expect(at(53).cueIndex).toBe(2);
    expect(at(59).cueIndex).toBe(1);
    expect(at(69).cueIndex).toBe(0); // a new movement: its own set-up
    expect(at(74).cueIndex).toBe(1); // two cues: one for the set-up, one for the movement
    expect(at(90).cueIndex).toBe(1);
  });

  it('property: for every catalogue movement, getting ready shows the set-up and the work never does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXERCISES), fc.double({ min: 0, max: 1, noNaN: true }), (e, fraction) => {
        const timer = reduce(createTimer([entryFor(e)]), { type: 'start', at: 0 });
        const v = view(timer, fraction * timer.totalMs * 0.999);
        if (!v.segment) return;
        if (v.segment.kind === 'prepare') expect(v.cueIndex).toBe(0);
        if (v.segment.kind === 'work') expect(v.cueIndex).toBeGreaterThanOrEqual(e.cues.length > 1 ? 1 : 0);
        expect(v.cueIndex).toBeLessThan(Math.max(1, e.cues.length));
      }),
    );
  });

  it('is finished when the time has run out, even before a tick records it', () => {
    expect(at(104)).toMatchObject({ finished: true, status: 'finished', phase: 'done', exerciseId: null });
    expect(at(103.9).finished).toBe(false);
  });

  it('gives the same answer after a jump as after ticking through', () => {
    let ticked = t;
    for (let s = 0; s <= 60; s += 0.25) ticked = reduce(ticked, { type: 'tick', at: start + s * 1000 });
    expect(view(ticked, start + 60_000)).toEqual(at(60));
  });
});

describe('events', () => {
  it('pauses and resumes: time while paused does not count', () => {
    const c = clock();
    let t = reduce(createTimer([entry('h', HOLD)]), { type: 'start', at: c.now() });
    t = reduce(t, { type: 'pause', at: c.advance(7) }); // 2 s into the first hold
    expect(view(t, c.advance(600))).toMatchObject({ status: 'paused', phase: 'hold', secondsLeft: 8 });
    t = reduce(t, { type: 'resume', at: c.now() });
    expect(view(t, c.advance(3))).toMatchObject({ status: 'running', phase: 'hold', secondsLeft: 5 });
    // Pausing twice or resuming while running changes nothing.
    expect(reduce(t, { type: 'resume', at: c.now() })).toBe(t);
  });

  it('skips to the next movement and records the skipped one with what was done', () => {
    const c = clock();
    let t = reduce(createTimer([entry('a', REPS), entry('h', HOLD)]), { type: 'start', at: c.now() });
    t = reduce(t, { type: 'skip', at: c.advance(14) }); // 5 s ready + 9 s: two reps done
    expect(view(t, c.now())).toMatchObject({ exerciseId: 'h', phase: 'get-ready', secondsLeft: 5 });
    t = reduce(t, { type: 'tick', at: c.advance(100) });
    expect(t.status).toBe('finished');
    expect(records(t)).toEqual([
      { exerciseId: 'a', outcome: 'skipped', reps: 2 },
      { exerciseId: 'h', outcome: 'done', reps: 2, holdSeconds: 10 },
    ]);
  });

  it('keeps a paused session paused when skipping, and finishes when skipping the last movement', () => {
    const c = clock();
    let t = reduce(createTimer([entry('a', TIME), entry('b', TIME)]), { type: 'start', at: c.now() });
    t = run(t, [
      { type: 'pause', at: c.advance(10) },
      { type: 'skip', at: c.advance(1) },
    ]);
    expect(view(t, c.advance(30))).toMatchObject({ status: 'paused', exerciseId: 'b', positionMs: 35_000 });
    t = reduce(t, { type: 'skip', at: c.now() });
    expect(t.status).toBe('finished');
    expect(records(t).map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
  });

  it('"this hurts" stops at once, takes a pain score and swaps in the easier version', () => {
    const c = clock();
    let t = reduce(createTimer([entry('hard', REPS), entry('next', TIME)]), { type: 'start', at: c.now() });
    t = reduce(t, { type: 'hurt', at: c.advance(9) }); // 4 s into the first set: one rep done
    expect(view(t, c.advance(120))).toMatchObject({ status: 'hurt', exerciseId: 'hard', rep: 2, positionMs: 9000 });
    t = reduce(t, { type: 'pain', value: 6 });
    t = reduce(t, { type: 'swap', at: c.now(), replacement: entry('easy', HOLD, 6) });
    const v = view(t, c.now());
    expect(v).toMatchObject({ status: 'running', exerciseId: 'easy', phase: 'get-ready', secondsLeft: 6, number: 1, count: 2 });
    t = reduce(t, { type: 'tick', at: c.advance(1000) });
    expect(records(t)).toEqual([
      { exerciseId: 'hard', outcome: 'swapped', reps: 1, painDuring: 6 },
      { exerciseId: 'easy', outcome: 'done', reps: 2, holdSeconds: 10 },
      { exerciseId: 'next', outcome: 'done' },
    ]);
  });

  it('"this hurts" then skip moves on; then end records the rest as skipped', () => {
    const c = clock();
    let t = reduce(createTimer([entry('a', HOLD), entry('b', HOLD), entry('c', HOLD)]), { type: 'start', at: c.now() });
    t = run(t, [
      { type: 'hurt', at: c.advance(10) },
      { type: 'pain', value: 4 },
      { type: 'skip', at: c.advance(20) },
    ]);
    expect(view(t, c.now())).toMatchObject({ status: 'running', exerciseId: 'b', phase: 'get-ready' });
    t = run(t, [
      { type: 'hurt', at: c.advance(17) }, // 5 s ready, a full hold of 10, 2 s of rest
      { type: 'pain', value: 12 }, // out of range: ignored
      { type: 'end', at: c.advance(5) },
    ]);
    expect(t.status).toBe('finished');
    expect(records(t)).toEqual([
      { exerciseId: 'a', outcome: 'skipped', reps: 0, holdSeconds: 5, painDuring: 4 },
      { exerciseId: 'b', outcome: 'skipped', reps: 1, holdSeconds: 10 },
      { exerciseId: 'c', outcome: 'skipped' },
    ]);
  });

  it('ignores choices that need "this hurts" first, and anything before the start', () => {
    const c = clock();
    const ready = createTimer([entry('a', HOLD)]);
    expect(reduce(ready, { type: 'pause', at: c.now() })).toBe(ready);
    expect(reduce(ready, { type: 'hurt', at: c.now() })).toBe(ready);
    const running = reduce(ready, { type: 'start', at: c.now() });
    expect(reduce(running, { type: 'swap', at: c.now(), replacement: entry('b', HOLD) })).toBe(running);
    expect(reduce(running, { type: 'pain', value: 3 })).toBe(running);
    expect(reduce(running, { type: 'start', at: c.advance(1) })).toBe(running);
  });

  it('records when it ended: when time ran out, not when the next tick noticed', () => {
    const c = clock();
    const start = c.now();
    let t = reduce(createTimer([entry('w', TIME)]), { type: 'start', at: start });
    t = reduce(t, { type: 'tick', at: c.advance(500) });
    expect(t).toMatchObject({ status: 'finished', startedAtMs: start, endedAtMs: start + 35_000 });
    expect(records(t)).toEqual([{ exerciseId: 'w', outcome: 'done' }]);
  });

  it('speaks of sides: left first, then right after the switch', () => {
    const c = clock();
    const start = c.now();
    const t = reduce(createTimer([entry('s', EACH)], { switchSideSeconds: 4 }), { type: 'start', at: start });
    expect(view(t, start + 6000)).toMatchObject({ side: 'left', phase: 'move', rep: 1 });
    expect(view(t, start + 15_000)).toMatchObject({ phase: 'switch-side', side: 'right', secondsLeft: 4 });
    expect(view(t, start + 25_000)).toMatchObject({ phase: 'move', side: 'right', rep: 2 });
  });
});

describe('entries and the figure', () => {
  it('builds entries from a plan, giving more time to get ready in a new position', () => {
    const lying = EXERCISES.find((e) => e.position === 'lying');
    const lying2 = EXERCISES.find((e) => e.position === 'lying' && e !== lying);
    const standing = EXERCISES.find((e) => e.position === 'standing');
    if (!lying || !lying2 || !standing) throw new Error('catalogue lacks positions');
    const entries = sessionEntries(
      [lying, lying2, standing, { id: 'no-such-exercise', dose: lying.dose }].map((e) => ({ exerciseId: e.id, dose: e.dose })),
      exerciseById,
    );
    expect(entries.map((e) => [e.exerciseId, e.prepareSeconds])).toEqual([
      [lying.id, PREPARE_SECONDS.newPosition],
      [lying2.id, PREPARE_SECONDS.samePosition],
      [standing.id, PREPARE_SECONDS.newPosition],
    ]);
    expect(entries[0]?.cueCount).toBe(lying.cues.length);
  });

  it('moves the figure through the keyframes during work and keeps it still while getting ready', () => {
    const e = EXERCISES.find((x) => x.dose.kind === 'reps' && x.dose.sides === 'both');
    if (!e || e.dose.kind !== 'reps') throw new Error('no reps exercise');
    const t = reduce(createTimer([entryFor(e)]), { type: 'start', at: 0 });
    const prepare = PREPARE_SECONDS.newPosition * 1000;
    const still1 = figureFrame(e.keyframes, view(t, 1000), false);
    const still2 = figureFrame(e.keyframes, view(t, 5000), false);
    expect(still1.pose).toEqual(e.keyframes[0]?.pose);
    expect(still2.pose).toEqual(still1.pose);
    const repMs = e.dose.secondsPerRep * 1000;
    const quarter = figureFrame(e.keyframes, view(t, prepare + repMs / 4), false);
    expect(quarter.pose).not.toEqual(still1.pose);
    // The same moment of the next repetition shows the same pose: one keyframe cycle per repetition.
    const next = figureFrame(e.keyframes, view(t, prepare + repMs + repMs / 4), false);
    for (const [j, v] of Object.entries(quarter.pose)) expect(next.pose[j as keyof typeof next.pose]).toBeCloseTo(v, 6);
  });

  it('with reduced motion shows only key poses, changing at phase changes', () => {
    const e = EXERCISES.find((x) => x.dose.kind === 'hold' && x.keyframes.length >= 3);
    if (!e) throw new Error('no hold exercise');
    const t = reduce(createTimer([entryFor(e)]), { type: 'start', at: 0 });
    const keyPoses = e.keyframes.map((k) => JSON.stringify(k.pose));
    let changes = 0;
    let previous = '';
    let previousPhase = '';
    for (let ms = 0; ms < t.totalMs; ms += 100) {
      const frame = figureFrame(e.keyframes, view(t, ms), true);
      const pose = JSON.stringify(frame.pose);
      expect(keyPoses).toContain(pose);
      if (previous && pose !== previous) {
        changes += 1;
        expect(frame.phase).not.toBe(previousPhase);
      }
      previous = pose;
      previousPhase = frame.phase;
    }
    expect(changes).toBeGreaterThan(0);
  });

  it('mirrors the figure for the second side of a one-sided movement', () => {
    const e = EXERCISES.find((x) => x.dose.sides === 'each' && x.dose.kind === 'hold');
    if (!e) throw new Error('no one-sided hold');
    const t = reduce(createTimer([entryFor(e)]), { type: 'start', at: 0 });
    const first = t.segments.find((s) => s.kind === 'work' && s.side === 'left');
    const second = t.segments.find((s) => s.kind === 'work' && s.side === 'right');
    if (!first || !second) throw new Error('no sides');
    const a = figureFrame(e.keyframes, view(t, first.startMs + first.durationMs / 2), false).pose;
    const b = figureFrame(e.keyframes, view(t, second.startMs + second.durationMs / 2), false).pose;
    expect(b.hipL).toBeCloseTo(a.hipR, 6);
    expect(b.hipR).toBeCloseTo(a.hipL, 6);
  });
});

describe('a hold watched by the camera', () => {
  it('counts a hold’s time only while the pose is reached, and records only that time', () => {
    const c = clock();
    let t = reduce(createTimer([entry('h', HOLD)]), { type: 'start', at: c.now() });
    // Getting ready keeps its own time: the camera cannot stop it.
    t = reduce(t, { type: 'form-wait', at: c.advance(2) });
    expect(view(t, c.now()).waitingForForm).toBe(false);
    c.advance(4); // 1 s into the first hold
    t = reduce(t, { type: 'form-wait', at: c.now() });
    expect(view(t, c.now()).waitingForForm).toBe(true);
    const before = view(t, c.now()).secondsLeft;
    expect(view(t, c.advance(20)).secondsLeft).toBe(before);
    expect(view(t, c.now()).phase).toBe('hold');
    t = reduce(t, { type: 'form-go', at: c.now() });
    expect(view(t, c.advance(3)).secondsLeft).toBe(before - 3);
    // Lost again; then ended: 4 s of the 10 were held.
    t = reduce(t, { type: 'form-wait', at: c.now() });
    t = reduce(t, { type: 'end', at: c.advance(30) });
    expect(records(t)[0]).toMatchObject({ exerciseId: 'h', outcome: 'skipped', holdSeconds: 4 });
  });

  it('leaves repetitions, rests and timed work to their own time', () => {
    for (const dose of [REPS, TIME]) {
      const c = clock();
      let t = reduce(createTimer([entry('x', dose, 1)]), { type: 'start', at: c.now() });
      t = reduce(t, { type: 'form-wait', at: c.advance(3) });
      expect(view(t, c.now()).waitingForForm).toBe(false);
      expect(view(t, c.advance(2)).positionMs).toBe(5000);
    }
  });

  it('still stops at once for “this hurts”, pause and skip while a hold waits', () => {
    const c = clock();
    const waiting = run(reduce(createTimer([entry('h', HOLD), entry('a', REPS)]), { type: 'start', at: c.now() }), [{ type: 'form-wait', at: c.advance(6) }]);
    const hurt = reduce(waiting, { type: 'hurt', at: c.advance(5) });
    expect(view(hurt, c.now()).status).toBe('hurt');
    expect(hurt.positionMs).toBe(6000);
    expect(reduce(waiting, { type: 'pause', at: c.now() }).status).toBe('paused');
    const skipped = reduce(waiting, { type: 'skip', at: c.now() });
    expect(view(skipped, c.advance(1)).exerciseId).toBe('a');
    expect(view(skipped, c.now()).waitingForForm).toBe(false);
    // "Go" does nothing unless a hold is waiting.
    expect(reduce(hurt, { type: 'form-go', at: c.now() })).toBe(hurt);
  });
});
