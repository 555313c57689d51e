import { z } from 'zod';
import { TimeZone } from './common';

export const GuestStart = z.strictObject({ timeZone: TimeZone.optional() });

export const Credentials = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(254, { error: 'must be 254 characters or fewer' }),
  password: z.string({ error: 'must be text' }).min(10, { error: 'must be at least 10 characters' }).max(200, { error: 'must be 200 characters or fewer' }),
  /** Needed when the account already has a password: changing the email or password takes the current one. */
  currentPassword: z.string({ error: 'must be text' }).max(200, { error: 'must be 200 characters or fewer' }).optional(),
});

export const SignIn = z.strictObject({
  email: z.string({ error: 'must be an email address' }).max(254),
  password: z.string({ error: 'must be text' }).max(200),
});

export const Me = z.object({
  id: z.string(),
  role: z.enum(['person', 'therapist']),
  email: z.string().nullable(),
  isGuest: z.boolean(),
  timeZone: z.string(),
  createdAt: z.string(),
});
export type Me = z.infer<typeof Me>;

/** A time zone's UTC offsets over a span: from each `[atMs, offsetMs]` on, that offset holds (see core/time.ts). */
export const ZoneOffsets = z.object({
  timeZone: z.string(),
  from: z.number(),
  to: z.number(),
  changes: z.array(z.tuple([z.number(), z.number()])),
});

/**
 * Who is signed in on this browser: the account, or null. Asked at start-up so nobody sees an error for being new.
 * With the account comes its zone's offsets around now, so the first screen needs no Intl formatter.
 */
export const CurrentSession = z.object({ me: Me.nullable(), zone: ZoneOffsets.optional() });
export type CurrentSession = z.infer<typeof CurrentSession>;
