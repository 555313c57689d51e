import { lazy, type ComponentType } from 'react';

/**
 * Every screen is its own chunk, loaded when its path is first shown, so the first screen downloads only what it
 * draws: the catalogue, the player, the charts and the check-in's body map stay off Welcome and Today. The service
 * worker precaches every chunk (precache.json), so a screen never opened online still opens offline.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a screen's props are checked where it is rendered
function screen<K extends string, M extends Record<K, ComponentType<any>>>(load: () => Promise<M>, name: K): M[K] {
  return lazy(() => load().then((m) => ({ default: m[name] }))) as unknown as M[K];
}

export const Account = screen(() => import('./Account'), 'Account');
export const CheckIn = screen(() => import('./CheckIn'), 'CheckIn');
export const ExerciseDetail = screen(() => import('./ExerciseDetail'), 'ExerciseDetail');
export const Goals = screen(() => import('./Goals'), 'Goals');
export const History = screen(() => import('./History'), 'History');
export const Library = screen(() => import('./Library'), 'Library');
export const More = screen(() => import('./More'), 'More');
export const Move = screen(() => import('./Move'), 'Move');
export const Outcome = screen(() => import('./Outcome'), 'Outcome');
export const Player = screen(() => import('./Player'), 'Player');
export const Posture = screen(() => import('./Posture'), 'Posture');
export const Progress = screen(() => import('./Progress'), 'Progress');
export const Safety = screen(() => import('./Safety'), 'Safety');
export const Settings = screen(() => import('./Settings'), 'Settings');
export const SignIn = screen(() => import('./SignIn'), 'SignIn');
export const StartEpisode = screen(() => import('./StartEpisode'), 'StartEpisode');
export const Today = screen(() => import('./Today'), 'Today');
export const Welcome = screen(() => import('./Welcome'), 'Welcome');
export const TherapistWelcome = screen(() => import('../therapist/TherapistWelcome'), 'TherapistWelcome');
export const TherapistHome = screen(() => import('../therapist/TherapistHome'), 'TherapistHome');

/** The chunks a cold load of this path will need, fetched while the session is still being read. */
export function preloadScreen(path: string): void {
  const load = path === '/' ? () => import('./Welcome') : path === '/today' ? () => import('./Today') : null;
  // A failed preload is not an error: the screen loads (and reports) again when it is shown.
  load?.().catch(() => undefined);
}
