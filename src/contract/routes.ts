import { z } from 'zod';
import { ErrorBody, IdParams } from './common';
import { Credentials, CurrentSession, GuestStart, Me, SignIn } from './account';
import { CheckIn, CheckInIdParams, CheckInPut, ClinicianCheckPut, Episode, EpisodePut } from './episodes';
import { Today } from './plan';
import { Progress } from './progress';
import { FunctionGoal, FunctionGoalIdParams, FunctionGoalPut, FunctionRatingParams, FunctionRatingPut } from './functionGoals';
import { Comfort, ComfortIdParams, ComfortPut, Movement, MovementIdParams, MovementPut, SessionIdParams, SessionLog, SessionLogPut } from './activity';
import { Calendar, PushDevice, PushKey, PushSubscriptionChange, PushSubscriptionIdParams, PushSubscriptionPut, PushTestResult, ReminderSettings, Sitting, SittingPut } from './push';
import { AccountExport, FhirBundle } from './dataRights';
import { PostureCheck, PostureCheckIdParams, PostureCheckPut } from './posture';
import { AccessEntry, Invite, InvitePut, InviteRedeem, Link, PersonRow, PlanEdit, PlanEditIdParams, PlanEditPut, TherapistSignUp } from './therapists';
import { Exercise, ExerciseIdParams, ExerciseQuery, MuscleNote, MuscleNoteIdParams, MuscleNotePut, PlanQuery, PlanResponse, PreferencesBody, PreferencesPut } from './engine';

/** One entry per HTTP endpoint: the server validates with these schemas and OpenAPI is generated from them. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify-style path, e.g. /api/v1/episodes/:id */
  path: string;
  summary: string;
  auth: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * Success status and its body (null for no body). `contentType` when the body is not JSON; `file` (with a null
   * body) when the answer is a binary file of that media type.
   */
  success: { status: number; body: z.ZodType | null; contentType?: string; file?: { contentType: string } };
  /** The path's id names a record of the caller's own, made by the app (a device's push subscription): a new id creates it, so there is no 404. */
  ownId?: true;
  /** The body names a record of the caller's own (a push endpoint they stored): one that is not theirs answers 404. */
  ownInBody?: true;
  /**
   * Who may call it, for routes that need a session: a person (the default), a therapist, or either. Anyone else
   * gets 404, as for something that is not theirs.
   */
  who?: 'person' | 'therapist' | 'either';
  /**
   * A person's route under /episodes/:id that a therapist the owner linked may call too, with this scope: they
   * then act for the owner (and the access is logged). Without a live link with the scope, 404.
   */
  therapist?: 'view' | 'plan';
  /** Error replies beyond those the other fields imply: 409 (a conflict), 412 (a failed precondition), 429 (rate limited), 503 (the database is not answering). */
  extraErrors?: readonly (409 | 412 | 429 | 503)[];
}

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

export const ROUTES = {
  health: { method: 'GET', path: '/healthz', summary: 'Liveness: answers 200 while the server runs (it does not ask the database; see /readyz).', auth: false, success: { status: 200, body: Health } },
  ready: { method: 'GET', path: '/readyz', summary: 'Readiness: answers 200 when the database answers a query, 503 when it does not.', auth: false, success: { status: 200, body: Health }, extraErrors: [503] },
  startGuest: { method: 'POST', path: '/api/v1/session/guest', summary: 'Start now: create a guest account and sign it in.', auth: false, body: GuestStart, success: { status: 201, body: Me }, extraErrors: [429] },
  currentSession: { method: 'GET', path: '/api/v1/session', summary: 'Who is signed in on this browser: the account, or null when nobody is (a newcomer gets 200, not 401).', auth: false, success: { status: 200, body: CurrentSession } },
  signIn: { method: 'POST', path: '/api/v1/session', summary: 'Sign in with email and password.', auth: false, body: SignIn, success: { status: 200, body: Me }, extraErrors: [429] },
  signOut: { method: 'DELETE', path: '/api/v1/session', summary: 'Sign out (ends this session).', auth: false, success: { status: 204, body: null } },
  signOutEverywhere: { method: 'DELETE', path: '/api/v1/sessions', summary: 'Sign out everywhere: ends every session of this account, on every device.', auth: true, success: { status: 204, body: null } , who: 'either' },
  addCredentials: { method: 'POST', path: '/api/v1/account/credentials', summary: 'Add an email and password to a guest account, or change them (the current password is then needed). Ends every other session.', auth: true, body: Credentials, success: { status: 200, body: Me } , extraErrors: [409, 429] , who: 'either' },
  me: { method: 'GET', path: '/api/v1/me', summary: 'The signed-in account.', auth: true, success: { status: 200, body: Me } , who: 'either' },
  exportAccount: { method: 'GET', path: '/api/v1/account/export', summary: 'All your data as JSON: your account, preferences and every record of every episode.', auth: true, success: { status: 200, body: AccountExport } , who: 'either' },
  deleteAccount: { method: 'DELETE', path: '/api/v1/account', summary: 'Delete your account and everything in it, on this server, for good. Every session ends.', auth: true, success: { status: 204, body: null } , who: 'either' },
  putEpisode: { method: 'PUT', path: '/api/v1/episodes/:id', summary: 'Create or replace an episode (id made by the app); the safety answers are triaged.', auth: true, params: IdParams, body: EpisodePut, success: { status: 200, body: Episode } },
  listEpisodes: { method: 'GET', path: '/api/v1/episodes', summary: 'Your episodes, newest first.', auth: true, success: { status: 200, body: z.array(Episode) } , who: 'either' },
  getEpisode: { method: 'GET', path: '/api/v1/episodes/:id', summary: 'One episode.', auth: true, params: IdParams, success: { status: 200, body: Episode } , therapist: 'view' },
  putClinicianCheck: { method: 'PUT', path: '/api/v1/episodes/:id/clinician-check', summary: 'Record that a clinician has seen you (resumes paused sessions).', auth: true, params: IdParams, body: ClinicianCheckPut, success: { status: 200, body: Episode } },
  putCheckIn: { method: 'PUT', path: '/api/v1/episodes/:id/check-ins/:checkInId', summary: 'Create or replace a daily check-in (id made by the app).', auth: true, params: CheckInIdParams, body: CheckInPut, success: { status: 200, body: CheckIn } },
  listCheckIns: { method: 'GET', path: '/api/v1/episodes/:id/check-ins', summary: 'Check-ins of an episode, oldest first.', auth: true, params: IdParams, success: { status: 200, body: z.array(CheckIn) } , therapist: 'view' },
  today: { method: 'GET', path: '/api/v1/episodes/:id/today', summary: "Today's stage and plan, with the reasons.", auth: true, params: IdParams, success: { status: 200, body: Today } , therapist: 'view' },
  planForDate: { method: 'GET', path: '/api/v1/episodes/:id/plan', summary: 'The plan for a date, computed only from what was logged up to that day.', auth: true, params: IdParams, query: PlanQuery, success: { status: 200, body: PlanResponse } },
  putMuscleNote: { method: 'PUT', path: '/api/v1/episodes/:id/muscle-notes/:noteId', summary: 'Note a muscle that feels weak or tight (id made by the app).', auth: true, params: MuscleNoteIdParams, body: MuscleNotePut, success: { status: 200, body: MuscleNote } },
  deleteMuscleNote: { method: 'DELETE', path: '/api/v1/episodes/:id/muscle-notes/:noteId', summary: 'Remove a muscle note.', auth: true, params: MuscleNoteIdParams, success: { status: 204, body: null } },
  listMuscleNotes: { method: 'GET', path: '/api/v1/episodes/:id/muscle-notes', summary: 'Muscle notes of an episode.', auth: true, params: IdParams, success: { status: 200, body: z.array(MuscleNote) } , therapist: 'view' },
  getPreferences: { method: 'GET', path: '/api/v1/preferences', summary: 'Your exercise style(s) and session length.', auth: true, success: { status: 200, body: PreferencesBody } },
  putPreferences: { method: 'PUT', path: '/api/v1/preferences', summary: 'Set your exercise style(s) and session length.', auth: true, body: PreferencesPut, success: { status: 200, body: PreferencesBody } },
  putSession: { method: 'PUT', path: '/api/v1/episodes/:id/sessions/:sessionId', summary: 'Record a guided session (id made by the app). Accepted while sessions are paused, since it happened; the plan still offers none.', auth: true, params: SessionIdParams, body: SessionLogPut, success: { status: 200, body: SessionLog } },
  listSessions: { method: 'GET', path: '/api/v1/episodes/:id/sessions', summary: 'Guided sessions of an episode, oldest first.', auth: true, params: IdParams, success: { status: 200, body: z.array(SessionLog) } , therapist: 'view' },
  putPostureCheck: { method: 'PUT', path: '/api/v1/episodes/:id/posture-checks/:checkId', summary: 'Record a posture check made with the camera on the device: its score and the cues given, never an image (id made by the app).', auth: true, params: PostureCheckIdParams, body: PostureCheckPut, success: { status: 200, body: PostureCheck } },
  listPostureChecks: { method: 'GET', path: '/api/v1/episodes/:id/posture-checks', summary: 'Posture checks of an episode, oldest first.', auth: true, params: IdParams, success: { status: 200, body: z.array(PostureCheck) } },
  putMovement: { method: 'PUT', path: '/api/v1/episodes/:id/movements/:eventId', summary: 'Record a walk, a stand-up break or a lie-flat rest (id made by the app).', auth: true, params: MovementIdParams, body: MovementPut, success: { status: 200, body: Movement } },
  deleteMovement: { method: 'DELETE', path: '/api/v1/episodes/:id/movements/:eventId', summary: 'Take back a walk, break or rest logged by mistake (answers 204 whether or not it had arrived).', auth: true, params: MovementIdParams, success: { status: 204, body: null } },
  listMovements: { method: 'GET', path: '/api/v1/episodes/:id/movements', summary: 'Walks, breaks and rests of an episode, oldest first.', auth: true, params: IdParams, success: { status: 200, body: z.array(Movement) } },
  putComfort: { method: 'PUT', path: '/api/v1/episodes/:id/comfort/:logId', summary: 'Record what helped you move: a tablet, cream, patch, heat or cold (id made by the app). Logged, never suggested.', auth: true, params: ComfortIdParams, body: ComfortPut, success: { status: 200, body: Comfort } },
  listComfort: { method: 'GET', path: '/api/v1/episodes/:id/comfort', summary: 'Comfort entries of an episode, oldest first, each with any daily-maximum warning.', auth: true, params: IdParams, success: { status: 200, body: z.array(Comfort) } },
  putFunctionGoal: { method: 'PUT', path: '/api/v1/episodes/:id/function-goals/:goalId', summary: 'Name (or rename) an activity your back stops or limits, in your own words; up to five (id made by the app).', auth: true, params: FunctionGoalIdParams, body: FunctionGoalPut, success: { status: 200, body: FunctionGoal } },
  putFunctionRating: { method: 'PUT', path: '/api/v1/episodes/:id/function-goals/:goalId/ratings/:date', summary: 'Rate an activity for a day: 0 unable, 10 as before (one rating per day; a second replaces it).', auth: true, params: FunctionRatingParams, body: FunctionRatingPut, success: { status: 200, body: FunctionGoal } },
  listFunctionGoals: { method: 'GET', path: '/api/v1/episodes/:id/function-goals', summary: 'Your activities and their ratings over time.', auth: true, params: IdParams, success: { status: 200, body: z.array(FunctionGoal) } },
  progress: { method: 'GET', path: '/api/v1/episodes/:id/progress', summary: 'Your progress: pain, function, activity, stages, the body map over time, and how recovery usually goes.', auth: true, params: IdParams, success: { status: 200, body: Progress } , therapist: 'view' },
  exportFhir: { method: 'GET', path: '/api/v1/episodes/:id/export/fhir', summary: 'An episode as a FHIR R4 Bundle (collection): Patient, Condition, pain Observations, function QuestionnaireResponses, sessions, walks, safety results, and a CarePlan of the changes a linked therapist made to the plan (still in force).', auth: true, params: IdParams, success: { status: 200, body: FhirBundle } },
  exportPdf: { method: 'GET', path: '/api/v1/episodes/:id/export/pdf', summary: 'An episode as a PDF report for a clinician: safety results, pain and function charts, body maps by week, what helped, the current plan and the changes a linked therapist made to it (still in force).', auth: true, params: IdParams, success: { status: 200, body: null, file: { contentType: 'application/pdf' } } },
  listExercises: { method: 'GET', path: '/api/v1/exercises', summary: 'The exercise catalogue, optionally filtered by style, position, stage or muscle.', auth: false, query: ExerciseQuery, success: { status: 200, body: z.array(Exercise) } },
  getExercise: { method: 'GET', path: '/api/v1/exercises/:exerciseId', summary: 'One exercise.', auth: false, params: ExerciseIdParams, success: { status: 200, body: Exercise } },
  pushKey: { method: 'GET', path: '/api/v1/push/key', summary: "The server's VAPID public key (base64url), for the browser's push subscription.", auth: false, success: { status: 200, body: PushKey } },
  putPushSubscription: { method: 'PUT', path: '/api/v1/push/subscriptions/:id', summary: "Store this device's push subscription (PushSubscription.toJSON(); id made by the app, one per device). The endpoint must be an https address of a push service: a host that is, or resolves to, this machine or a private network is refused.", auth: true, params: PushSubscriptionIdParams, body: PushSubscriptionPut, success: { status: 200, body: PushDevice }, ownId: true, who: 'either' },
  changePushSubscription: { method: 'POST', path: '/api/v1/push/subscription-changes', summary: "The browser replaced a device's push subscription (the service worker's pushsubscriptionchange): the device that had oldEndpoint gets the new subscription, under the same id, and the old endpoint is dropped. The new endpoint follows the same rules as a stored one. 404 when none of your devices has oldEndpoint (and none has the new one already, as after a retry).", auth: true, body: PushSubscriptionChange, success: { status: 200, body: PushDevice }, ownInBody: true, who: 'either' },
  deletePushSubscription: { method: 'DELETE', path: '/api/v1/push/subscriptions/:id', summary: 'Stop reminders reaching this device (answers 204 whether or not it was stored).', auth: true, params: PushSubscriptionIdParams, success: { status: 204, body: null }, ownId: true, who: 'either' },
  listPushSubscriptions: { method: 'GET', path: '/api/v1/push/subscriptions', summary: 'The devices your reminders reach (a subscription the push service gave up on is removed).', auth: true, success: { status: 200, body: z.array(PushDevice) }, who: 'either' },
  pushTest: { method: 'POST', path: '/api/v1/push/test', summary: 'Send a test reminder to each of your devices; answered at once, sent just after.', auth: true, success: { status: 202, body: PushTestResult } },
  getReminderSettings: { method: 'GET', path: '/api/v1/reminder-settings', summary: 'Your reminder settings: quiet hours, stand-up interval, daily check-in and weekly activity reminders.', auth: true, success: { status: 200, body: ReminderSettings } },
  putReminderSettings: { method: 'PUT', path: '/api/v1/reminder-settings', summary: 'Set your reminder settings; the next check-in and activity reminders are scheduled from them.', auth: true, body: ReminderSettings, success: { status: 200, body: ReminderSettings } },
  putSitting: { method: 'PUT', path: '/api/v1/episodes/:id/sitting', summary: "I'm sitting down: schedules the stand-up reminder from the stage's interval (or yours), after any quiet hours.", auth: true, params: IdParams, body: SittingPut, success: { status: 200, body: Sitting } },
  snoozeSitting: { method: 'POST', path: '/api/v1/episodes/:id/sitting/snooze', summary: 'Snooze the stand-up reminder 10 minutes, once per sitting (a second snooze leaves it as it is).', auth: true, params: IdParams, success: { status: 200, body: Sitting } },
  deleteSitting: { method: 'DELETE', path: '/api/v1/episodes/:id/sitting', summary: "I'm up: ends the sitting and its reminder.", auth: true, params: IdParams, success: { status: 204, body: null } },
  remindersCalendar: { method: 'GET', path: '/api/v1/episodes/:id/reminders.ics', summary: 'A calendar file (text/calendar) with the daily check-in and the walk goals as repeating events.', auth: true, params: IdParams, success: { status: 200, body: Calendar, contentType: 'text/calendar' } },
  createTherapist: { method: 'POST', path: '/api/v1/therapists', summary: 'Sign up as a therapist (email, password and the name the people you follow see) and sign in.', auth: false, body: TherapistSignUp, success: { status: 201, body: Me }, extraErrors: [409, 429] },
  putInvite: { method: 'PUT', path: '/api/v1/invites/:id', summary: 'Invite your therapist (id made by the app): a code and a link, valid 7 days, with what they may do (view your progress, adjust your plan). Sending it again makes a new code.', auth: true, params: IdParams, body: InvitePut, success: { status: 200, body: Invite } },
  redeemInvite: { method: 'POST', path: '/api/v1/invites/redeem', summary: "A therapist redeems a person's invite code: the link to that person (a code works once, for 7 days).", auth: true, who: 'therapist', body: InviteRedeem, success: { status: 200, body: Link }, extraErrors: [429] },
  listLinks: { method: 'GET', path: '/api/v1/links', summary: "Your links: a person's therapists, or a therapist's people, with the scopes given.", auth: true, who: 'either', success: { status: 200, body: z.array(Link) } },
  deleteLink: { method: 'DELETE', path: '/api/v1/links/:id', summary: 'End a link, from either side; the therapist loses access at once.', auth: true, who: 'either', params: IdParams, success: { status: 204, body: null } },
  therapistPeople: { method: 'GET', path: '/api/v1/therapist/people', summary: "A therapist's dashboard: each linked person, their latest check-in and flags worth a look this week.", auth: true, who: 'therapist', success: { status: 200, body: z.array(PersonRow) } },
  accessLog: { method: 'GET', path: '/api/v1/episodes/:id/access-log', summary: 'What your therapists viewed and changed, and when, newest first.', auth: true, params: IdParams, success: { status: 200, body: z.array(AccessEntry) } },
  listPlanEdits: { method: 'GET', path: '/api/v1/episodes/:id/plan-edits', summary: "Your therapist's changes to your plan that are in force, each in words.", auth: true, params: IdParams, therapist: 'view', success: { status: 200, body: z.array(PlanEdit) } },
  putPlanEdit: { method: 'PUT', path: '/api/v1/episodes/:id/plan-edits/:editId', summary: "A therapist with the plan scope changes the person's plan (id made by the app): hide or pin an exercise, a muscle note, session length and style, or a note.", auth: true, who: 'therapist', therapist: 'plan', params: PlanEditIdParams, body: PlanEditPut, success: { status: 200, body: PlanEdit } },
  deletePlanEdit: { method: 'DELETE', path: '/api/v1/episodes/:id/plan-edits/:editId', summary: "Undo a therapist's change to your plan (the person, or the therapist with the plan scope).", auth: true, params: PlanEditIdParams, therapist: 'plan', success: { status: 204, body: null } },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
export { ErrorBody };
