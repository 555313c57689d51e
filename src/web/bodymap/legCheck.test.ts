import { describe, expect, it } from 'vitest';
import { calmAnswers } from '../../core/clinical/fixtures';

const SAFE_ANSWERS = calmAnswers();
import { legSafety } from './legCheck';

describe('leg questions at a check-in', () => {
  it('asks each leg question fresh: none may be left unanswered', () => {
    const { answers, issues } = legSafety(SAFE_ANSWERS, { bilateralLegSymptoms: false }, 5);
    expect(answers).toBeNull();
    expect(issues.map((i) => i.path).sort()).toEqual(['safety.bladderChange', 'safety.bowelChange', 'safety.legWeakness', 'safety.radicularLegPainOneSide', 'safety.saddleNumbness']);
  });

  it('merges fresh leg answers into the last full answers, with today’s pain', () => {
    const { answers, issues } = legSafety(
      { ...SAFE_ANSWERS, fever: true },
      { bilateralLegSymptoms: 'unsure', radicularLegPainOneSide: true, saddleNumbness: false, bladderChange: false, bowelChange: false, legWeakness: 'one_leg_stable' },
      7,
    );
    expect(issues).toEqual([]);
    expect(answers).toMatchObject({ fever: true, bilateralLegSymptoms: 'unsure', radicularLegPainOneSide: true, legWeakness: 'one_leg_stable', painNRS: 7, ageYears: SAFE_ANSWERS.ageYears });
  });
});
