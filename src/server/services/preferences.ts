import type { ExerciseStyle } from '../../core/exercises/types';
import type { Preferences } from '../../core/plan/types';
import type { PreferencesBody } from '../../contract';
import type { PreferencesRepository } from '../store/repositories/preferences';
import type { Clock } from './clock';

/** What a person gets before they choose: plain exercises, ten minutes. */
export const DEFAULT_PREFERENCES: Preferences = { styles: ['general'], sessionMinutes: 10 };

export function preferencesService({ preferences, clock }: { preferences: PreferencesRepository; clock: Clock }) {
  return {
    async get(personId: string): Promise<Preferences> {
      const row = await preferences.find(personId);
      if (!row) return DEFAULT_PREFERENCES;
      return { styles: JSON.parse(row.styles) as ExerciseStyle[], sessionMinutes: row.session_minutes as Preferences['sessionMinutes'] };
    },
    async put(personId: string, input: PreferencesBody): Promise<Preferences> {
      const styles = [...new Set(input.styles)];
      await preferences.upsert({ person_id: personId, styles: JSON.stringify(styles), session_minutes: input.sessionMinutes, updated_at: clock().toISOString() });
      return { styles, sessionMinutes: input.sessionMinutes };
    },
  };
}
export type PreferencesService = ReturnType<typeof preferencesService>;
