import { describe, expect, it } from 'vitest';
import { draftFromIds, draftFromMap, isPainful, painfulIds, setPain, setSpasm, toggle, toPayload, type MapDraft } from './mapState';

describe('body map state', () => {
  it('starts a check-in from last time’s places with their own numbers and spasm marks', () => {
    const d = draftFromMap([
      { region: 'low-back-center', pain: 6, spasm: true },
      { region: 'calf-left', pain: 0, spasm: false },
    ]);
    expect(d).toEqual({ 'low-back-center': { pain: 6, spasm: true } });
    // Sent as they are, not at today's pain now.
    expect(toPayload(d, 3)).toEqual([{ region: 'low-back-center', pain: 6, spasm: true }]);
  });

  it('sends each place with its own number, or pain now where none was chosen, in the canonical order', () => {
    let d: MapDraft = draftFromIds(['thigh-back-left', 'low-back-center']);
    d = setPain(d, 'thigh-back-left', 3);
    d = setSpasm(d, 'low-back-center', true);
    expect(toPayload(d, 6)).toEqual([
      { region: 'low-back-center', pain: 6, spasm: true },
      { region: 'thigh-back-left', pain: 3, spasm: false },
    ]);
  });

  it('says out loud that pain left a place: 0 for a place that hurt last time and no longer does', () => {
    const previous = [
      { region: 'low-back-center', pain: 5, spasm: false },
      { region: 'neck-back', pain: 0, spasm: false },
    ];
    const d = toggle(draftFromIds(['low-back-center', 'hip-left']), 'low-back-center', false);
    expect(toPayload(d, 4, previous)).toEqual([
      { region: 'low-back-center', pain: 0, spasm: false },
      { region: 'hip-left', pain: 4, spasm: false },
    ]);
  });

  it('treats 0 as "no pain here": kept in the draft, not painful, and its spasm mark cleared', () => {
    let d = setSpasm({}, 'buttock-left', true);
    expect(d['buttock-left']).toEqual({ pain: null, spasm: true });
    d = setPain(d, 'buttock-left', 0);
    expect(d['buttock-left']).toEqual({ pain: 0, spasm: false });
    expect(isPainful(d['buttock-left'])).toBe(false);
    expect(painfulIds(d)).toEqual([]);
    expect(toPayload(d, 5)).toEqual([]);
    // Marking a cramp again makes the place hurt again, at pain now.
    expect(setSpasm(d, 'buttock-left', true)['buttock-left']).toEqual({ pain: null, spasm: true });
  });
});
