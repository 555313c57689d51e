import { z } from 'zod';
import { ADVISORY_IDS, RULE_IDS, YES_NO_FIELDS, type AdvisoryId, type RuleId } from '../core/clinical';
import { Pain } from './common';

const YesNoUnsure = z.union([z.boolean(), z.literal('unsure')], { error: 'must be yes (true), no (false) or "unsure"' });

const yesNoShape = Object.fromEntries(YES_NO_FIELDS.map((f) => [f, YesNoUnsure])) as Record<
  (typeof YES_NO_FIELDS)[number],
  typeof YesNoUnsure
>;

export const SafetyAnswers = z.strictObject({
  ...yesNoShape,
  ageYears: z.number({ error: 'must be a whole number of years' }).int({ error: 'must be a whole number of years' }).min(0, { error: 'must be 0 or more' }).max(120, { error: 'must be 120 or less' }),
  sex: z.enum(['female', 'male', 'other'], { error: 'must be female, male or other' }).optional(),
  legWeakness: z.enum(['none', 'one_leg_stable', 'progressive', 'unsure'], { error: 'must be none, one_leg_stable, progressive or unsure' }),
  painNRS: Pain,
  weeksWithoutImprovement: z.number({ error: 'must be a whole number of weeks' }).int({ error: 'must be a whole number of weeks' }).min(0, { error: 'must be 0 or more' }).max(520, { error: 'must be 520 or less' }),
});

/**
 * Safety answers as far as they go (the first-run screen, sent as soon as they are an emergency): every field
 * optional, the same rules for the ones given. The server decides what must be there (core `missingRequired`).
 */
export const PartialSafetyAnswers = SafetyAnswers.partial();

export const TriageResult = z.object({
  level: z.enum(['emergency', 'urgent-doctor', 'self-care']),
  timeframe: z.enum(['now', 'within_24h', 'within_1_week']).nullable(),
  decidingRule: z.enum(['NONE', ...RULE_IDS]),
  triggeredRules: z.array(z.enum(RULE_IDS as [RuleId, ...RuleId[]])),
  advisories: z.array(z.enum(ADVISORY_IDS as [AdvisoryId, ...AdvisoryId[]])),
  gpReviewAdvised: z.boolean(),
});
