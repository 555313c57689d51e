import { z } from 'zod';
import { ErrorBody } from './common';
import type { RouteSpec } from './routes';

/** Builds an OpenAPI 3.1 document from the route table, so the docs cannot drift from what the server validates. */
export function buildOpenApi(routes: Record<string, RouteSpec>, info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = z.toJSONSchema(ErrorBody, { io: 'output', unrepresentable: 'any' });
  for (const [name, route] of Object.entries(routes)) {
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = route.params ? paramsOf(route.params, 'path') : [];
    const responses: Record<string, unknown> = {
      [route.success.status]: route.success.body
        ? { description: 'Success', content: { 'application/json': { schema: toSchema(route.success.body, 'output') } } }
        : { description: 'Success, no content' },
      400: { description: 'Invalid input: each failing field and rule is named', content: { 'application/json': { schema: errorSchema } } },
    };
    if (route.auth) responses[401] = { description: 'Not signed in', content: { 'application/json': { schema: errorSchema } } };
    if (route.params) responses[404] = { description: 'Not found (or not yours)', content: { 'application/json': { schema: errorSchema } } };
    (paths[openApiPath] ??= {})[route.method.toLowerCase()] = {
      operationId: name,
      summary: route.summary,
      ...(route.auth ? { security: [{ session: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'unclench_session' } } },
  };
}

function toSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

function paramsOf(schema: z.ZodType, location: 'path' | 'query') {
  const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}
