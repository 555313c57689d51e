import { useState, type FormEvent } from 'react';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { TextField } from '../components/TextField';
import { ReminderDevices } from './ReminderDevices';
import { DEFAULT_QUIET_HOURS, INTERVAL_CHOICES, validTime, type ReminderPrefs } from './reminderPrefs';
import { giveServerPrefs } from './serverSettings';
import { prefsStore, useKept } from './stores';
import './move.css';

const INTERVAL_OPTIONS = [{ value: 'plan', label: 'Follow my plan', hint: 'Shorter early on, longer as you recover.' }, ...INTERVAL_CHOICES.map((m) => ({ value: String(m), label: `Every ${m} minutes` }))];
const QUIET_OPTIONS = [
  { value: 'off', label: 'No quiet hours' },
  { value: 'on', label: 'Quiet hours' },
] as const;

/** Sitting reminders: the person's own interval (or the plan's) and quiet hours, kept on this device. */
export function ReminderSettingsCard() {
  const prefs = useKept(prefsStore);
  return (
    <section className="card form-section reminder-settings" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Sitting reminders</h2>
      <p>They change when the reminder to stand up comes, not your plan. Reminders sent to your devices follow them too.</p>
      <ReminderForm initial={prefs} />
      <ReminderDevices />
    </section>
  );
}

function ReminderForm({ initial }: { initial: ReminderPrefs }) {
  const [interval, setIntervalChoice] = useState(initial.intervalOverrideMinutes === null ? 'plan' : String(initial.intervalOverrideMinutes));
  const [quiet, setQuiet] = useState<'on' | 'off'>(initial.quietHours ? 'on' : 'off');
  const [start, setStart] = useState(initial.quietHours?.start ?? DEFAULT_QUIET_HOURS.start);
  const [end, setEnd] = useState(initial.quietHours?.end ?? DEFAULT_QUIET_HOURS.end);
  const [errors, setErrors] = useState<{ start?: string; end?: string }>({});
  const [saved, setSaved] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: { start?: string; end?: string } = {};
    if (quiet === 'on') {
      if (!validTime(start)) found.start = 'Please enter a time, for example 22:00.';
      if (!validTime(end)) found.end = 'Please enter a time, for example 07:00.';
      if (!found.start && !found.end && start === end) found.end = 'Please choose an end that differs from the start.';
    }
    setErrors(found);
    if (found.start || found.end) return;
    const prefs = { intervalOverrideMinutes: interval === 'plan' ? null : Number(interval), quietHours: quiet === 'on' ? { start, end } : null };
    prefsStore.set(prefs);
    setSaved('Saved. The next sitting uses these settings.');
    void giveServerPrefs(prefs).then((given) => {
      if (!given) setSaved('Saved on this device. Unclench could not reach the server, so reminders sent to your devices keep the earlier times until you save again online.');
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="reminders-title">
      <ChoiceGroup path="reminderInterval" legend="Remind me to stand up" choices={INTERVAL_OPTIONS} layout="column" value={interval} onChange={(v) => { setSaved(null); setIntervalChoice(v); }} />
      <ChoiceGroup
        path="quietHours"
        legend="Quiet hours"
        hint="No reminders during these hours, for example while you sleep. A reminder due then waits until they end."
        choices={QUIET_OPTIONS}
        value={quiet}
        onChange={(v) => { setSaved(null); setQuiet(v); }}
      />
      {quiet === 'on' ? (
        <div className="quiet-times">
          <TextField path="quietStart" label="From" type="time" className="narrow" value={start} onChange={setStart} error={errors.start} />
          <TextField path="quietEnd" label="Until" type="time" className="narrow" value={end} onChange={setEnd} error={errors.end} />
        </div>
      ) : null}
      <button type="submit" className="button secondary">
        Save reminder settings
      </button>
      <p className="saved-note" role="status">
        {saved ?? ''}
      </p>
    </form>
  );
}
