import { describe, expect, it } from 'vitest';
import { calmAnswers } from '../../core/clinical/fixtures';

const SAFE_ANSWERS = calmAnswers();
import { legSafety } from './legCheck';
import { previousMap } from './useCheckInMap';

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

describe('the map a check-in compares with', () => {
  const episode = { regions: ['low-back-center'], painNow: 6 };
  it('is the last check-in’s body map, or its places at its pain, or the episode’s start', () => {
    expect(previousMap(episode, [])).toEqual([{ region: 'low-back-center', pain: 6, spasm: false }]);
    expect(previousMap(episode, [{ bodyMap: [], regions: ['hip-left'], painNow: 3 }])).toEqual([{ region: 'hip-left', pain: 3, spasm: false }]);
    const bodyMap = [{ region: 'calf-left', pain: 2, spasm: true }];
    expect(previousMap(episode, [{ bodyMap: [], regions: [], painNow: 1 }, { bodyMap, regions: ['calf-left'], painNow: 5 }])).toEqual(bodyMap);
  });
});
