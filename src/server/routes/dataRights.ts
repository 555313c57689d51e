import type { FastifyInstance } from 'fastify';
import { FhirBundle, ROUTES } from '../../contract';
import { episodeBundle } from '../exports/fhir';
import type { Clock } from '../services/clock';
import { SESSION_COOKIE } from '../auth/tokens';
import type { DataRightsService } from '../services/dataRights';
import { defineRoute } from './define';

export function dataRightsRoutes(app: FastifyInstance, dataRights: DataRightsService, clock: Clock): void {
  defineRoute(app, ROUTES.exportAccount, async ({ personId, reply }) => {
    const data = await dataRights.exportAll(personId);
    reply.header('content-disposition', `attachment; filename="unclench-data-${data.exportedAt.slice(0, 10)}.json"`);
    return data;
  });
  defineRoute(app, ROUTES.exportFhir, async ({ personId, params, reply }) => {
    const bundle = episodeBundle({ ...(await dataRights.episodeRecords(personId, params.id)), now: clock() });
    reply.type('application/fhir+json');
    reply.header('content-disposition', `attachment; filename="unclench-fhir-${bundle.timestamp?.slice(0, 10) ?? ''}.json"`);
    return FhirBundle.parse(bundle);
  });
  defineRoute(app, ROUTES.exportPdf, async ({ personId, params, reply }) => {
    const pdf = await dataRights.pdfReport(personId, params.id);
    reply.header('content-disposition', `attachment; filename="unclench-report-${clock().toISOString().slice(0, 10)}.pdf"`);
    return pdf;
  });
  defineRoute(app, ROUTES.deleteAccount, async ({ personId, reply }) => {
    await dataRights.deleteAccount(personId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
}
