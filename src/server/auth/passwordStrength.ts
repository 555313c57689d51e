import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';
import type { FieldIssue } from '../errors';

/**
 * Server-side only (the dictionaries are about 1.5 MB): refuses passwords that are common, trivial or built from the
 * email. zxcvbn scores 0–4 by the guesses an attacker would need; 3 ("safely unguessable", about 10^8 guesses and
 * more) is the bar, as its authors suggest for accounts holding personal data.
 */
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({ dictionary: { ...commonWords, ...englishWords }, graphs: adjacencyGraphs, translations });
  return checker;
}

/** Issues for `password` (empty when it is fine), worded for a person: what is wrong and what works instead. */
export function passwordIssues(password: string, email: string): FieldIssue[] {
  const normalisedEmail = email.trim().toLowerCase();
  const local = normalisedEmail.split('@')[0] ?? '';
  const lowered = password.trim().toLowerCase();
  if (lowered === normalisedEmail || (local.length >= 4 && lowered === local)) {
    return [{ path: 'password', rule: 'not_email', message: 'must not be your email address; choose something only you would know' }];
  }
  if (password.trim().length === 0 || new Set(password).size <= 2) {
    return [{ path: 'password', rule: 'too_simple', message: 'is one or two characters repeated; try a few unrelated words instead' }];
  }
  const result = zxcvbn().check(password, [normalisedEmail, local]);
  if (result.score < MIN_SCORE) {
    return [{ path: 'password', rule: 'too_guessable', message: 'is too easy to guess (it is common, or built from a pattern or your email); three or four unrelated words work well' }];
  }
  return [];
}
