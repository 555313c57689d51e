import { describe, expect, it } from 'vitest';
import { passwordIssues } from './passwordStrength';

const rules = (password: string, email = 'sam.rivers@example.org') => passwordIssues(password, email).map((i) => `${i.path}:${i.rule}`);

describe('password strength (server side)', () => {
  it('refuses the trivial passwords the hardening pass found: one letter ten times, ten spaces, the email itself', () => {
    expect(rules('aaaaaaaaaa')).toEqual(['password:too_simple']);
    expect(rules('          ')).toEqual(['password:too_simple']);
    expect(rules('sam.rivers@example.org')).toEqual(['password:not_email']);
    expect(rules('SAM.RIVERS@EXAMPLE.ORG')).toEqual(['password:not_email']);
    expect(rules('sam.rivers')).toEqual(['password:not_email']);
  });

  it('refuses common passwords and keyboard patterns from the dictionaries', () => {
    for (const p of ['password123', '1234567890', 'qwertyuiop', 'iloveyou12', 'Password1!']) expect(rules(p), p).toEqual(['password:too_guessable']);
  });

  it('refuses a password built from the email', () => {
    expect(rules('samrivers2024', 'samrivers@example.org')).toEqual(['password:too_guessable']);
  });

  it('accepts a few unrelated words and a long random string', () => {
    for (const p of ['slow and steady wins', 'a calm long password', 'kettle orbit marigold', 'x7#Lq9!vR2@m']) expect(rules(p), p).toEqual([]);
  });

  it('says why in plain words, naming the field', () => {
    const [issue] = passwordIssues('password123', 'sam@example.org');
    expect(issue?.path).toBe('password');
    expect(issue?.message).toMatch(/too easy to guess/);
  });
});
