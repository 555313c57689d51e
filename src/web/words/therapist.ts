/** Words for sharing with a therapist. Written for this project. */

export const SCOPE_WORDS = {
  view: 'See your progress',
  plan: 'Adjust your plan',
} as const;

export const SCOPE_HINTS = {
  view: 'Your check-ins, sessions, walks and the progress charts.',
  plan: 'Leave out or choose exercises, note weak or tight muscles, set session length and style, and write you a note. You see every change and can undo it.',
} as const;

/** "See your progress and adjust your plan". */
export function scopesText(scopes: readonly ('view' | 'plan')[]): string {
  const ordered = (['view', 'plan'] as const).filter((s) => scopes.includes(s));
  const words = ordered.map((s, i) => (i === 0 ? SCOPE_WORDS[s] : SCOPE_WORDS[s].toLowerCase()));
  return words.join(' and ');
}

/** "2 Dec, 10:14" in the browser's time zone. */
export function whenText(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** "Tuesday 1 December" for an instant. */
export function dayText(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(instant));
}
