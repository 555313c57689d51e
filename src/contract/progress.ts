import { z } from 'zod';
import { COMFORT_KINDS } from '../core/comfort/kinds';
import { STAGE_IDS } from '../core/plan/stages';
import { Reason } from './plan';

const PsfsChange = z.object({ change: z.number(), meetsSmall: z.boolean(), meetsMedium: z.boolean() });
const Stage = z.enum(STAGE_IDS);

/** Every series the Progress screen needs, in one response. */
export const Progress = z.object({
  date: z.string(),
  onsetDate: z.string(),
  summary: z.array(z.string()),
  /** One point per day for the last twelve weeks; further back a point covers `days` days (a week, four weeks or more), with means. */
  pain: z.array(z.object({ date: z.string(), days: z.number().int().positive(), painNow: z.number().nullable(), painWorst: z.number().nullable(), band: z.enum(['none', 'mild', 'moderate', 'severe']).nullable(), typical: z.number().nullable() })),
  worstChange: z
    .object({ change: z.number(), percentChange: z.number().nullable(), meetsAbsolute: z.boolean(), meets30Percent: z.boolean(), from: z.number(), to: z.number(), fromDate: z.string(), toDate: z.string() })
    .nullable(),
  functionGoals: z.array(z.object({ id: z.string(), activity: z.string(), ratings: z.array(z.object({ date: z.string(), rating: z.number() })), change: PsfsChange.nullable() })),
  functionMean: z.array(z.object({ date: z.string(), score: z.number() })),
  functionChange: PsfsChange.nullable(),
  /** The same points as `pain`, each with the totals over its days (`sessionsPlanned`: days with a session planned). */
  activity: z.array(
    z.object({ date: z.string(), days: z.number().int().positive(), walkMinutes: z.number(), walkGoalMinutes: z.number(), sessionsDone: z.number(), sessionsPlanned: z.number(), standBreaks: z.number() }),
  ),
  /** The most recent stage changes; `stagesEarlier` counts the ones before them. */
  stages: z.array(z.object({ date: z.string(), stage: Stage, from: Stage.nullable(), reason: Reason })),
  stagesEarlier: z.number().int(),
  /** The most recent weeks with a body map; `bodyMapEarlierWeeks` counts the ones before them. */
  bodyMapByWeek: z.array(z.object({ weekStart: z.string(), regions: z.array(z.object({ region: z.string(), maxPain: z.number(), spasm: z.boolean() })) })),
  bodyMapEarlierWeeks: z.number().int(),
  relatedPains: z.array(z.object({ region: z.string(), area: z.string(), kind: z.enum(['new', 'worse']), since: z.string(), painNow: z.number(), text: z.string() })),
  askAboutLegs: z.boolean(),
  expectation: z.object({ comparison: z.enum(['ahead', 'as-usual', 'slower']).nullable(), text: z.string(), sources: z.array(z.string()) }),
  reviews: z.array(Reason),
  /** What helped, from the person's "Did it help?" answers: counts of yes, a little and no per thing used. */
  whatHelped: z.array(z.object({ name: z.string(), kind: z.enum(COMFORT_KINDS), yes: z.number(), aLittle: z.number(), no: z.number() })),
});
export type Progress = z.infer<typeof Progress>;
