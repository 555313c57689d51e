import { beforeAll, expect, it } from 'vitest';
import { ROUTES, type RouteName, type RouteSpec } from '../../contract';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { TestClient } from '../testing/api';
import { buildWorld, ROUTE_SAMPLES, urlOf, type World } from '../testing/routeSamples';

const NOW = new Date('2026-11-24T12:00:00.000Z');
type Caller = 'anonymous' | 'owner' | 'another person';

/** What each caller must get, from the route's own spec: the rule the matrix holds every route to. */
function expected(name: RouteName, caller: Caller): number {
  const route = ROUTES[name];
  if (!route.auth) return route.success.status;
  if (caller === 'anonymous') return 401;
  // A route for therapists is not there for a person at all.
  if ((route as RouteSpec).who === 'therapist') return 404;
  const ownsSomething = ('params' in route && !(route as RouteSpec).ownId) || Boolean((route as RouteSpec).ownInBody);
  return caller === 'another person' && ownsSomething ? 404 : route.success.status;
}

describeEachBackend('authorisation matrix', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);
  let owner: TestClient;
  let another: TestClient;
  let world: World;
  beforeAll(async () => {
    owner = await ctx.person();
    world = await buildWorld(owner);
    another = await ctx.person();
    await buildWorld(another);
  });

  it('has a sample for every route of the contract', () => {
    expect(Object.keys(ROUTE_SAMPLES).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  const names = Object.keys(ROUTES) as RouteName[];
  it.each(names)('%s: anonymous → 401 when it needs a session, another person → 404 for what is not theirs, owner → success', async (name) => {
    const route = ROUTES[name];
    const sample = ROUTE_SAMPLES[name];
    const url = urlOf(route.path, sample.params?.(world), sample.query?.(world));
    const got: Record<Caller, number> = { anonymous: 0, 'another person': 0, owner: 0 };
    for (const caller of ['anonymous', 'another person', 'owner'] as const) {
      let client = caller === 'anonymous' ? new TestClient(ctx.app) : caller === 'owner' ? owner : another;
      if (sample.endsSession && caller !== 'anonymous') client = await ctx.person();
      const res = await client.request(route.method, url, sample.body?.(world));
      got[caller] = res.statusCode;
      if (caller === 'another person' && res.statusCode < 300 && route.auth) expect(res.body, 'another person must not see the owner').not.toContain(world.episode);
    }
    expect(got).toEqual({ anonymous: expected(name, 'anonymous'), 'another person': expected(name, 'another person'), owner: expected(name, 'owner') });
  });
});
