import { z } from 'zod';
import { Credentials } from './account';
import { MuscleId, Uuid } from './common';
import { ExerciseStyle } from './engine';

/** What a person lets a therapist do: see their progress, and (separately) adjust their plan. */
export const Scope = z.enum(['view', 'plan'], { error: 'must be view or plan' });
export type Scope = z.infer<typeof Scope>;

const Name = z.string({ error: 'must be text' }).trim().min(1, { error: 'is required' }).max(80, { error: 'must be 80 characters or fewer' });

export const TherapistSignUp = z.strictObject({ email: Credentials.shape.email, password: Credentials.shape.password, name: Name });

export const InvitePut = z.strictObject({
  scopes: z
    .array(Scope)
    .min(1, { error: 'choose at least one thing your therapist may do' })
    .max(2)
    .refine((s) => new Set(s).size === s.length, { error: 'must not list a scope twice' }),
  /** How the therapist will know the person (a guest has no email); optional. */
  name: Name.optional(),
});
export type InvitePut = z.infer<typeof InvitePut>;
export const Invite = z.object({ id: z.string(), code: z.string(), link: z.string(), scopes: z.array(Scope), expiresAt: z.string() });
export type Invite = z.infer<typeof Invite>;

/** Codes are 8 letters and digits, shown in two groups of four; spaces, dashes and case are forgiven. */
export const InviteRedeem = z.strictObject({
  code: z
    .string({ error: 'must be text' })
    .max(40, { error: 'must be 40 characters or fewer' })
    .transform((c) => c.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{8}$/, { error: 'must be the 8 letters and digits of the code' })),
});

export const Link = z.object({
  id: z.string(),
  scopes: z.array(Scope),
  createdAt: z.string(),
  therapist: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }),
  person: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }),
});
export type Link = z.infer<typeof Link>;

export const Flag = z.object({ code: z.enum(['safety', 'flare', 'pain-up', 'hurt-twice', 'new-region', 'no-check-in']), text: z.string() });

/** One row of the therapist's dashboard. Without the view scope there is nothing but the name and scopes. */
export const PersonRow = z.object({
  linkId: z.string(),
  personId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  scopes: z.array(Scope),
  episodeId: z.string().nullable(),
  lastCheckInAt: z.string().nullable(),
  painNow: z.number().nullable(),
  painWorst24h: z.number().nullable(),
  flags: z.array(Flag),
});
export type PersonRow = z.infer<typeof PersonRow>;

export const AccessEntry = z.object({ id: z.string(), at: z.string(), therapistName: z.string(), action: z.string(), text: z.string() });
export type AccessEntry = z.infer<typeof AccessEntry>;

const ExerciseRef = z.string({ error: 'must be an exercise id' }).regex(/^[a-z0-9-]{1,80}$/, { error: 'must be an exercise id' });
export const PlanEditPut = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('hide'), exerciseId: ExerciseRef }),
    z.strictObject({ kind: z.literal('pin'), exerciseId: ExerciseRef }),
    z.strictObject({ kind: z.literal('muscle'), muscle: MuscleId, feels: z.enum(['weak', 'tight', 'neither'], { error: 'must be weak, tight or neither' }) }),
    z
      .strictObject({
        kind: z.literal('session'),
        sessionMinutes: z.union([z.literal(5), z.literal(10), z.literal(20), z.literal(30)], { error: 'must be 5, 10, 20 or 30' }).optional(),
        styles: z.array(ExerciseStyle).min(1, { error: 'choose at least one style' }).max(6).optional(),
      })
      .refine((s) => s.sessionMinutes !== undefined || s.styles !== undefined, { error: 'set a session length, styles, or both', path: ['sessionMinutes'] }),
    z.strictObject({ kind: z.literal('note'), text: z.string({ error: 'must be text' }).trim().min(1, { error: 'is required' }).max(500, { error: 'must be 500 characters or fewer' }) }),
  ],
  { error: 'must be hide, pin, muscle, session or note' },
);
export type PlanEditPut = z.infer<typeof PlanEditPut>;

export const PlanEdit = z.object({
  id: z.string(),
  episodeId: z.string(),
  therapistName: z.string(),
  edit: z.record(z.string(), z.unknown()),
  /** The change in words, for the person. */
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanEdit = z.infer<typeof PlanEdit>;

export const PlanEditIdParams = z.strictObject({ id: Uuid, editId: Uuid });
