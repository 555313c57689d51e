import { describe, expect, it } from 'vitest';
import { REGION_IDS } from './regions';
import { regionPhrase } from './regionPhrase';

describe('regionPhrase', () => {
  it('puts "your" where English puts it', () => {
    expect(regionPhrase('thigh-back-right')).toBe('the back of your right thigh');
    expect(regionPhrase('low-back-center')).toBe('the middle of your lower back');
    expect(regionPhrase('calf-left')).toBe('your left calf');
  });
  it('gives every region a phrase addressed to the person, in lower case', () => {
    for (const id of REGION_IDS) {
      const phrase = regionPhrase(id);
      expect(phrase).toMatch(/\byour\b/);
      expect(phrase).toBe(phrase.toLowerCase());
    }
  });
});
