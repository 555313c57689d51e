import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROUTES, type RouteName, type RouteSpec } from '../../contract';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { TestClient } from '../testing/api';
import { buildWorld, ROUTE_SAMPLES, urlOf, type World } from '../testing/routeSamples';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const RUNS_PER_ROUTE = 12;

/** Values that have broken servers: NUL, lone surrogates, huge and odd numbers, deep nesting, prototype keys. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\uDFFFx', 'x'.repeat(70_000), '9'.repeat(400), '', ' ', '__proto__', '../../etc/passwd', '2026-02-30', '2026-11-24T25:00:00Z'),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1 + 0.2, 1e-320, 2 ** 31, -(2 ** 31) - 1),
  fc.constantFrom(null, true, [], {}, [[[[[[[[[[]]]]]]]]]]),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A body as JSON text: the valid sample with one field changed or added, or hostile text of its own. */
function bodyText(valid: unknown): fc.Arbitrary<string> {
  const keys = valid !== null && typeof valid === 'object' ? Object.keys(valid) : [];
  const field = fc.oneof(fc.constantFrom(...(keys.length ? keys : ['x'])), fc.constantFrom('__proto__', 'constructor', 'extra'));
  return fc.oneof(
    fc.tuple(field, hostile).map(([key, value]) => {
      const body = { ...(valid as object) } as Record<string, unknown>;
      Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
      return JSON.stringify(body);
    }),
    hostile.map((value) => JSON.stringify(value) ?? 'null'),
    fc.constantFrom('[' .repeat(20_000) + ']'.repeat(20_000), '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), '{"a":1', '\u0000', '"\\ud800"', '{"__proto__":{"isAdmin":true}}'),
  );
}

/** Path parameters: the real ids, or one replaced by a hostile segment. */
function paramsFor(valid: Record<string, string> | undefined): fc.Arbitrary<Record<string, string> | undefined> {
  if (!valid) return fc.constant(undefined);
  const names = Object.keys(valid);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(valid) },
    fc.tuple(fc.constantFrom(...names), fc.constantFrom('\u0000', '%00', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '..', '../..', 'A'.repeat(300), '\uD800', '1e308', '__proto__')).map(([name, value]) => ({ ...valid, [name]: value })),
  );
}

describeEachBackend('fuzz of every write route', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);
  let owner: TestClient;
  let world: World;
  const snapshotUrls = (w: World) => [
    '/api/v1/me',
    '/api/v1/episodes',
    '/api/v1/preferences',
    ...['check-ins', 'muscle-notes', 'sessions', 'movements', 'comfort', 'function-goals'].map((kind) => `/api/v1/episodes/${w.episode}/${kind}`),
  ];
  const snapshot = async () => Promise.all(snapshotUrls(world).map(async (url) => (await owner.get(url)).body));

  beforeAll(async () => {
    owner = await ctx.person();
    world = await buildWorld(owner);
  });

  const writes = (Object.keys(ROUTES) as RouteName[]).filter((name) => ROUTES[name].method !== 'GET');
  let cases = 0;
  const serverErrors: string[] = [];

  it.each(writes)('%s: never a 5xx, and a 4xx changes nothing', async (name) => {
    const route: RouteSpec = ROUTES[name];
    const sample = ROUTE_SAMPLES[name];
    let before = sample.endsSession ? [] : await snapshot();
    await fc.assert(
      fc.asyncProperty(paramsFor(sample.params?.(world)), route.body ? bodyText(sample.body?.(world)) : fc.constant(undefined), async (params, payload) => {
        cases += 1;
        const client = sample.endsSession ? await ctx.person() : owner;
        const res = await ctx.app.inject({
          method: route.method,
          url: urlOf(route.path, params, sample.query?.(world)),
          headers: { cookie: client.cookie ?? '', ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
          remoteAddress: client.address,
          ...(payload !== undefined ? { payload } : {}),
        });
        if (res.statusCode >= 500) serverErrors.push(`${name} ${res.statusCode} ${payload?.slice(0, 80)}`);
        expect(res.statusCode, `${name} answered ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (sample.endsSession) return;
        const after = await snapshot();
        if (res.statusCode >= 400) expect(after).toEqual(before);
        before = after;
      }),
      { numRuns: RUNS_PER_ROUTE, seed: 20261124, endOnFailure: true },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ran every case without a server error', () => {
    expect(cases).toBe(writes.length * RUNS_PER_ROUTE);
    expect(serverErrors).toEqual([]);
    console.info(`fuzz on ${backend.name}: ${cases} cases over ${writes.length} write routes, ${serverErrors.length} answered 5xx`);
  });
});
