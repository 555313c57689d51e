import type { AccountExport, Episode, EpisodeExport, Me } from '../../contract';
import { AppError } from '../errors';
import type { AccountErasureRepository } from '../store/repositories/accountErasure';
import type { PersonsRepository } from '../store/repositories/persons';
import type { AccountService } from './accounts';
import type { ActivityService } from './activity';
import type { Clock } from './clock';
import type { EpisodeService } from './episodes';
import type { FunctionGoalService } from './functionGoals';
import type { MuscleNoteService } from './muscleNotes';
import type { PreferencesService } from './preferences';
import type { PlanService } from './plans';
import type { PushService } from './push';
import type { ReminderService } from './reminders';
import type { PostureCheckService } from './postureChecks';
import type { TherapistService } from './therapists';
import { renderPdfReport } from '../exports/pdfReport';

export interface DataRightsDeps {
  accounts: AccountService;
  persons: PersonsRepository;
  episodes: EpisodeService;
  muscleNotes: MuscleNoteService;
  activity: ActivityService;
  functionGoals: FunctionGoalService;
  preferences: PreferencesService;
  plans: PlanService;
  push: PushService;
  reminders: ReminderService;
  postureChecks: PostureCheckService;
  therapists: TherapistService;
  erasure: AccountErasureRepository;
  clock: Clock;
}

/** The person's data in their own hands: take all of it with them, or remove all of it. */
export function dataRightsService(deps: DataRightsDeps) {
  const { accounts, persons, episodes, muscleNotes, activity, functionGoals, preferences, plans, push, reminders, postureChecks, therapists, erasure, clock } = deps;
  async function recordsOf(personId: string, episode: Episode): Promise<EpisodeExport> {
    return {
      episode,
      checkIns: await episodes.listCheckIns(personId, episode.id),
      muscleNotes: await muscleNotes.list(personId, episode.id),
      sessions: await activity.listSessions(personId, episode.id),
      movements: await activity.listMovements(personId, episode.id),
      comfort: await activity.listComfort(personId, episode.id),
      functionGoals: await functionGoals.list(personId, episode.id),
      postureChecks: await postureChecks.list(personId, episode.id),
      planEdits: await therapists.listPlanEdits(personId, episode.id),
      accessLog: await therapists.accessLog(personId, episode.id),
    };
  }

  return {
    /** One episode with every record in it (404 when it is not the person's). */
    async episodeRecords(personId: string, episodeId: string): Promise<{ account: Me; data: EpisodeExport }> {
      const episode = await episodes.get(personId, episodeId);
      return { account: await accounts.me(personId), data: await recordsOf(personId, episode) };
    },

    /** The clinician's PDF report of one episode. */
    async pdfReport(personId: string, episodeId: string): Promise<Buffer> {
      const { account, data } = await this.episodeRecords(personId, episodeId);
      const triageHistory = [
        { at: data.episode.createdAt, source: 'start' as const, triage: data.episode.triage },
        ...data.checkIns.flatMap((c) => (c.triage ? [{ at: c.at, source: 'check-in' as const, triage: c.triage }] : [])),
      ];
      const [progress, today] = [await plans.progress(personId, episodeId), await plans.today(personId, episodeId)];
      return renderPdfReport({ account, episode: data.episode, triageHistory, progress, today, planEdits: data.planEdits, now: clock() });
    },

    /** Every record of every episode, through the same services (and shapes) the API answers with. */
    async exportAll(personId: string): Promise<AccountExport> {
      const account = await accounts.me(personId);
      const list = await episodes.list(personId);
      const all = await Promise.all(list.map((episode) => recordsOf(personId, episode)));
      return {
        format: 'unclench-account-export',
        version: 1,
        exportedAt: clock().toISOString(),
        account,
        preferences: await preferences.get(personId),
        reminders: { settings: await reminders.settings(personId), devices: await push.exportedDevices(personId) },
        links: await therapists.links(personId),
        episodes: all,
      };
    },

    /** Deletes the account with everything in it; its sessions end with it. */
    async deleteAccount(personId: string): Promise<void> {
      const person = await persons.findById(personId);
      if (!person) throw new AppError('unauthenticated', 'Please start again or sign in.');
      await erasure.erase(personId, person.email);
    },
  };
}
export type DataRightsService = ReturnType<typeof dataRightsService>;
