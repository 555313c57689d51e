import { describe, expect, it } from 'vitest';
import { answerFromAddress, answerFromMessage } from './reminderAnswer';

const EPISODE = '0b7c3f7e-6a55-4f1b-9a39-3f1f0b1c2d3e';
const REMINDER = '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';

describe('what the person chose on a reminder outside the app', () => {
  it('reads the worker’s message, with the ids the buttons need', () => {
    expect(answerFromMessage({ type: 'reminder', action: 'stood-up', url: '/move', episodeId: EPISODE, reminderId: REMINDER })).toEqual({ action: 'stood-up', url: '/move', episodeId: EPISODE, reminderId: REMINDER });
    expect(answerFromMessage({ type: 'reminder', action: 'snooze', url: '/move', episodeId: EPISODE })).toMatchObject({ action: 'snooze', reminderId: null });
    // The reminders the page shows itself say "up".
    expect(answerFromMessage({ type: 'reminder', action: 'up' })).toEqual({ action: 'stood-up', url: '/move', episodeId: null, reminderId: null });
  });

  it('treats anything else as a plain tap, and never leads outside the app', () => {
    expect(answerFromMessage({ type: 'reminder', action: '', url: '/check-in' })).toMatchObject({ action: 'open', url: '/check-in' });
    expect(answerFromMessage({ type: 'reminder', action: 'delete-everything', url: '//evil.example/x' })).toMatchObject({ action: 'open', url: '/move' });
    expect(answerFromMessage({ type: 'reminder', url: 'https://evil.example/' })).toMatchObject({ url: '/move' });
    expect(answerFromMessage({ type: 'reminder', episodeId: 'not-an-id', reminderId: 42 })).toMatchObject({ episodeId: null, reminderId: null });
    expect(answerFromMessage({ type: 'precache' })).toBeNull();
    expect(answerFromMessage('reminder')).toBeNull();
  });

  it('reads the address of a page a reminder opened', () => {
    expect(answerFromAddress('/move', `?reminder=stood-up&episode=${EPISODE}&reminderId=${REMINDER}`)).toEqual({ action: 'stood-up', url: '/move', episodeId: EPISODE, reminderId: REMINDER });
    expect(answerFromAddress('/move', '?reminder=snooze')).toMatchObject({ action: 'snooze', episodeId: null });
    expect(answerFromAddress('/move', '')).toBeNull();
    expect(answerFromAddress('/move', '?other=1')).toBeNull();
  });
});
