import { beforeAll, expect, it } from 'vitest';
import { ROUTES, type RouteName, type RouteSpec } from '../../contract';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { TestClient } from '../testing/api';
import { buildWorld, linkTherapist, ROUTE_SAMPLES, urlOf, type World } from '../testing/routeSamples';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const KINDS = ['unlinked', 'revoked', 'linked'] as const;
type Kind = (typeof KINDS)[number];

/** Routes a therapist caller changes links with: each call gets a therapist of its own of that kind. */
const CHANGES_LINKS = new Set<RouteName>(['redeemInvite', 'deleteLink']);

/**
 * What a therapist of each kind must get on every route, from the route's own spec: a linked therapist (both
 * scopes) reaches the owner's episode routes that name a scope; a therapist never linked, or whose link the
 * person ended, gets 404 there. Person-only routes answer 404 to every therapist; routes for either role or for
 * therapists act on the therapist's own account (a link id that is not theirs, or no longer live, is 404).
 */
function expected(name: RouteName, kind: Kind): number {
  const route: RouteSpec = ROUTES[name];
  if (!route.auth) return route.success.status;
  if (route.therapist && route.path.startsWith('/api/v1/episodes/:id')) return kind === 'linked' ? route.success.status : 404;
  if ((route.who ?? 'person') === 'person') return 404;
  if (name === 'deleteLink') return kind === 'linked' ? route.success.status : 404;
  // The body names the owner's record (a push endpoint of theirs), never the therapist's, linked or not.
  if (route.ownInBody) return 404;
  return route.success.status;
}

describeEachBackend('authorisation matrix for therapists', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);
  let owner: TestClient;
  let world: World;
  const therapists = {} as Record<Kind, { client: TestClient; link: string | null }>;

  async function therapistOf(kind: Kind): Promise<{ client: TestClient; link: string | null }> {
    const client = await new TestClient(ctx.app).signUpTherapist();
    if (kind === 'unlinked') return { client, link: null };
    const link = await linkTherapist(owner, client);
    if (kind === 'revoked') {
      const ended = await owner.delete(`/api/v1/links/${link}`);
      if (ended.statusCode !== 204) throw new Error(`revoke: ${ended.statusCode}`);
    }
    return { client, link };
  }

  beforeAll(async () => {
    owner = await ctx.person();
    world = await buildWorld(owner);
    for (const kind of KINDS) therapists[kind] = await therapistOf(kind);
  });

  const names = Object.keys(ROUTES) as RouteName[];
  it.each(names)('%s: linked → as the owner would, unlinked and revoked → 404 for the owner’s data', async (name) => {
    const route = ROUTES[name];
    const sample = ROUTE_SAMPLES[name];
    const got = {} as Record<Kind, number>;
    for (const kind of KINDS) {
      const fresh = sample.endsSession || CHANGES_LINKS.has(name);
      const therapist = fresh ? await therapistOf(kind) : therapists[kind];
      let params = sample.params?.(world);
      let body = sample.body?.(world);
      if (name === 'deleteLink') params = { id: therapist.link ?? world.link };
      if (name === 'addCredentials') body = { ...(body as object), currentPassword: 'a calm long password' };
      if (name === 'redeemInvite') body = { code: ((await owner.put(`/api/v1/invites/${crypto.randomUUID()}`, { scopes: ['view'] })).json() as { code: string }).code };
      const res = await therapist.client.request(route.method, urlOf(route.path, params, sample.query?.(world)), body);
      got[kind] = res.statusCode;
      if (kind !== 'linked' && res.statusCode < 300 && route.auth) expect(res.body, `a ${kind} therapist must not see the owner`).not.toContain(world.episode);
    }
    expect(got).toEqual(Object.fromEntries(KINDS.map((k) => [k, expected(name, k)])));
  });
});
