import { z } from 'zod';
import {
  CheckIn,
  Comfort,
  Episode,
  ErrorBody,
  Exercise,
  FunctionGoal,
  Me,
  Movement,
  MuscleNote,
  PlanResponse,
  PreferencesBody,
  Progress,
  ROUTES,
  SessionLog,
  Today,
  type CheckInPut,
  type Credentials,
  type EpisodePut,
  type ExerciseQuery,
  type MuscleNotePut,
  type RouteName,
  type SessionLogPut,
  type SignIn,
} from '../../contract';

/** A typed fetch client for the Unclench API. Every response is parsed with the contract's schema. */

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

function pathOf(name: RouteName, params: Record<string, string> = {}): string {
  return ROUTES[name].path.replace(/:(\w+)/g, (_m, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter ${key} for ${name}`);
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=2` from the defined values of a query object, or '' when there are none. */
function searchOf(query: Record<string, string | undefined> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function call<T>(
  name: RouteName,
  schema: z.ZodType<T> | null,
  opts: { params?: Record<string, string>; query?: Record<string, string | undefined>; body?: unknown } = {},
): Promise<T> {
  const route = ROUTES[name];
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(pathOf(name, opts.params) + searchOf(opts.query), {
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
    const parsed = ErrorBody.safeParse(data);
    if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues ?? []);
    throw new ApiError(res.status, res.status === 429 ? 'rate_limited' : res.status === 401 ? 'unauthenticated' : 'server', `HTTP ${res.status}`);
  }
  if (schema === null) return undefined as T;
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError(res.status, 'bad_response', `Unexpected response from ${route.method} ${route.path}`);
  return parsed.data;
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

const EpisodeList = z.array(Episode);
const CheckInList = z.array(CheckIn);
const ExerciseList = z.array(Exercise);
const MuscleNoteList = z.array(MuscleNote);
const SessionLogList = z.array(SessionLog);
export type SessionLogT = z.infer<typeof SessionLog>;
export type SessionLogBody = SessionLogPut;
export type MovementT = z.infer<typeof Movement>;
export type ComfortT = z.infer<typeof Comfort>;
const MovementList = z.array(Movement);
export type FunctionGoalT = z.infer<typeof FunctionGoal>;
export type ProgressT = z.infer<typeof Progress>;
const FunctionGoalList = z.array(FunctionGoal);
const ComfortList = z.array(Comfort);

export const api = {
  startGuest: (timeZone: string | undefined) => call('startGuest', Me, { body: timeZone ? { timeZone } : {} }),
  signIn: (body: SignInBody) => call('signIn', Me, { body }),
  signOut: () => call('signOut', null),
  signOutEverywhere: () => call('signOutEverywhere', null),
  addCredentials: (body: CredentialsBody) => call('addCredentials', Me, { body }),
  me: () => call('me', Me),
  deleteAccount: () => call('deleteAccount', null),
  putEpisode: (id: string, body: EpisodeBody) => call('putEpisode', Episode, { params: { id }, body }),
  listEpisodes: () => call('listEpisodes', EpisodeList),
  getEpisode: (id: string) => call('getEpisode', Episode, { params: { id } }),
  putClinicianCheck: (id: string, seenOn: string) => call('putClinicianCheck', Episode, { params: { id }, body: { seenOn } }),
  putCheckIn: (id: string, checkInId: string, body: CheckInBody) => call('putCheckIn', CheckIn, { params: { id, checkInId }, body }),
  listCheckIns: (id: string) => call('listCheckIns', CheckInList, { params: { id } }),
  today: (id: string) => call('today', Today, { params: { id } }),
  planForDate: (id: string, date: string) => call('planForDate', PlanResponse, { params: { id }, query: { date } }),
  getPreferences: () => call('getPreferences', PreferencesBody),
  putPreferences: (body: PreferencesT) => call('putPreferences', PreferencesBody, { body }),
  listMuscleNotes: (id: string) => call('listMuscleNotes', MuscleNoteList, { params: { id } }),
  putMuscleNote: (id: string, noteId: string, body: MuscleNoteBody) => call('putMuscleNote', MuscleNote, { params: { id, noteId }, body }),
  deleteMuscleNote: (id: string, noteId: string) => call('deleteMuscleNote', null, { params: { id, noteId } }),
  listExercises: (query: ExerciseQueryT = {}) => call('listExercises', ExerciseList, { query }),
  getExercise: (exerciseId: string) => call('getExercise', Exercise, { params: { exerciseId } }),
  putSession: (id: string, sessionId: string, body: SessionLogBody) => call('putSession', SessionLog, { params: { id, sessionId }, body }),
  listSessions: (id: string) => call('listSessions', SessionLogList, { params: { id } }),
  // Walks, breaks, rests and comfort entries are written through the outbox (offline/writes.ts); these read them.
  listMovements: (id: string) => call('listMovements', MovementList, { params: { id } }),
  listComfort: (id: string) => call('listComfort', ComfortList, { params: { id } }),
  // Function goals (PSFS) and the Progress screen's series.
  listFunctionGoals: (id: string) => call('listFunctionGoals', FunctionGoalList, { params: { id } }),
  putFunctionGoal: (id: string, goalId: string, activity: string) => call('putFunctionGoal', FunctionGoal, { params: { id, goalId }, body: { activity } }),
  putFunctionRating: (id: string, goalId: string, date: string, rating: number) => call('putFunctionRating', FunctionGoal, { params: { id, goalId, date }, body: { rating } }),
  progress: (id: string) => call('progress', Progress, { params: { id } }),
};

/** Client-side checks with the same schemas the server uses, giving the same issue shape. */
export function issuesFrom(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), rule: i.code, message: i.message }));
}
