/** What happened and what the person can do, by the API's stable error code. */
export const ERROR_WORDS: Record<string, string> = {
  network: 'We couldn’t reach Unclench. Check your connection, then try again.',
  unauthenticated: 'You’re signed out. Start again or sign in to carry on.',
  not_found: 'We couldn’t find that. It may have been removed.',
  rate_limited: 'That was a lot of tries in a short time. Please wait a minute, then try again.',
  validation_failed: 'Some answers need another look. You’ll find a note beside each one.',
  invalid_credentials: 'That email and password don’t match an account. Check them and try again.',
  email_taken: 'That email already belongs to an account. Try signing in with it instead.',
  body_too_large: 'That was more than Unclench can take in one go. Please shorten it and try again.',
  unavailable: 'Unclench is having trouble saving right now. Your answers are still here — please try again in a moment.',
  bad_response: 'Unclench sent back something we didn’t expect. Please try again in a moment.',
};

export const GENERIC_ERROR = 'Something went wrong on our side. Your answers are still here — please try again in a moment.';

export function errorWords(code: string): string {
  return ERROR_WORDS[code] ?? GENERIC_ERROR;
}
