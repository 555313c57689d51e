import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../contract';
import type { FunctionGoalService } from '../services/functionGoals';
import { defineRoute } from './define';

export function functionGoalRoutes(app: FastifyInstance, goals: FunctionGoalService): void {
  defineRoute(app, ROUTES.putFunctionGoal, async ({ personId, params, body }) => goals.put(personId, params.id, params.goalId, body));
  defineRoute(app, ROUTES.putFunctionRating, async ({ personId, params, body }) => goals.rate(personId, params.id, params.goalId, params.date, body));
  defineRoute(app, ROUTES.listFunctionGoals, async ({ personId, params }) => goals.list(personId, params.id));
}
