import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../contract';
import { SESSION_COOKIE } from '../auth/tokens';
import type { DataRightsService } from '../services/dataRights';
import { defineRoute } from './define';

export function dataRightsRoutes(app: FastifyInstance, dataRights: DataRightsService): void {
  defineRoute(app, ROUTES.exportAccount, async ({ personId, reply }) => {
    const data = await dataRights.exportAll(personId);
    reply.header('content-disposition', `attachment; filename="unclench-data-${data.exportedAt.slice(0, 10)}.json"`);
    return data;
  });
  defineRoute(app, ROUTES.deleteAccount, async ({ personId, reply }) => {
    await dataRights.deleteAccount(personId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
}
