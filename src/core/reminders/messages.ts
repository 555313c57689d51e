import type { ReminderKind } from './schedule';

/**
 * What a reminder says on the lock screen, and nothing more: the payload sent through the push service carries only
 * this text, where a tap leads, and the ids the buttons need — never pain scores, answers or anything logged.
 */

export interface ReminderMessage {
  kind: ReminderKind;
  title: string;
  body: string;
  /** The screen a tap opens. */
  url: string;
  /** Buttons on the notification; the stand-up reminder's snooze is offered once per sitting. */
  actions: { action: 'stood-up' | 'snooze'; title: string }[];
}

export const STOOD_UP_ACTION = { action: 'stood-up', title: 'I stood up' } as const;
export const SNOOZE_ACTION = { action: 'snooze', title: 'Snooze 10 minutes' } as const;

export function reminderMessage(kind: ReminderKind, options: { snoozed?: boolean } = {}): ReminderMessage {
  switch (kind) {
    case 'stand-up':
      return {
        kind,
        title: 'Time to stand up and move',
        body: 'A minute on your feet helps the muscle let go. Stand up slowly and take a few steps.',
        url: '/move',
        actions: options.snoozed ? [STOOD_UP_ACTION] : [STOOD_UP_ACTION, SNOOZE_ACTION],
      };
    case 'check-in':
      return { kind, title: 'Your daily check-in', body: 'Thirty seconds on how your back is today, and your plan follows.', url: '/check-in', actions: [] };
    case 'function-goal':
      return { kind, title: 'A week on: rate your activities', body: 'How are the things your back made hard going? A quick rating shows how far you have come.', url: '/goals', actions: [] };
    case 'test':
      return { kind, title: 'Reminders reach this device', body: 'This is a test. Your stand-up and check-in reminders will look like this.', url: '/settings', actions: [] };
  }
}
