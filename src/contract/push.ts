import { z } from 'zod';
import { IsoInstant, Uuid } from './common';
import { WEEKDAYS } from '../core/reminders/schedule';

/** Web Push and the reminders sent through it (RFC 8030 / 8291, VAPID RFC 8292). */

export const PushKey = z.object({
  /** The server's VAPID public key, base64url: what `pushManager.subscribe({ applicationServerKey })` wants. */
  publicKey: z.string(),
});

const Base64Url = (bytes: number, what: string) =>
  z
    .string({ error: `must be ${what} in base64url` })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { error: `must be ${what} in base64url` })
    .refine((s) => Math.floor((s.replace(/=+$/, '').length * 3) / 4) === bytes, { error: `must be ${bytes} bytes (${what})` });

/** What `PushSubscription.toJSON()` gives in the browser. */
export const PushSubscriptionPut = z.strictObject({
  endpoint: z.url({ error: 'must be the push service address the browser gave' }).max(2048, { error: 'must be 2048 characters or fewer' }),
  expirationTime: z.number({ error: 'must be a time in milliseconds, or null' }).nonnegative({ error: 'must be 0 or more' }).nullable().optional(),
  keys: z.strictObject({
    p256dh: Base64Url(65, 'the P-256 public key'),
    auth: Base64Url(16, 'the auth secret'),
  }),
});
export type PushSubscriptionPut = z.infer<typeof PushSubscriptionPut>;

/**
 * The browser replaced a device's subscription (the service worker's `pushsubscriptionchange`): the endpoint the
 * server had for it, and the new subscription. The worker does not know the device's id, so the old endpoint names it.
 */
export const PushSubscriptionChange = z.strictObject({
  oldEndpoint: PushSubscriptionPut.shape.endpoint,
  subscription: PushSubscriptionPut,
});
export type PushSubscriptionChange = z.infer<typeof PushSubscriptionChange>;
export const PushSubscriptionIdParams = z.strictObject({ id: Uuid });

/** A device that reminders reach; the keys are never sent back. */
export const PushDevice = z.object({ id: z.string(), createdAt: z.string(), updatedAt: z.string() });
export const PushTestResult = z.object({
  /** How many of your devices the test reminder is on its way to. */
  devices: z.number(),
});

const Hhmm = z.string({ error: 'must be a time written HH:MM' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time written HH:MM, e.g. 09:30' });

export const ReminderSettings = z.strictObject({
  quietHours: z
    .strictObject({ start: Hhmm, end: Hhmm })
    .refine((q) => q.start !== q.end, { error: 'must end at a different time than it starts', path: ['end'] })
    .nullable(),
  /** Minutes between stand-up reminders; null follows the plan's stage. */
  intervalOverrideMinutes: z
    .union([z.literal(15), z.literal(20), z.literal(30), z.literal(45), z.literal(60)], { error: 'must be 15, 20, 30, 45 or 60, or null to follow the plan' })
    .nullable(),
  /** The daily check-in reminder's local time, or null for none. */
  checkInTime: Hhmm.nullable(),
  /** The weekly reminder to rate your activities, or null for none. */
  goalReminder: z.strictObject({ weekday: z.enum(WEEKDAYS, { error: `must be one of: ${WEEKDAYS.join(', ')}` }), time: Hhmm }).nullable(),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const SittingPut = z.strictObject({ sittingSince: IsoInstant });
export type SittingPut = z.infer<typeof SittingPut>;
export const Sitting = z.object({
  sittingSince: z.string(),
  /** When the stand-up reminder is due (after the quiet hours, if it would fall in them). */
  dueAt: z.string(),
  intervalMinutes: z.number(),
  snoozed: z.boolean(),
});
export type Sitting = z.infer<typeof Sitting>;

/** The calendar file (RFC 5545) of the daily check-in and the walk goals. */
export const Calendar = z.string();
