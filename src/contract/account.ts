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

/** Who is signed in on this browser: the account, or null. Asked at start-up so nobody sees an error for being new. */
export const CurrentSession = z.object({ me: Me.nullable() });
export type CurrentSession = z.infer<typeof CurrentSession>;
