import type { Store } from './database';
import { personsRepository } from './repositories/persons';
import { sessionsRepository } from './repositories/sessions';
import { episodesRepository } from './repositories/episodes';
import { checkInsRepository } from './repositories/checkIns';
import { preferencesRepository } from './repositories/preferences';
import { muscleNotesRepository } from './repositories/muscleNotes';

export * from './database';

export function repositories(store: Store) {
  return {
    persons: personsRepository(store.db),
    sessions: sessionsRepository(store.db),
    episodes: episodesRepository(store.db),
    checkIns: checkInsRepository(store.db),
    preferences: preferencesRepository(store.db),
    muscleNotes: muscleNotesRepository(store.db),
  };
}
export type Repositories = ReturnType<typeof repositories>;
