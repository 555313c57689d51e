import type { PostureCheckPut } from '../../contract';
import { apiPath } from '../offline/entries';
import { write, type WriteResult } from '../offline/sync';

/** A posture check's result, through the outbox like every other write (kept here at once, sent when it can be). */
export function savePostureCheck(episodeId: string, checkId: string, body: PostureCheckPut): Promise<WriteResult> {
  return write({ method: 'PUT', path: apiPath('putPostureCheck', { id: episodeId, checkId }), body, label: 'Posture check' });
}
