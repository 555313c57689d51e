import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteSpec } from '../../contract';
import { AppError, parseInput } from '../errors';

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface HandlerContext<S extends RouteSpec> {
  personId: S['auth'] extends true ? string : string | null;
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Result<S extends RouteSpec> = S['success'] extends { file: object } ? Buffer : S['success']['body'] extends z.ZodType ? z.infer<S['success']['body']> : void;

/**
 * Registers one route of the contract: parses params, query and body with its schemas, checks the session
 * when the route needs one, and answers with the route's success status. Handlers call one service.
 */
export function defineRoute<S extends RouteSpec>(
  app: FastifyInstance,
  spec: S,
  handler: (ctx: HandlerContext<S>) => Promise<Result<S>>,
  options: { config?: Record<string, unknown> } = {},
): void {
  app.route({
    method: spec.method,
    url: spec.path,
    ...(options.config ? { config: options.config } : {}),
    handler: async (request, reply) => {
      const personId = request.personId;
      if (spec.auth && !personId) throw new AppError('unauthenticated', 'Please start again or sign in.');
      const ctx = {
        personId,
        params: spec.params ? parseInput(spec.params, request.params) : undefined,
        query: spec.query ? parseInput(spec.query, request.query) : undefined,
        body: spec.body ? parseInput(spec.body, request.body ?? {}) : undefined,
        request,
        reply,
      } as HandlerContext<S>;
      const result = await handler(ctx);
      reply.code(spec.success.status);
      if (spec.success.file) return reply.type(spec.success.file.contentType).send(result);
      return spec.success.body === null ? reply.send() : result;
    },
  });
}
