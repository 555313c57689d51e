import { describe, expect, it } from 'vitest';
import { MUSCLES } from '../../core/body/muscles';
import { BODY_REGIONS } from '../../core/body/regions';
import { musclesIn } from './MuscleMap';

describe('muscle map', () => {
  it('offers the muscles that sit in a tapped place', () => {
    expect(musclesIn('buttock-left').map((m) => m.id)).toEqual(['glute-max', 'glute-med', 'piriformis']);
    expect(musclesIn('foot-left')).toEqual([]);
  });
  it('reaches every muscle from at least one place on the body', () => {
    const reachable = new Set(BODY_REGIONS.flatMap((r) => musclesIn(r.id).map((m) => m.id)));
    expect([...reachable].sort()).toEqual(MUSCLES.map((m) => m.id).sort());
  });
});
