import type { z } from 'zod';
import type {
  CheckIn,
  CheckInPut,
  Comfort,
  Credentials,
  Episode,
  EpisodePut,
  Exercise,
  ExerciseQuery,
  FunctionGoal,
  Me,
  Movement,
  MuscleNote,
  MuscleNotePut,
  PlanResponse,
  PreferencesBody,
  Progress,
  PushSubscriptionPut,
  ReminderSettings,
  ROUTES,
  RouteName,
  SessionLog,
  SessionLogPut,
  SignIn,
  Today,
  TherapistSignUp,
  InvitePut,
  Invite,
  Link,
  PersonRow,
  AccessEntry,
  PlanEdit,
  PlanEditPut,
} from '../../contract';
import { ENDPOINTS } from './endpoints';
import { apiPath } from './paths';
import { dropBootAnswers, takeBootAnswer } from './boot';

/**
 * A typed fetch client for the Unclench API. The types come from the contract; the server validates every request
 * and response with its zod schemas, so the browser only checks that a reply is the JSON it asked for (and reads
 * error bodies with a small check of its own) instead of loading zod on the first screen.
 */

/** Fired on window when an authenticated call answers 401. */
export const SIGNED_OUT_EVENT = 'unclench:signed-out';

export type Issue = { path: string; rule: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** `?a=1&b=2` from the defined values of a query object, or '' when there are none. */
function searchOf(query: Record<string, string | undefined> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** What an endpoint answers, as the contract describes it (undefined for a 204). */
type ReplyOf<N extends RouteName> = (typeof ROUTES)[N]['success']['body'] extends z.ZodType<infer T> ? T : undefined;

let inFlight = 0;
let lastSettledAt = 0;
let writesStarted = 0;

/** How many writes (any method but GET) this client has begun: a read begun before the latest write may be stale. */
export function writesBegun(): number {
  return writesStarted;
}

/**
 * Resolves once no request of this client has been in flight for `ms`: background reads (filling the offline
 * cache) wait for it, so on a slow phone they do not compete with the reads the screen is drawn from.
 */
export function whenApiQuiet(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const quietFor = performance.now() - lastSettledAt;
      if (inFlight === 0 && quietFor >= ms) resolve();
      else window.setTimeout(check, inFlight === 0 ? ms - quietFor : ms);
    };
    check();
  });
}

async function call<N extends RouteName>(name: N, opts: { params?: Record<string, string>; query?: Record<string, string | undefined>; body?: unknown } = {}): Promise<ReplyOf<N>> {
  if (ENDPOINTS[name].method === 'GET') {
    const answer = takeBootAnswer(apiPath(name, opts.params) + searchOf(opts.query));
    if (answer !== undefined) return answer as ReplyOf<N>;
  } else {
    dropBootAnswers();
  }
  inFlight += 1;
  if (ENDPOINTS[name].method !== 'GET') writesStarted += 1;
  try {
    return await request(name, opts);
  } finally {
    inFlight -= 1;
    lastSettledAt = performance.now();
  }
}

async function request<N extends RouteName>(name: N, opts: { params?: Record<string, string>; query?: Record<string, string | undefined>; body?: unknown }): Promise<ReplyOf<N>> {
  const route = ENDPOINTS[name];
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiPath(name, opts.params) + searchOf(opts.query), {
      method: route.method,
      credentials: 'same-origin',
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The request did not reach the server.');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    // A session that ended (expired, or signed out elsewhere) takes the person back to the start, calmly.
    if (res.status === 401 && route.auth) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    const error = errorBody(data);
    if (error) throw new ApiError(res.status, error.code, error.message, error.issues);
    throw new ApiError(res.status, res.status === 429 ? 'rate_limited' : res.status === 401 ? 'unauthenticated' : 'server', `HTTP ${res.status}`);
  }
  if (route.reply === 'none') return undefined as ReplyOf<N>;
  // Not our JSON (a proxy's page, an empty reply): say so rather than show a broken screen.
  if (typeof data !== 'object' || data === null) throw new ApiError(res.status, 'bad_response', `Unexpected response from ${route.method} ${route.path}`);
  return data as ReplyOf<N>;
}

/** The API's error body (`{"error":{"code","message","issues"?}}`), or null for anything else. */
function errorBody(data: unknown): { code: string; message: string; issues: Issue[] } | null {
  if (!isRecord(data) || !isRecord(data.error)) return null;
  const { code, message, issues } = data.error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  const wellFormed = (i: unknown): i is Issue => isRecord(i) && typeof i.path === 'string' && typeof i.rule === 'string' && typeof i.message === 'string';
  return { code, message, issues: Array.isArray(issues) ? issues.filter(wellFormed) : [] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type MeT = z.infer<typeof Me>;
export type EpisodeT = z.infer<typeof Episode>;
export type CheckInT = z.infer<typeof CheckIn>;
export type TodayT = z.infer<typeof Today>;
export type EpisodeBody = z.infer<typeof EpisodePut>;
export type CheckInBody = z.infer<typeof CheckInPut>;
export type CredentialsBody = z.infer<typeof Credentials>;
export type SignInBody = z.infer<typeof SignIn>;
export type TriageT = EpisodeT['triage'];
export type ExerciseT = z.infer<typeof Exercise>;
export type ExerciseQueryT = z.infer<typeof ExerciseQuery>;
export type PreferencesT = z.infer<typeof PreferencesBody>;
export type MuscleNoteT = z.infer<typeof MuscleNote>;
export type MuscleNoteBody = z.infer<typeof MuscleNotePut>;
export type PlanResponseT = z.infer<typeof PlanResponse>;
export type PlanItemT = TodayT['plan'][number];
export type ReasonT = TodayT['reasons'][number];
/** A full set of safety answers (a check-in's re-screen). */
export type SafetyAnswersT = NonNullable<CheckInT['safety']>;
/** Safety answers as far as they go (an episode's start may stop at an emergency sign). */
export type PartialSafetyAnswersT = EpisodeT['safety'];

export type SessionLogT = z.infer<typeof SessionLog>;
export type SessionLogBody = z.infer<typeof SessionLogPut>;
export type MovementT = z.infer<typeof Movement>;
export type ComfortT = z.infer<typeof Comfort>;
export type FunctionGoalT = z.infer<typeof FunctionGoal>;
export type ProgressT = z.infer<typeof Progress>;
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionPut>;
export type ReminderSettingsT = z.infer<typeof ReminderSettings>;
export type TherapistSignUpBody = z.infer<typeof TherapistSignUp>;
export type InviteBody = z.infer<typeof InvitePut>;
export type InviteT = z.infer<typeof Invite>;
export type LinkT = z.infer<typeof Link>;
export type PersonRowT = z.infer<typeof PersonRow>;
export type AccessEntryT = z.infer<typeof AccessEntry>;
export type PlanEditT = z.infer<typeof PlanEdit>;
export type PlanEditBody = z.input<typeof PlanEditPut>;

export const api = {
  startGuest: (timeZone: string | undefined) => call('startGuest', { body: timeZone ? { timeZone } : {} }),
  signIn: (body: SignInBody) => call('signIn', { body }),
  signOut: () => call('signOut'),
  signOutEverywhere: () => call('signOutEverywhere'),
  addCredentials: (body: CredentialsBody) => call('addCredentials', { body }),
  me: () => call('me'),
  currentSession: () => call('currentSession'),
  deleteAccount: () => call('deleteAccount'),
  putEpisode: (id: string, body: EpisodeBody) => call('putEpisode', { params: { id }, body }),
  listEpisodes: () => call('listEpisodes'),
  getEpisode: (id: string) => call('getEpisode', { params: { id } }),
  putClinicianCheck: (id: string, seenOn: string) => call('putClinicianCheck', { params: { id }, body: { seenOn } }),
  putCheckIn: (id: string, checkInId: string, body: CheckInBody) => call('putCheckIn', { params: { id, checkInId }, body }),
  listCheckIns: (id: string) => call('listCheckIns', { params: { id } }),
  today: (id: string) => call('today', { params: { id } }),
  planForDate: (id: string, date: string) => call('planForDate', { params: { id }, query: { date } }),
  getPreferences: () => call('getPreferences'),
  putPreferences: (body: PreferencesT) => call('putPreferences', { body }),
  listMuscleNotes: (id: string) => call('listMuscleNotes', { params: { id } }),
  putMuscleNote: (id: string, noteId: string, body: MuscleNoteBody) => call('putMuscleNote', { params: { id, noteId }, body }),
  deleteMuscleNote: (id: string, noteId: string) => call('deleteMuscleNote', { params: { id, noteId } }),
  listExercises: (query: ExerciseQueryT = {}) => call('listExercises', { query }),
  getExercise: (exerciseId: string) => call('getExercise', { params: { exerciseId } }),
  putSession: (id: string, sessionId: string, body: SessionLogBody) => call('putSession', { params: { id, sessionId }, body }),
  listSessions: (id: string) => call('listSessions', { params: { id } }),
  // Walks, breaks, rests and comfort entries are written through the outbox (offline/writes.ts); these read them.
  listMovements: (id: string) => call('listMovements', { params: { id } }),
  listComfort: (id: string) => call('listComfort', { params: { id } }),
  // Function goals (PSFS) and the Progress screen's series.
  listFunctionGoals: (id: string) => call('listFunctionGoals', { params: { id } }),
  putFunctionGoal: (id: string, goalId: string, activity: string) => call('putFunctionGoal', { params: { id, goalId }, body: { activity } }),
  putFunctionRating: (id: string, goalId: string, date: string, rating: number) => call('putFunctionRating', { params: { id, goalId, date }, body: { rating } }),
  progress: (id: string) => call('progress', { params: { id } }),
  // Reminders through Web Push, and the sitting the server schedules a stand-up reminder for.
  pushKey: () => call('pushKey'),
  putPushSubscription: (id: string, body: PushSubscriptionBody) => call('putPushSubscription', { params: { id }, body }),
  deletePushSubscription: (id: string) => call('deletePushSubscription', { params: { id } }),
  listPushSubscriptions: () => call('listPushSubscriptions'),
  pushTest: () => call('pushTest'),
  getReminderSettings: () => call('getReminderSettings'),
  putReminderSettings: (body: ReminderSettingsT) => call('putReminderSettings', { body }),
  putSitting: (id: string, sittingSince: string) => call('putSitting', { params: { id }, body: { sittingSince } }),
  snoozeSitting: (id: string) => call('snoozeSitting', { params: { id } }),
  deleteSitting: (id: string) => call('deleteSitting', { params: { id } }),
  // Sharing with a therapist, and a therapist's own calls.
  createTherapist: (body: TherapistSignUpBody) => call('createTherapist', { body }),
  putInvite: (id: string, body: InviteBody) => call('putInvite', { params: { id }, body }),
  redeemInvite: (code: string) => call('redeemInvite', { body: { code } }),
  listLinks: () => call('listLinks'),
  deleteLink: (id: string) => call('deleteLink', { params: { id } }),
  therapistPeople: () => call('therapistPeople'),
  accessLog: (id: string) => call('accessLog', { params: { id } }),
  listPlanEdits: (id: string) => call('listPlanEdits', { params: { id } }),
  putPlanEdit: (id: string, editId: string, body: PlanEditBody) => call('putPlanEdit', { params: { id, editId }, body }),
  deletePlanEdit: (id: string, editId: string) => call('deletePlanEdit', { params: { id, editId } }),
};

/** Client-side checks with the same schemas the server uses, giving the same issue shape. */
export function issuesFrom(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), rule: i.code, message: i.message }));
}
