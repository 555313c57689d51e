import type { Kysely } from 'kysely';
import type { Store } from './database';
import { replayCheckpointsRepository } from './repositories/replayCheckpoints';
import { personsRepository } from './repositories/persons';
import { sessionsRepository } from './repositories/sessions';
import { episodesRepository } from './repositories/episodes';
import { checkInsRepository } from './repositories/checkIns';
import { preferencesRepository } from './repositories/preferences';
import { muscleNotesRepository } from './repositories/muscleNotes';
import { episodeRecordsRepository } from './repositories/episodeRecords';
import { functionGoalsRepository } from './repositories/functionGoals';
import { rateLimitsRepository } from './repositories/rateLimits';
import { pushRepository } from './repositories/push';
import { remindersRepository } from './repositories/reminders';
import { accountErasureRepository } from './repositories/accountErasure';
import { therapistsRepository } from './repositories/therapists';

export * from './database';

export function repositories(store: Store) {
  return {
    persons: personsRepository(store.db),
    sessions: sessionsRepository(store.db),
    episodes: episodesRepository(store.db),
    checkIns: checkInsRepository(store.db, store.groupCommit),
    preferences: preferencesRepository(store.db),
    muscleNotes: muscleNotesRepository(store.db),
    sessionLogs: episodeRecordsRepository(store.db, 'session_logs', 'started_at', store.groupCommit),
    movements: episodeRecordsRepository(store.db, 'movements', 'started_at', store.groupCommit),
    comfortLogs: episodeRecordsRepository(store.db, 'comfort_logs', 'at', store.groupCommit),
    postureChecks: episodeRecordsRepository(store.db, 'posture_checks', 'at', store.groupCommit),
    functionGoals: functionGoalsRepository(store.db),
    rateLimits: rateLimitsRepository(store.db),
    push: pushRepository(store.db),
    reminders: remindersRepository(store.db, store.kind),
    accountErasure: accountErasureRepository(store.db),
    replayCheckpoints: replayCheckpointsRepository(store.db as Kysely<unknown>),
    therapists: therapistsRepository(store.db),
  };
}
export type Repositories = ReturnType<typeof repositories>;
