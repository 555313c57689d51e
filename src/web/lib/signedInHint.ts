/**
 * Whether this browser was last seen signed in as a person with episodes. The session cookie cannot be read from
 * script, so the app keeps this one flag to ask for the episodes at the same moment as "who is signed in?" rather
 * than after it (one network round trip fewer before Today). A wrong guess costs only a wasted read.
 */
const KEY = 'unclench.signedIn';

export function wasSignedIn(): boolean {
  try {
    return localStorage.getItem(KEY) === 'person';
  } catch {
    return false;
  }
}

export function rememberSignedIn(asPerson: boolean): void {
  try {
    if (asPerson) localStorage.setItem(KEY, 'person');
    else localStorage.removeItem(KEY);
  } catch {
    // Best-effort: without it the episodes are asked for after the session.
  }
}
