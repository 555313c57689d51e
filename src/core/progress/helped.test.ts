import { describe, expect, it } from 'vitest';
import { whatHelped, type ComfortAnswerData } from './helped';

const e = (name: string, helped: ComfortAnswerData['helped'], at = '2026-11-20T10:00:00Z', kind: ComfortAnswerData['kind'] = 'heat'): ComfortAnswerData => ({ kind, name, at, helped });

describe('whatHelped', () => {
  it('counts each answer per thing used, whatever its capitals, most helpful first', () => {
    const entries = [
      e('Ibuprofen', 'no', '2026-11-20T08:00:00Z', 'tablet'),
      e('hot water bottle', 'a_little', '2026-11-20T09:00:00Z'),
      e('Hot water bottle', 'yes', '2026-11-21T09:00:00Z'),
      e('Hot water bottle ', 'yes', '2026-11-22T09:00:00Z'),
      e('Walking stick', 'a_little', '2026-11-22T10:00:00Z', 'movement-aid'),
    ];
    expect(whatHelped(entries, '2026-11-24', 'UTC')).toEqual([
      { name: 'Hot water bottle', kind: 'heat', yes: 2, aLittle: 1, no: 0 },
      { name: 'Walking stick', kind: 'movement-aid', yes: 0, aLittle: 1, no: 0 },
      { name: 'Ibuprofen', kind: 'tablet', yes: 0, aLittle: 0, no: 1 },
    ]);
  });
  it('leaves out entries with no answer yet, and those after the day asked about', () => {
    expect(whatHelped([e('Cold pack', null), e('Heat pad', 'yes', '2026-11-25T09:00:00Z')], '2026-11-24', 'UTC')).toEqual([]);
  });
});
