import type { PostureCheck, PostureCheckPut } from '../../contract';
import type { EpisodeRecordsRepository } from '../store/repositories/episodeRecords';
import type { PostureChecksTable } from '../store/schema';
import { putOnce } from './activity';
import { instantWithinEpisode, type EpisodeService } from './episodes';
import type { Clock } from './clock';

export interface PostureCheckDeps {
  episodes: EpisodeService;
  postureChecks: EpisodeRecordsRepository<'posture_checks'>;
  clock: Clock;
}

export function toPostureCheck(row: PostureChecksTable): PostureCheck {
  return {
    id: row.id,
    episodeId: row.episode_id,
    at: row.at,
    view: row.view,
    seconds: row.seconds,
    score: row.score,
    cues: JSON.parse(row.cues) as PostureCheck['cues'],
    createdAt: row.created_at,
  };
}

/** Posture checks are written like the other records of a day: once per app-made id, corrected by sending it again. */
export function postureCheckService({ episodes, postureChecks, clock }: PostureCheckDeps) {
  return {
    async put(personId: string, episodeId: string, id: string, input: PostureCheckPut): Promise<PostureCheck> {
      const { episode, timeZone } = await episodes.ownedInZone(personId, episodeId);
      const now = clock();
      const at = instantWithinEpisode('at', input.at, episode, timeZone, now);
      const stamp = now.toISOString();
      // Each cue once, in the order given.
      const content = { at, view: input.view, seconds: input.seconds, score: input.score, cues: JSON.stringify([...new Set(input.cues)]) };
      const saved = await putOnce(postureChecks, { id, episode_id: episodeId, person_id: personId, ...content, created_at: stamp, updated_at: stamp }, content);
      return toPostureCheck(saved);
    },

    async list(personId: string, episodeId: string): Promise<PostureCheck[]> {
      await episodes.owned(personId, episodeId);
      return (await postureChecks.listForEpisode(personId, episodeId)).map(toPostureCheck);
    },
  };
}
export type PostureCheckService = ReturnType<typeof postureCheckService>;
