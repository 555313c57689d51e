import type { RouteName, RouteSpec } from '../../contract';

/**
 * The API's addresses as the browser needs them: method, path and whether a session is needed. The contract's
 * ROUTES carry the zod schemas the server validates with; the browser does not load those (they would be most of
 * the first screen's script). endpoints.test.ts checks this table against ROUTES, entry by entry.
 */
export type Endpoint = Pick<RouteSpec, 'method' | 'path' | 'auth'> & {
  /** 'json': the reply has a body; 'none': it answers 204. */
  reply: 'json' | 'none';
};

export const ENDPOINTS = {
  health: { method: 'GET', path: '/healthz', auth: false, reply: 'json' },
  startGuest: { method: 'POST', path: '/api/v1/session/guest', auth: false, reply: 'json' },
  signIn: { method: 'POST', path: '/api/v1/session', auth: false, reply: 'json' },
  signOut: { method: 'DELETE', path: '/api/v1/session', auth: false, reply: 'none' },
  signOutEverywhere: { method: 'DELETE', path: '/api/v1/sessions', auth: true, reply: 'none' },
  addCredentials: { method: 'POST', path: '/api/v1/account/credentials', auth: true, reply: 'json' },
  me: { method: 'GET', path: '/api/v1/me', auth: true, reply: 'json' },
  exportAccount: { method: 'GET', path: '/api/v1/account/export', auth: true, reply: 'json' },
  deleteAccount: { method: 'DELETE', path: '/api/v1/account', auth: true, reply: 'none' },
  putEpisode: { method: 'PUT', path: '/api/v1/episodes/:id', auth: true, reply: 'json' },
  listEpisodes: { method: 'GET', path: '/api/v1/episodes', auth: true, reply: 'json' },
  getEpisode: { method: 'GET', path: '/api/v1/episodes/:id', auth: true, reply: 'json' },
  putClinicianCheck: { method: 'PUT', path: '/api/v1/episodes/:id/clinician-check', auth: true, reply: 'json' },
  putCheckIn: { method: 'PUT', path: '/api/v1/episodes/:id/check-ins/:checkInId', auth: true, reply: 'json' },
  listCheckIns: { method: 'GET', path: '/api/v1/episodes/:id/check-ins', auth: true, reply: 'json' },
  today: { method: 'GET', path: '/api/v1/episodes/:id/today', auth: true, reply: 'json' },
  planForDate: { method: 'GET', path: '/api/v1/episodes/:id/plan', auth: true, reply: 'json' },
  putMuscleNote: { method: 'PUT', path: '/api/v1/episodes/:id/muscle-notes/:noteId', auth: true, reply: 'json' },
  deleteMuscleNote: { method: 'DELETE', path: '/api/v1/episodes/:id/muscle-notes/:noteId', auth: true, reply: 'none' },
  listMuscleNotes: { method: 'GET', path: '/api/v1/episodes/:id/muscle-notes', auth: true, reply: 'json' },
  getPreferences: { method: 'GET', path: '/api/v1/preferences', auth: true, reply: 'json' },
  putPreferences: { method: 'PUT', path: '/api/v1/preferences', auth: true, reply: 'json' },
  putSession: { method: 'PUT', path: '/api/v1/episodes/:id/sessions/:sessionId', auth: true, reply: 'json' },
  listSessions: { method: 'GET', path: '/api/v1/episodes/:id/sessions', auth: true, reply: 'json' },
  putMovement: { method: 'PUT', path: '/api/v1/episodes/:id/movements/:eventId', auth: true, reply: 'json' },
  deleteMovement: { method: 'DELETE', path: '/api/v1/episodes/:id/movements/:eventId', auth: true, reply: 'none' },
  listMovements: { method: 'GET', path: '/api/v1/episodes/:id/movements', auth: true, reply: 'json' },
  putComfort: { method: 'PUT', path: '/api/v1/episodes/:id/comfort/:logId', auth: true, reply: 'json' },
  listComfort: { method: 'GET', path: '/api/v1/episodes/:id/comfort', auth: true, reply: 'json' },
  putFunctionGoal: { method: 'PUT', path: '/api/v1/episodes/:id/function-goals/:goalId', auth: true, reply: 'json' },
  putFunctionRating: { method: 'PUT', path: '/api/v1/episodes/:id/function-goals/:goalId/ratings/:date', auth: true, reply: 'json' },
  listFunctionGoals: { method: 'GET', path: '/api/v1/episodes/:id/function-goals', auth: true, reply: 'json' },
  progress: { method: 'GET', path: '/api/v1/episodes/:id/progress', auth: true, reply: 'json' },
  listExercises: { method: 'GET', path: '/api/v1/exercises', auth: false, reply: 'json' },
  getExercise: { method: 'GET', path: '/api/v1/exercises/:exerciseId', auth: false, reply: 'json' },
} as const satisfies Record<RouteName, Endpoint>;

/** The path of an endpoint with its `:params` filled in (encoded). */
export function apiPath(name: RouteName, params: Record<string, string> = {}): string {
  return ENDPOINTS[name].path.replace(/:(\w+)/g, (_m, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter ${key} for ${name}`);
    return encodeURIComponent(value);
  });
}
