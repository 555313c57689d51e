import { z } from 'zod';
import { Me } from './account';
import { Comfort, Movement, SessionLog } from './activity';
import { MuscleNote, PreferencesBody } from './engine';
import { CheckIn, Episode } from './episodes';
import { FunctionGoal } from './functionGoals';
import { ReminderSettings } from './push';
import { PostureCheck } from './posture';
import { AccessEntry, Link, PlanEdit } from './therapists';

/** One episode with every record kept in it. */
export const EpisodeExport = z.object({
  episode: Episode,
  checkIns: z.array(CheckIn),
  muscleNotes: z.array(MuscleNote),
  sessions: z.array(SessionLog),
  movements: z.array(Movement),
  comfort: z.array(Comfort),
  functionGoals: z.array(FunctionGoal),
  postureChecks: z.array(PostureCheck),
  /**
   * A therapist's changes to the plan that are in force (what, in words and as data; by whom, as the person knows
   * them; when), and what therapists viewed and changed. The FHIR Bundle has the same changes as one CarePlan, and the
   * PDF report as "Changes from your physical therapist".
   */
  planEdits: z.array(PlanEdit),
  accessLog: z.array(AccessEntry),
});

/**
 * A device reminders reach, as exported: where its push service takes them and when it was added. The keys the
 * browser gave (its public key and the shared auth secret) stay on the server: they are of no use to the person and
 * the secret is what keeps the reminders private on the way.
 */
export const PushDeviceExport = z.object({ id: z.string(), endpoint: z.string(), expirationTime: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() });

/** Everything Unclench keeps about a person, as they can take it with them. */
export const AccountExport = z.object({
  format: z.literal('unclench-account-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  account: Me,
  preferences: PreferencesBody,
  reminders: z.object({ settings: ReminderSettings, devices: z.array(PushDeviceExport) }),
  /** The therapists this person shares with (or, for a therapist, the people they follow). */
  links: z.array(Link),
  episodes: z.array(EpisodeExport),
});
export type AccountExport = z.infer<typeof AccountExport>;
export type EpisodeExport = z.infer<typeof EpisodeExport>;

/** A FHIR R4 Bundle of type collection (its resources are checked against the R4 definitions in tests). */
export const FhirBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  timestamp: z.string(),
  entry: z.array(z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string(), id: z.string() }) })),
});
