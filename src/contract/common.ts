import { z } from 'zod';
import { REGION_IDS } from '../core/body/regions';
import { MUSCLE_IDS } from '../core/body/muscles';

// zod compiles a fast parser for each object schema with `new Function`, after probing whether eval is allowed. The
// app's pages forbid eval (their Content-Security-Policy), so in a browser the probe itself was reported as a policy
// violation on every screen that checks a form. The browser checks little, so it goes without that fast path; the
// server keeps it.
if (typeof document !== 'undefined') z.config({ jitless: true });

/** A UUID, normalised to lower case so the same id in capitals is the same record. */
export const Uuid = z.uuid({ error: 'must be a UUID made by the app' }).transform((id) => id.toLowerCase());
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

/** A NUL byte, or half of a surrogate pair with no other half: text the two databases would store differently. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isUnsafeText = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/**
 * Every text in a parsed JSON value (values and keys, at any depth) that holds a NUL byte or a lone surrogate,
 * by its dotted path. Refused for every field before the schemas run, so SQLite and PostgreSQL never see them.
 * Walks with its own stack, so a deeply nested body cannot exhaust the call stack.
 */
export function unsafeTextPaths(input: unknown, limit = 20): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0 && found.length < limit) {
    const { value, path } = stack.pop() ?? { value: undefined, path: '' };
    if (typeof value === 'string') {
      if (isUnsafeText(value)) found.push(path || '(body)');
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: join(path, String(i)) });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (isUnsafeText(key)) found.push(join(path, '(key)'));
        else stack.push({ value: inner, path: join(path, key) });
      }
    }
  }
  return found.sort();
}
