import { SNOOZE_ACTION, STOOD_UP_ACTION } from '../../core/reminders/messages';

/** Registers the hand-written service worker (public/sw.js, served at /sw.js) and listens to it. */

export const REMINDER_EVENT = 'unclench:reminder';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = async () => {
    try {
      await navigator.serviceWorker.register('/sw.js', { scope: '/' });
      const ready = await navigator.serviceWorker.ready;
      // Each visit online, the worker checks the build's file list, so a new build works offline too.
      if (navigator.onLine) ready.active?.postMessage({ type: 'precache' });
    } catch {
      // No service worker (a private window, an old browser): the app still works online.
    }
  };
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
  // A tap on a reminder outside the app: the worker tells the page what the person chose (see move/reminderAnswer).
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: string } | null;
    if (data?.type === 'reminder') window.dispatchEvent(new CustomEvent(REMINDER_EVENT, { detail: data }));
  });
}

/** Shows a reminder outside the app, when the person has allowed it. Answers whether it was shown. */
export async function showSystemReminder(title: string, body: string): Promise<boolean> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || !('serviceWorker' in navigator)) return false;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return false;
    await registration.showNotification(title, {
      body,
      tag: 'unclench-sit',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: '/move', kind: 'stand-up' },
      requireInteraction: true,
      actions: [STOOD_UP_ACTION, SNOOZE_ACTION],
    } as NotificationOptions);
    return true;
  } catch {
    return false;
  }
}
