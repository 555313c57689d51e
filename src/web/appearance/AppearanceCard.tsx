import { ChoiceGroup } from '../components/ChoiceGroup';
import { saveAppearance, useAppearance, type Theme } from './appearance';

const THEME_CHOICES: readonly { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Settings → Appearance: light or dark (or the device's own choice) and larger text, shown at once, kept on this device. */
export function AppearanceCard() {
  const appearance = useAppearance();
  return (
    <section className="card form-section" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <p className="section-intro">Changes show at once and are kept on this device.</p>
      <ChoiceGroup
        path="theme"
        legend="Light or dark"
        hint="System follows your phone or computer’s own setting."
        choices={THEME_CHOICES}
        value={appearance.theme}
        onChange={(theme) => saveAppearance({ ...appearance, theme })}
      />
      <label className="check" htmlFor="field-largerText">
        <input type="checkbox" id="field-largerText" checked={appearance.largerText} onChange={(e) => saveAppearance({ ...appearance, largerText: e.target.checked })} />
        <span className="choice-text">
          Larger text
          <span className="choice-hint">Makes the words bigger on every screen.</span>
        </span>
      </label>
    </section>
  );
}
