import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../contract';
import type { EpisodeService } from '../services/episodes';
import { defineRoute } from './define';

export function episodeRoutes(app: FastifyInstance, episodes: EpisodeService): void {
  defineRoute(app, ROUTES.putEpisode, async ({ personId, params, body }) => episodes.put(personId, params.id, body));
  defineRoute(app, ROUTES.listEpisodes, async ({ personId }) => episodes.list(personId));
  defineRoute(app, ROUTES.getEpisode, async ({ personId, params }) => episodes.get(personId, params.id));
  defineRoute(app, ROUTES.putClinicianCheck, async ({ personId, params, body }) => episodes.recordClinicianCheck(personId, params.id, body));
  defineRoute(app, ROUTES.putCheckIn, async ({ personId, params, body }) => episodes.putCheckIn(personId, params.id, params.checkInId, body));
  defineRoute(app, ROUTES.listCheckIns, async ({ personId, params }) => episodes.listCheckIns(personId, params.id));
}
