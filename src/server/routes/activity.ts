import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../contract';
import type { ActivityService } from '../services/activity';
import { defineRoute } from './define';

export function activityRoutes(app: FastifyInstance, activity: ActivityService): void {
  defineRoute(app, ROUTES.putSession, async ({ personId, params, body }) => activity.putSession(personId, params.id, params.sessionId, body));
  defineRoute(app, ROUTES.listSessions, async ({ personId, params }) => activity.listSessions(personId, params.id));
  defineRoute(app, ROUTES.putMovement, async ({ personId, params, body }) => activity.putMovement(personId, params.id, params.eventId, body));
  defineRoute(app, ROUTES.putComfort, async ({ personId, params, body }) => activity.putComfort(personId, params.id, params.logId, body));
  defineRoute(app, ROUTES.listComfort, async ({ personId, params }) => activity.listComfort(personId, params.id));
  defineRoute(app, ROUTES.deleteMovement, async ({ personId, params }) => activity.removeMovement(personId, params.id, params.eventId));
  defineRoute(app, ROUTES.listMovements, async ({ personId, params }) => activity.listMovements(personId, params.id));
}
