import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_engine';
import * as m0003 from './0003_activity';
import * as m0004 from './0004_comfort';
import * as m0005 from './0005_function_goals';
import * as m0006 from './0006_seconds_and_comfort_answers';
import * as m0009 from './0009_sessions';
import * as m0010 from './0010_rate_limits';
import * as m0013 from './0013_push';
import * as m0014 from './0014_replay_checkpoints';
import * as m0015 from './0015_posture_checks';
import * as m0017 from './0017_therapists';
import * as m0018 from './0018_plan_inputs_generation';
import * as m0019 from './0019_episode_write_counts';
import * as m0020 from './0020_progress_inputs_generation';

/** Migrations are listed in code (not read from disk) so the bundled server carries them. Append only. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_engine': m0002,
  '0003_activity': m0003,
  '0004_comfort': m0004,
  '0005_function_goals': m0005,
  '0006_seconds_and_comfort_answers': m0006,
  '0009_sessions': m0009,
  '0010_rate_limits': m0010,
  '0013_push': m0013,
  '0014_replay_checkpoints': m0014,
  '0015_posture_checks': m0015,
  '0017_therapists': m0017,
  '0018_plan_inputs_generation': m0018,
  '0019_episode_write_counts': m0019,
  '0020_progress_inputs_generation': m0020,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
