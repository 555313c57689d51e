import { api, type ReminderSettingsT } from '../api/client';
import type { ReminderPrefs } from './reminderPrefs';

/**
 * The stand-up interval and quiet hours chosen here, given to the server too, so a reminder it sends to a closed
 * phone keeps the same times (and never comes in the quiet hours). The server's other reminder settings (the daily
 * check-in and weekly activity reminders) are kept as they are. Answers whether the server has them.
 */
export async function giveServerPrefs(prefs: ReminderPrefs): Promise<boolean> {
  try {
    const current = await api.getReminderSettings();
    const next: ReminderSettingsT = { ...current, quietHours: prefs.quietHours, intervalOverrideMinutes: prefs.intervalOverrideMinutes as ReminderSettingsT['intervalOverrideMinutes'] };
    if (sameStandUpSettings(current, next)) return true;
    await api.putReminderSettings(next);
    return true;
  } catch {
    return false;
  }
}

function sameStandUpSettings(a: ReminderSettingsT, b: ReminderSettingsT): boolean {
  return a.intervalOverrideMinutes === b.intervalOverrideMinutes && a.quietHours?.start === b.quietHours?.start && a.quietHours?.end === b.quietHours?.end;
}
