import type { ComfortKind, ComfortUnit, HelpedAnswer } from '../../core/comfort/kinds';

/** Table shapes as Kysely sees them. Timestamps are ISO-8601 UTC text; lists and answers are JSON text (portable). */

export interface PersonsTable {
  id: string;
  role: 'person' | 'therapist';
  email: string | null;
  password_hash: string | null;
  /** A therapist's name as the people they follow see it (null for a person). */
  name: string | null;
  time_zone: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  person_id: string;
  created_at: string;
  /** The absolute end of the session. */
  expires_at: string;
  /** When the session was last used (null only for rows written before migration 0009). */
  last_seen_at: string | null;
}

export interface EpisodesTable {
  id: string;
  person_id: string;
  onset_date: string;
  regions: string;
  pain_now: number;
  safety: string;
  triage: string;
  /** When the episode's own safety answers were last given. */
  safety_at: string;
  current_triage: string;
  /** When the current triage's answers were given: the episode's save, or the re-screening check-in's time. */
  current_triage_at: string;
  clinician_seen_on: string | null;
  /** When the person recorded the clinician's check (it clears only triages given before it). */
  clinician_recorded_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CheckInsTable {
  id: string;
  episode_id: string;
  person_id: string;
  at: string;
  pain_now: number;
  pain_worst_24h: number;
  stand_straight: string;
  walk_minutes: number;
  regions: string;
  safety: string | null;
  triage: string | null;
  /** When these safety answers were given (entered), whatever the check-in's own time. */
  safety_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PreferencesTable {
  person_id: string;
  styles: string;
  session_minutes: number;
  updated_at: string;
}

export interface MuscleNotesTable {
  id: string;
  episode_id: string;
  person_id: string;
  muscle: string;
  feels: 'weak' | 'tight';
  created_at: string;
  updated_at: string;
}

export interface SessionLogsTable {
  id: string;
  episode_id: string;
  person_id: string;
  started_at: string;
  ended_at: string;
  pain_before: number;
  pain_after: number;
  feel: 'too_easy' | 'right' | 'too_much';
  /** JSON array of { exerciseId, outcome, reps?, holdSeconds?, painDuring? }. */
  exercises: string;
  created_at: string;
  updated_at: string;
}

export interface PostureChecksTable {
  id: string;
  episode_id: string;
  person_id: string;
  at: string;
  view: 'side' | 'front';
  seconds: number;
  score: number;
  /** JSON array of posture cue ids. */
  cues: string;
  created_at: string;
  updated_at: string;
}

export interface MovementsTable {
  id: string;
  episode_id: string;
  person_id: string;
  kind: 'walk' | 'stand-break' | 'lie-flat';
  started_at: string;
  /** Whole minutes, rounded; kept for older readers. `seconds` is the stored length. */
  minutes: number;
  seconds: number;
  created_at: string;
  updated_at: string;
}

export interface ComfortLogsTable {
  id: string;
  episode_id: string;
  person_id: string;
  kind: ComfortKind;
  name: string;
  amount: number;
  unit: ComfortUnit | null;
  daily_max: number | null;
  helped: HelpedAnswer | null;
  at: string;
  created_at: string;
  updated_at: string;
}

export interface FunctionGoalsTable {
  id: string;
  episode_id: string;
  person_id: string;
  activity: string;
  created_at: string;
  updated_at: string;
}

export interface FunctionRatingsTable {
  goal_id: string;
  rated_on: string;
  person_id: string;
  rating: number;
  updated_at: string;
}

export interface RateLimitsTable {
  /** What is limited and for whom, e.g. "sign-in:ip:203.0.113.9". */
  key: string;
  window_start: string;
  count: number;
}

export interface PushVapidKeysTable {
  /** Always "vapid": one key pair for the whole service, made on first start. */
  id: string;
  public_key: string;
  private_key: string;
  created_at: string;
}

export interface PushSubscriptionsTable {
  person_id: string;
  /** Made by the app, one per device. */
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  expiration_time: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReminderSettingsTable {
  person_id: string;
  quiet_start: string | null;
  quiet_end: string | null;
  interval_override_minutes: number | null;
  check_in_time: string | null;
  goal_weekday: string | null;
  goal_time: string | null;
  updated_at: string;
}

export type ReminderState = 'pending' | 'sending' | 'sent' | 'dropped';

export interface RemindersTable {
  id: string;
  person_id: string;
  episode_id: string | null;
  kind: 'stand-up' | 'check-in' | 'function-goal' | 'test';
  due_at: string;
  /** Late by more than this, the reminder is dropped instead of sent. */
  interval_minutes: number;
  /** Stand-up reminders: when the sitting began. */
  sitting_since: string | null;
  /** Stand-up reminders: 1 once the sitting's one snooze is used. */
  snoozed: number;
  state: ReminderState;
  /** The instance that claimed it for sending. */
  claimed_by: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  created_at: string;
}

export interface InvitesTable {
  id: string;
  person_id: string;
  code_hash: string;
  /** JSON array of 'view' | 'plan'. */
  scopes: string;
  person_name: string | null;
  expires_at: string;
  redeemed_at: string | null;
  created_at: string;
}

export interface TherapistLinksTable {
  id: string;
  person_id: string;
  therapist_id: string;
  scopes: string;
  person_name: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface AccessLogTable {
  id: string;
  person_id: string;
  episode_id: string | null;
  therapist_id: string | null;
  therapist_name: string;
  action: string;
  at: string;
}

export interface PlanEditsTable {
  id: string;
  episode_id: string;
  person_id: string;
  therapist_id: string | null;
  therapist_name: string;
  kind: string;
  /** JSON of the edit's fields. */
  detail: string;
  created_at: string;
  updated_at: string;
  undone_at: string | null;
}

export interface Database {
  persons: PersonsTable;
  sessions: SessionsTable;
  episodes: EpisodesTable;
  check_ins: CheckInsTable;
  preferences: PreferencesTable;
  muscle_notes: MuscleNotesTable;
  session_logs: SessionLogsTable;
  movements: MovementsTable;
  comfort_logs: ComfortLogsTable;
  posture_checks: PostureChecksTable;
  function_goals: FunctionGoalsTable;
  function_ratings: FunctionRatingsTable;
  rate_limits: RateLimitsTable;
  push_vapid_keys: PushVapidKeysTable;
  push_subscriptions: PushSubscriptionsTable;
  reminder_settings: ReminderSettingsTable;
  reminders: RemindersTable;
  invites: InvitesTable;
  therapist_links: TherapistLinksTable;
  access_log: AccessLogTable;
  plan_edits: PlanEditsTable;
}
