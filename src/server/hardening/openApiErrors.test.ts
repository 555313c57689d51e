import { beforeAll, expect, it } from 'vitest';
import { ROUTES, type RouteName, type RouteSpec } from '../../contract';
import { errorStatuses, roleRestricted } from '../../contract/openapi';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { TestClient } from '../testing/api';
import { buildWorld, ROUTE_SAMPLES, urlOf, type World } from '../testing/routeSamples';

const NOW = new Date('2026-11-24T12:00:00.000Z');

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
}

interface Probe {
  status: number;
  why: string;
  method?: RouteSpec['method'];
  url: string;
  headers?: Record<string, string>;
  payload?: string;
  caller: 'owner' | 'anonymous' | 'another person' | 'therapist' | 'person';
}

/**
 * For every route of the contract, one request that must get each error reply its spec implies: 401 without a
 * session, 403 for a write from another site, 400 for a NUL in its input, 404 for what is not the caller's, 413
 * for a body over the limit, 415 for a body that is not JSON. Made from the route table, so a new route is probed
 * the day it ships.
 */
function probesFor(name: RouteName, owner: World): Probe[] {
  const route: RouteSpec = ROUTES[name];
  const sample = ROUTE_SAMPLES[name];
  const params = sample.params?.(owner);
  const query = sample.query?.(owner);
  const body = sample.body?.(owner);
  const url = urlOf(route.path, params, query);
  const json = (value: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(value) });
  const valid: Pick<Probe, 'headers' | 'payload'> = route.body ? json(body) : {};
  const probes: Probe[] = [];
  if (route.auth) probes.push({ status: 401, why: 'no session', url, caller: 'anonymous', ...valid });
  if (route.method !== 'GET') probes.push({ status: 403, why: 'a write from another site', url, caller: 'owner', ...valid, headers: { ...valid.headers, origin: 'https://elsewhere.example' } });
  if (params) {
    const [first] = Object.keys(params);
    probes.push({ status: 400, why: 'a NUL in a path parameter', url: urlOf(route.path, { ...params, [first ?? '']: 'a\u0000b' }, query), caller: 'owner', ...valid });
  } else if (route.query) {
    probes.push({ status: 400, why: 'a NUL in the query', url: urlOf(route.path, undefined, { ...query, [Object.keys(query ?? {})[0] ?? 'q']: 'a\u0000b' }), caller: 'owner' });
  } else if (route.body) {
    probes.push({ status: 400, why: 'a body that is a list', url, caller: 'owner', ...json([]) });
  }
  if (params && !route.ownId) {
    // On a route that needs a session, another person's request for the owner's ids; elsewhere, ids that name nothing.
    const episodeScoped = route.auth;
    const missing = Object.fromEntries(Object.keys(params).map((k) => [k, 'no-such-thing']));
    probes.push({ status: 404, why: 'not the caller’s', url: episodeScoped ? url : urlOf(route.path, missing, query), caller: episodeScoped ? 'another person' : 'owner', ...valid });
  } else if (route.ownInBody) {
    probes.push({ status: 404, why: 'not the caller’s', url, caller: 'another person', ...valid });
  } else if (roleRestricted(route)) {
    // A route for one role only: the other role's caller is told there is nothing here.
    probes.push({ status: 404, why: 'a caller of the other role', url, caller: route.who === 'therapist' ? 'person' : 'therapist', ...valid });
  }
  if (route.body) {
    probes.push({ status: 413, why: 'a body over 64 KB', url, caller: 'owner', ...json({ ...(body as object), padding: 'x'.repeat(70_000) }) });
    probes.push({ status: 415, why: 'a body that is not JSON', url, caller: 'owner', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
  }
  return probes;
}

describeEachBackend('OpenAPI lists every error reply of every route', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);
  let doc: OpenApiDoc;
  let world: World;
  let another: TestClient;
  let owner: TestClient;
  let therapist: TestClient;
  beforeAll(async () => {
    therapist = await new TestClient(ctx.app).signUpTherapist();
    doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs' })).json() as OpenApiDoc;
    owner = await ctx.person();
    world = await buildWorld(owner);
    another = await ctx.person();
    await buildWorld(another);
  });

  const operation = (route: RouteSpec) => doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];

  const names = Object.keys(ROUTES) as RouteName[];
  it.each(names)('%s: documents each error it can give, and gives each one it documents for its inputs', async (name) => {
    const route: RouteSpec = ROUTES[name];
    const documented = Object.keys(operation(route)?.responses ?? {}).map(Number);
    expect(documented, 'OpenAPI responses').toEqual([route.success.status, ...errorStatuses(route)].sort((a, b) => a - b));
    for (const status of errorStatuses(route)) {
      expect(operation(route)?.responses[status]?.content?.['application/json']?.schema, `${status} has the error body`).toBeDefined();
    }
    for (const extra of route.extraErrors ?? []) expect(documented).toContain(extra);

    const probes = probesFor(name, world);
    const implied = [route.auth && 401, route.method !== 'GET' && 403, (route.params || route.query || route.body) && 400, ((route.params && !route.ownId) || route.ownInBody || roleRestricted(route)) && 404, route.body && 413, route.body && 415].filter((s): s is number => typeof s === 'number');
    expect(probes.map((p) => p.status).sort()).toEqual(implied.sort());
    for (const probe of probes) {
      // On a therapist's route, the caller who may use it stands in for the owner.
      const rightful = route.who === 'therapist' ? therapist : ROUTE_SAMPLES[name].endsSession ? await ctx.person() : owner;
      const client = probe.caller === 'another person' ? another : probe.caller === 'therapist' ? therapist : probe.caller === 'person' ? owner : probe.caller === 'owner' ? rightful : null;
      const res = await ctx.app.inject({
        method: route.method,
        url: probe.url,
        headers: { ...probe.headers, ...(client?.cookie ? { cookie: client.cookie } : {}) },
        remoteAddress: client?.address ?? '10.250.0.1',
        ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
      });
      expect(res.statusCode, `${probe.why}: ${res.body.slice(0, 200)}`).toBe(probe.status);
      expect(documented, `${probe.why} answered ${res.statusCode}`).toContain(res.statusCode);
      expect(res.json(), probe.why).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
