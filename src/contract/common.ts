import { z } from 'zod';
import { REGION_IDS } from '../core/body/regions';
import { MUSCLE_IDS } from '../core/body/muscles';

export const Uuid = z.uuid({ error: 'must be a UUID made by the app' });
/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
/** An instant with a time zone offset, e.g. 2026-11-24T08:30:00Z. */
export const IsoInstant = z.iso.datetime({ offset: true, error: 'must be a date and time with a time zone, e.g. 2026-11-24T08:30:00Z' });
export const Pain = z
  .number({ error: 'must be a whole number from 0 to 10' })
  .int({ error: 'must be a whole number from 0 to 10' })
  .min(0, { error: 'must be 0 or more' })
  .max(10, { error: 'must be 10 or less' });
export const RegionId = z.enum(REGION_IDS, { error: 'must be one of the body regions Unclench knows' });
export const MuscleId = z.enum(MUSCLE_IDS, { error: 'must be one of the muscles Unclench knows' });
export const TimeZone = z
  .string()
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'must be a time zone name such as Europe/London' },
  );

export const IdParams = z.strictObject({ id: Uuid });

/** Every error the API returns has this shape: a stable code, a message, and for validation the failing fields. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), rule: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
