import { randomUUID } from 'node:crypto';
import type { RouteName } from '../../contract';
import { calmAnswers } from '../../core/clinical/fixtures';
import { checkInBody, TestClient } from './api';

/** What one person has stored: an episode and one of each record in it. */
export interface World {
  email: string;
  password: string;
  episode: string;
  checkIn: string;
  note: string;
  session: string;
  movement: string;
  posture: string;
  comfort: string;
  goal: string;
  exercise: string;
  /** An invite of this person's (its code was redeemed by `spare`). */
  invite: string;
  /** This person's link to a therapist of their own, and a change that therapist made to the plan. */
  link: string;
  planEdit: string;
  /** A therapist this person linked with both scopes. */
  spare: TestClient;
  /** This person's device that reminders reach (a loopback address where nothing listens: nothing leaves the machine). */
  device: string;
  /** A second device of this person's, for the subscription change (no other sample stores its endpoint, so it stays theirs). */
  renewedDevice: string;
}

export interface Sample {
  params?: (w: World) => Record<string, string>;
  query?: (w: World) => Record<string, string>;
  body?: (w: World) => unknown;
  /** The route ends or replaces the caller's session: each caller uses a new session of their own. */
  endsSession?: true;
}

const at = '2026-11-24T08:00:00.000Z';
export const SAMPLE_BODIES = {
  episode: { onsetDate: '2026-11-20', regions: ['low-back-center'], painNow: 6, safety: calmAnswers() },
  checkIn: checkInBody(),
  note: { muscle: 'glute-max', feels: 'weak' },
  preferences: { styles: ['general'], sessionMinutes: 10 },
  session: { startedAt: at, endedAt: '2026-11-24T08:10:00.000Z', painBefore: 5, painAfter: 4, feel: 'right', exercises: [] },
  movement: { kind: 'walk', startedAt: at, minutes: 5 },
  posture: { at, view: 'side', seconds: 40, score: 80, cues: ['headForward.forward'] },
  comfort: { kind: 'heat', name: 'Hot water bottle', amount: 20, unit: 'minutes', at },
  goal: { activity: 'Put on my socks' },
  rating: { rating: 4 },
  sitting: { sittingSince: '2026-11-24T11:50:00.000Z' },
  reminderSettings: { quietHours: { start: '22:00', end: '07:00' }, intervalOverrideMinutes: null, checkInTime: '09:30', goalReminder: { weekday: 'sunday', time: '18:00' } },
} as const;

/** A subscription as the browser gives it, to an address on this machine where nothing listens (port 9, discard). */
export function samplePushSubscription(id: string) {
  return {
    endpoint: `http://127.0.0.1:9/push/${id}`,
    expirationTime: null,
    keys: { p256dh: 'BHtJyCznOYjiIS6UndHlCjomSgmGtovHUqL45mhxe9juyQwVkV-PI3-x1L51ViG861KZ7G6R8Cc0hFf8jdTOKvQ', auth: 'RVd6pKx0aiP4ugJUiYFv9Q' },
  };
}

const ep = (w: World) => ({ id: w.episode });

/**
 * One valid request for every route of the contract. The type makes a new route a compile error until it has a
 * sample here, so the authorisation matrix and the fuzz tests cover it from the day it ships.
 */
export const ROUTE_SAMPLES: Record<RouteName, Sample> = {
  health: {},
  ready: {},
  currentSession: {},
  startGuest: { body: () => ({ timeZone: 'Europe/London' }), endsSession: true },
  signIn: { body: (w) => ({ email: w.email, password: w.password }), endsSession: true },
  signOut: { endsSession: true },
  signOutEverywhere: { endsSession: true },
  addCredentials: { body: () => ({ email: `new-${randomUUID()}@example.org`, password: 'a calm long password' }), endsSession: true },
  me: {},
  exportAccount: {},
  deleteAccount: { endsSession: true },
  putEpisode: { params: ep, body: () => SAMPLE_BODIES.episode },
  listEpisodes: {},
  getEpisode: { params: ep },
  putClinicianCheck: { params: ep, body: () => ({ seenOn: '2026-11-23' }) },
  putCheckIn: { params: (w) => ({ id: w.episode, checkInId: w.checkIn }), body: () => SAMPLE_BODIES.checkIn },
  listCheckIns: { params: ep },
  today: { params: ep },
  planForDate: { params: ep, query: () => ({ date: '2026-11-24' }) },
  putMuscleNote: { params: (w) => ({ id: w.episode, noteId: w.note }), body: () => SAMPLE_BODIES.note },
  deleteMuscleNote: { params: (w) => ({ id: w.episode, noteId: w.note }) },
  listMuscleNotes: { params: ep },
  getPreferences: {},
  putPreferences: { body: () => SAMPLE_BODIES.preferences },
  putSession: { params: (w) => ({ id: w.episode, sessionId: w.session }), body: () => SAMPLE_BODIES.session },
  listSessions: { params: ep },
  putPostureCheck: { params: (w) => ({ id: w.episode, checkId: w.posture }), body: () => SAMPLE_BODIES.posture },
  listPostureChecks: { params: ep },
  putMovement: { params: (w) => ({ id: w.episode, eventId: w.movement }), body: () => SAMPLE_BODIES.movement },
  deleteMovement: { params: (w) => ({ id: w.episode, eventId: w.movement }) },
  listMovements: { params: ep },
  putComfort: { params: (w) => ({ id: w.episode, logId: w.comfort }), body: () => SAMPLE_BODIES.comfort },
  listComfort: { params: ep },
  putFunctionGoal: { params: (w) => ({ id: w.episode, goalId: w.goal }), body: () => SAMPLE_BODIES.goal },
  putFunctionRating: { params: (w) => ({ id: w.episode, goalId: w.goal, date: '2026-11-23' }), body: () => SAMPLE_BODIES.rating },
  listFunctionGoals: { params: ep },
  progress: { params: ep },
  exportFhir: { params: ep },
  exportPdf: { params: ep },
  listExercises: { query: () => ({ style: 'general' }) },
  getExercise: { params: (w) => ({ exerciseId: w.exercise }) },
  pushKey: {},
  putPushSubscription: { params: (w) => ({ id: w.device }), body: (w) => samplePushSubscription(w.device) },
  // The same endpoint in and out: the owner's device keeps it, so the change can be sent again and again.
  changePushSubscription: { body: (w) => ({ oldEndpoint: samplePushSubscription(w.renewedDevice).endpoint, subscription: samplePushSubscription(w.renewedDevice) }) },
  deletePushSubscription: { params: (w) => ({ id: w.device }) },
  listPushSubscriptions: {},
  pushTest: {},
  getReminderSettings: {},
  putReminderSettings: { body: () => SAMPLE_BODIES.reminderSettings },
  putSitting: { params: ep, body: () => SAMPLE_BODIES.sitting },
  snoozeSitting: { params: ep },
  deleteSitting: { params: ep },
  remindersCalendar: { params: ep },
  createTherapist: { body: () => ({ email: `therapist-${randomUUID()}@example.org`, password: 'a calm long password', name: 'Alex Moreno' }), endsSession: true },
  putInvite: { params: (w) => ({ id: w.invite }), body: () => ({ scopes: ['view'] }) },
  redeemInvite: { body: () => ({ code: 'ABCD-EFGH' }) },
  listLinks: {},
  deleteLink: { params: (w) => ({ id: w.link }) },
  therapistPeople: {},
  accessLog: { params: ep },
  listPlanEdits: { params: ep },
  putPlanEdit: { params: (w) => ({ id: w.episode, editId: w.planEdit }), body: (w) => ({ kind: 'hide', exerciseId: w.exercise }) },
  deletePlanEdit: { params: (w) => ({ id: w.episode, editId: w.planEdit }) },
};

/** Links `therapist` to `person` through an invite with `scopes`; returns the link id. */
export async function linkTherapist(person: TestClient, therapist: TestClient, scopes: ('view' | 'plan')[] = ['view', 'plan'], inviteId: string = randomUUID()): Promise<string> {
  const invite = await person.put(`/api/v1/invites/${inviteId}`, { scopes });
  if (invite.statusCode !== 200) throw new Error(`invite: ${invite.statusCode} ${invite.body}`);
  const redeemed = await therapist.post('/api/v1/invites/redeem', { code: (invite.json() as { code: string }).code });
  if (redeemed.statusCode !== 200) throw new Error(`redeem: ${redeemed.statusCode} ${redeemed.body}`);
  return (redeemed.json() as { id: string }).id;
}

/**
 * A physical therapist of `person`'s, named `name`, makes three changes to the plan of `episodeId`: leaves Cat and
 * camel out, notes tight hip flexors and writes `note`. Answers the therapist (to make more changes with).
 */
export async function therapistChanges(person: TestClient, episodeId: string, name: string, note: string): Promise<TestClient> {
  const therapist = await new TestClient(person.app).signUpTherapist(name);
  await linkTherapist(person, therapist, ['view', 'plan']);
  const changes = [{ kind: 'hide', exerciseId: 'cat-cow' }, { kind: 'muscle', muscle: 'hip-flexors', feels: 'tight' }, { kind: 'note', text: note }];
  for (const body of changes) {
    const res = await therapist.put(`/api/v1/episodes/${episodeId}/plan-edits/${randomUUID()}`, body);
    if (res.statusCode !== 200) throw new Error(`plan edit: ${res.statusCode} ${res.body}`);
  }
  return therapist;
}

/** The URL of a route for a sample: params filled in, query appended. */
export function urlOf(path: string, params: Record<string, string> = {}, query: Record<string, string> = {}): string {
  const filled = path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
  const search = new URLSearchParams(query).toString();
  return search ? `${filled}?${search}` : filled;
}

/** Gives `person` a signed-up account and one of every record, through the API itself. */
export async function buildWorld(person: TestClient): Promise<World> {
  const email = `owner-${randomUUID()}@example.org`;
  const password = 'the owner long password';
  const up = await person.post('/api/v1/account/credentials', { email, password });
  if (up.statusCode !== 200) throw new Error(`credentials: ${up.statusCode} ${up.body}`);
  const exercises = (await person.get('/api/v1/exercises')).json() as { id: string }[];
  const world: World = {
    email,
    password,
    episode: randomUUID(),
    checkIn: randomUUID(),
    note: randomUUID(),
    session: randomUUID(),
    movement: randomUUID(),
    posture: randomUUID(),
    comfort: randomUUID(),
    goal: randomUUID(),
    exercise: exercises[0]?.id ?? 'none',
    invite: randomUUID(),
    link: '',
    planEdit: randomUUID(),
    spare: await new TestClient(person.app).signUpTherapist(),
    device: randomUUID(),
    renewedDevice: randomUUID(),
  };
  const base = `/api/v1/episodes/${world.episode}`;
  const writes: [string, unknown][] = [
    [base, SAMPLE_BODIES.episode],
    [`${base}/check-ins/${world.checkIn}`, SAMPLE_BODIES.checkIn],
    [`${base}/muscle-notes/${world.note}`, SAMPLE_BODIES.note],
    [`${base}/sessions/${world.session}`, SAMPLE_BODIES.session],
    [`${base}/movements/${world.movement}`, SAMPLE_BODIES.movement],
    [`${base}/posture-checks/${world.posture}`, SAMPLE_BODIES.posture],
    [`${base}/comfort/${world.comfort}`, SAMPLE_BODIES.comfort],
    [`${base}/function-goals/${world.goal}`, SAMPLE_BODIES.goal],
    [`${base}/sitting`, SAMPLE_BODIES.sitting],
    [`/api/v1/push/subscriptions/${world.device}`, samplePushSubscription(world.device)],
    [`/api/v1/push/subscriptions/${world.renewedDevice}`, samplePushSubscription(world.renewedDevice)],
  ];
  for (const [url, body] of writes) {
    const res = await person.put(url, body);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  }
  world.link = await linkTherapist(person, world.spare, ['view', 'plan'], world.invite);
  const edit = await world.spare.put(`${base}/plan-edits/${world.planEdit}`, { kind: 'pin', exerciseId: world.exercise });
  if (edit.statusCode !== 200) throw new Error(`plan edit: ${edit.statusCode} ${edit.body}`);
  return world;
}
