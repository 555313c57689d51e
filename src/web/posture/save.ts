import type { PostureCheckPut } from '../../contract';
import { apiPath } from '../offline/entries';
import { write, type WriteResult } from '../offline/sync';

/** A posture check's result, through the outbox like every other write (kept here at once, sent when it can be). */
export function savePostureCheck(episodeId: string, checkId: string, body: PostureCheckPut): Promise<WriteResult> {
  return write({ method: 'PUT', path: apiPath('putPostureCheck', { id: episodeId, checkId }), body, label: 'Posture check' });
}

/**
 * The same write as the page goes away (another page, the tab closed): a request the browser finishes after the page
 * is gone, which the outbox's cannot promise. It is the same idempotent PUT, so sent twice it is kept once.
 */
export function sendPostureCheckOnLeave(episodeId: string, checkId: string, body: PostureCheckPut): void {
  try {
    void fetch(apiPath('putPostureCheck', { id: episodeId, checkId }), {
      method: 'PUT',
      credentials: 'same-origin',
      keepalive: true,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
  } catch {
    // Nothing more can be done as the page goes; what was saved during the check stays saved.
  }
}
