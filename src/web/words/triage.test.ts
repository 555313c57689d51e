import { describe, expect, it } from 'vitest';
import { EMERGENCY_SIGN_RULES } from './triage';

/** The emergency rules of clinical.md §1, written out from its table. */
const EMERGENCY_RULES = [
  'E1_CES_SYMPTOMS', 'E2_BILATERAL_LEG_SYMPTOMS', 'E3_PROGRESSIVE_NEURO_DEFICIT', 'E4_CANCER_WITH_NEURO_SYMPTOMS',
  'E5_MAJOR_TRAUMA', 'E6_CHEST_PAIN', 'E7_FEVER_WITH_INFECTION_RISK',
];

describe('the emergency-signs card follows the rule table', () => {
  it('lists only emergency rules, and every one of them', () => {
    const named = EMERGENCY_SIGN_RULES.flatMap((s) => [...s.rules]);
    for (const r of named) expect(EMERGENCY_RULES).toContain(r);
    for (const r of EMERGENCY_RULES) expect(named).toContain(r);
  });

  it('names a fever only together with what makes it an emergency (a fever alone is urgent, U1)', () => {
    const fever = EMERGENCY_SIGN_RULES.filter((s) => /fever|temperature|hot and shivery/i.test(s.text));
    expect(fever.map((s) => [...s.rules])).toEqual([['E7_FEVER_WITH_INFECTION_RISK']]);
    expect(fever[0]?.text).toMatch(/immune|inject|infection/);
  });
});
