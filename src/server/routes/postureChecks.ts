import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../contract';
import type { PostureCheckService } from '../services/postureChecks';
import { defineRoute } from './define';

export function postureCheckRoutes(app: FastifyInstance, postureChecks: PostureCheckService): void {
  defineRoute(app, ROUTES.putPostureCheck, async ({ personId, params, body }) => postureChecks.put(personId, params.id, params.checkId, body));
  defineRoute(app, ROUTES.listPostureChecks, async ({ personId, params }) => postureChecks.list(personId, params.id));
}
