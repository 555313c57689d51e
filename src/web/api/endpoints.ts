import { ROUTES, type RouteName, type RouteSpec } from '../../contract';

/**
 * The API's addresses as the browser needs them: method, path, whether a session is needed and whether the reply
 * has a body. Worked out from the contract's ROUTES, which also carry the zod schemas the server validates with;
 * the build replaces this module with the finished table (scripts/buildTimeModules.ts), so the browser does not
 * load zod for it.
 */
export type Endpoint = Pick<RouteSpec, 'method' | 'path' | 'auth'> & {
  /** 'json': the reply has a body; 'none': it answers 204. */
  reply: 'json' | 'none';
};

export const ENDPOINTS = Object.fromEntries(
  Object.entries(ROUTES).map(([name, r]: [string, RouteSpec]) => [name, { method: r.method, path: r.path, auth: r.auth, reply: r.success.body === null ? 'none' : 'json' }]),
) as Record<RouteName, Endpoint>;
