import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ROUTES, type RouteSpec } from '../../contract';
import type { AccessAction } from '../../core/therapist/words';
import { AppError, notFound, parseInput } from '../errors';
import { SerializedJson } from '../serializedJson';

/** The signed-in account behind a request. */
export interface Caller {
  id: string;
  role: 'person' | 'therapist';
}

/** Lets a linked therapist act for an episode's owner (services/therapists.ts `actFor`). */
export type ActFor = (therapistId: string, episodeId: string, scope: 'view' | 'plan', action: AccessAction) => Promise<string>;

const ROUTE_NAMES = new Map<RouteSpec, string>(Object.entries(ROUTES).map(([name, spec]) => [spec, name]));

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface HandlerContext<S extends RouteSpec> {
  /** Whose data the request is about: the caller, or the person a linked therapist acts for. */
  personId: S['auth'] extends true ? string : string | null;
  /** Who is asking (null without a session). */
  caller: S['auth'] extends true ? Caller : Caller | null;
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Result<S extends RouteSpec> = S['success'] extends { file: object } ? Buffer : S['success']['body'] extends z.ZodType ? z.infer<S['success']['body']> : void;

/**
 * Who the request acts for, by the route's `who` and `therapist` fields: the one place each role's reach is
 * decided. A caller of the wrong role, or a therapist without a live link and the scope, gets 404.
 */
async function actingFor(spec: RouteSpec, caller: Caller, params: unknown, actFor: ActFor): Promise<string> {
  const who = spec.who ?? 'person';
  if (caller.role === 'person') {
    if (who === 'therapist') throw notFound('That');
    return caller.id;
  }
  const episodeId = (params as { id?: string } | undefined)?.id;
  if (spec.therapist && episodeId !== undefined && spec.path.startsWith('/api/v1/episodes/:id')) {
    return actFor(caller.id, episodeId, spec.therapist, (ROUTE_NAMES.get(spec) ?? 'getEpisode') as AccessAction);
  }
  if (who === 'person') throw notFound('That');
  return caller.id;
}

/**
 * Registers one route of the contract: parses params, query and body with its schemas, checks the session
 * when the route needs one (and who it acts for), and answers with the route's success status. Handlers call one service.
 */
export function defineRoute<S extends RouteSpec>(
  app: FastifyInstance,
  spec: S,
  handler: (ctx: HandlerContext<S>) => Promise<Result<S> | SerializedJson<Result<S>>>,
  options: { config?: Record<string, unknown> } = {},
): void {
  app.route({
    method: spec.method,
    url: spec.path,
    ...(options.config ? { config: options.config } : {}),
    handler: async (request, reply) => {
      const caller = request.caller;
      if (spec.auth && !caller) throw new AppError('unauthenticated', 'Please start again or sign in.');
      const params = spec.params ? parseInput(spec.params, request.params) : undefined;
      const query = spec.query ? parseInput(spec.query, request.query) : undefined;
      // Who it acts for is settled before the body is read: a caller with no reach gets 404 whatever they sent.
      const personId = spec.auth && caller ? await actingFor(spec, caller, params, app.actFor) : (caller?.id ?? null);
      const body = spec.body ? parseInput(spec.body, request.body ?? {}) : undefined;
      const ctx = { personId, caller, params, query, body, request, reply } as HandlerContext<S>;
      const result = await handler(ctx);
      reply.code(spec.success.status);
      if (spec.success.file) return reply.type(spec.success.file.contentType).send(result);
      if (result instanceof SerializedJson) return reply.type('application/json; charset=utf-8').send(result.bytes);
      return spec.success.body === null ? reply.send() : result;
    },
  });
}
