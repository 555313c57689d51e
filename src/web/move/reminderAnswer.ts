/**
 * What the person chose on a reminder outside the app, as the service worker tells the page: in a message to an
 * open page, or in the address of the page it opens (`/move?reminder=stood-up&episode=…&reminderId=…`). Pure.
 */

export interface ReminderAnswer {
  action: 'stood-up' | 'snooze' | 'open';
  /** The screen a plain tap opens (a path of this app). */
  url: string;
  episodeId: string | null;
  reminderId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PATH = /^\/(?!\/)[A-Za-z0-9/_-]*$/;

const idOf = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : null);
const actionOf = (v: unknown): ReminderAnswer['action'] => (v === 'stood-up' || v === 'up' ? 'stood-up' : v === 'snooze' ? 'snooze' : 'open');
const pathOf = (v: unknown, fallback: string) => (typeof v === 'string' && PATH.test(v) ? v : fallback);

/** From the worker's message `{type: 'reminder', action, url, episodeId, reminderId}`; null for any other message. */
export function answerFromMessage(data: unknown): ReminderAnswer | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== 'reminder') return null;
  return { action: actionOf(d.action), url: pathOf(d.url, '/move'), episodeId: idOf(d.episodeId), reminderId: idOf(d.reminderId) };
}

/** From the address of a page a reminder opened; null when the address carries no answer. */
export function answerFromAddress(pathname: string, search: string): ReminderAnswer | null {
  const params = new URLSearchParams(search);
  const action = params.get('reminder');
  if (action === null) return null;
  return { action: actionOf(action), url: pathOf(pathname, '/move'), episodeId: idOf(params.get('episode')), reminderId: idOf(params.get('reminderId')) };
}
