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
    const ok = route.success.body
      ? { description: 'Success', content: { [route.success.contentType ?? 'application/json']: { schema: toSchema(route.success.body, 'output') } } }
      : route.success.file
        ? { description: 'Success: a file', content: { [route.success.file.contentType]: { schema: { type: 'string', format: 'binary' } } } }
        : { description: 'Success, no content' };
    const responses: Record<string, unknown> = { [route.success.status]: ok };
    for (const status of errorStatuses(route)) responses[status] = { description: ERROR_REPLIES[status], content: { 'application/json': { schema: errorSchema } } };
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

const ERROR_REPLIES = {
  400: 'Invalid input: each failing field and rule is named',
  401: 'Not signed in',
  403: 'A write sent from another site (Origin or Sec-Fetch-Site)',
  404: 'Not found (or not yours)',
  409: 'Conflicts with what is stored (e.g. an email that is taken)',
  412: 'A precondition of the request failed',
  413: 'The body is larger than 64 KB',
  415: 'The body is not JSON',
  429: 'Too many tries: wait the seconds in Retry-After',
  500: 'Something went wrong on the server',
  503: 'The database is not answering',
} as const;
type ErrorStatus = keyof typeof ERROR_REPLIES;

/** A route only one role (person or therapist) may call: the other gets 404. */
export function roleRestricted(route: RouteSpec): boolean {
  return route.auth && (route.who ?? 'person') !== 'either';
}

/** Every error reply a route can give, from what its spec says it takes. */
export function errorStatuses(route: RouteSpec): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>([500]);
  if (route.params || route.query || route.body) statuses.add(400);
  if (route.auth) statuses.add(401);
  if (route.method !== 'GET') statuses.add(403);
  if ((route.params && !route.ownId) || route.ownInBody || roleRestricted(route)) statuses.add(404);
  if (route.body) {
    statuses.add(413);
    statuses.add(415);
  }
  for (const status of route.extraErrors ?? []) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
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
