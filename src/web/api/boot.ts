/**
 * Answers the server put in the page for the first screen's reads (server/pageBoot.ts), so they need no round trip.
 * Each is taken once, by the first GET of its address; all are dropped as soon as this page makes a write (after
 * which they may be stale) or after a short while.
 */
import { BOOT_ELEMENT_ID } from '../../contract/pageBoot';

const FRESH_MS = 30_000;

let answers: Map<string, unknown> | null = null;

function read(): Map<string, unknown> {
  if (answers) return answers;
  answers = new Map();
  const element = typeof document === 'undefined' ? null : document.getElementById(BOOT_ELEMENT_ID);
  if (element) {
    try {
      const parsed = JSON.parse(element.textContent ?? '') as { reads?: Record<string, unknown> };
      for (const [url, body] of Object.entries(parsed.reads ?? {})) if (typeof body === 'object' && body !== null) answers.set(url, body);
    } catch {
      // A damaged block is no answer: the app asks the server as usual.
    }
    element.remove();
  }
  return answers;
}

/** The page's answer for a GET of this address (taken: a second GET goes to the server), or undefined. */
export function takeBootAnswer(url: string): unknown {
  const all = read();
  if (performance.now() > FRESH_MS) all.clear();
  const answer = all.get(url);
  all.delete(url);
  return answer;
}

/** A write was begun: what the page was sent with may no longer be true. */
export function dropBootAnswers(): void {
  read().clear();
}
