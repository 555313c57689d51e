import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../contract';
import type { Limiter } from '../auth/limits';
import type { TherapistService } from '../services/therapists';
import { defineRoute } from './define';

export function therapistRoutes(app: FastifyInstance, therapists: TherapistService, limits: Limiter): void {
  defineRoute(app, ROUTES.putInvite, async ({ personId, params, body }) => therapists.invite(personId, params.id, body));
  defineRoute(app, ROUTES.redeemInvite, async ({ personId, body }) => {
    await limits.take('redeemPerTherapist', personId);
    return therapists.redeem(personId, body.code);
  });
  defineRoute(app, ROUTES.listLinks, async ({ personId }) => therapists.links(personId));
  defineRoute(app, ROUTES.deleteLink, async ({ personId, params }) => therapists.revoke(personId, params.id));
  defineRoute(app, ROUTES.therapistPeople, async ({ personId }) => therapists.dashboard(personId));
  defineRoute(app, ROUTES.accessLog, async ({ personId, params }) => therapists.accessLog(personId, params.id));
  defineRoute(app, ROUTES.listPlanEdits, async ({ personId, params }) => therapists.listPlanEdits(personId, params.id));
  defineRoute(app, ROUTES.putPlanEdit, async ({ personId, caller, params, body }) => therapists.putPlanEdit(personId, caller.id, params.id, params.editId, body));
  defineRoute(app, ROUTES.deletePlanEdit, async ({ personId, params }) => therapists.undoPlanEdit(personId, params.id, params.editId));
}
