import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../contract';
import type { EpisodeService } from '../services/episodes';
import type { TherapistService } from '../services/therapists';
import { defineRoute } from './define';

export function episodeRoutes(app: FastifyInstance, episodes: EpisodeService, therapists: TherapistService): void {
  defineRoute(app, ROUTES.putEpisode, async ({ personId, params, body }) => episodes.put(personId, params.id, body));
  // A therapist reads the episodes of everyone who linked them with the view scope.
  defineRoute(app, ROUTES.listEpisodes, async ({ personId, caller }) => {
    if (caller.role === 'person') return episodes.list(personId);
    const people = await therapists.viewablePeople(caller.id);
    return (await Promise.all(people.map((p) => episodes.list(p)))).flat();
  });
  defineRoute(app, ROUTES.getEpisode, async ({ personId, params }) => episodes.get(personId, params.id));
  defineRoute(app, ROUTES.putClinicianCheck, async ({ personId, params, body }) => episodes.recordClinicianCheck(personId, params.id, body));
  defineRoute(app, ROUTES.putCheckIn, async ({ personId, params, body }) => episodes.putCheckIn(personId, params.id, params.checkInId, body));
  defineRoute(app, ROUTES.listCheckIns, async ({ personId, params }) => episodes.listCheckIns(personId, params.id));
}
