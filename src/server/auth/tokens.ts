import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'unclench_session';
/** A session ends 180 days after sign-in, however often it is used. */
export const SESSION_DAYS = 180;
/** A session unused for 30 days ends. */
export const SESSION_IDLE_DAYS = 30;
/** Sessions kept per person; signing in once more ends the least recently used. */
export const MAX_SESSIONS_PER_PERSON = 10;
/** How stale a session's "last used" may get before a request refreshes it (saves a write per request). */
export const SESSION_TOUCH_MS = 5 * 60_000;

/** A random session token for the cookie; only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
