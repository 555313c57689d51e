// The load generator of bench/api, run in its own process: one autocannon run, printed as one JSON line.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  seconds: number;
  connections: number;
  cookie?: string;
  /** PUT a new check-in (a fresh id each time, stamped within the episode's last 19 days) instead of a GET. */
  checkInsFor?: { episodeId: string };
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const headers = spec.cookie ? { cookie: spec.cookie } : {};
  let n = 0;
  const requests = spec.checkInsFor
    ? [
        {
          method: 'PUT' as const,
          setupRequest: (req: autocannon.Request) => {
            n += 1;
            const at = new Date(Date.now() - (n % (19 * 24)) * 3_600_000).toISOString();
            const painNow = n % 10;
            return {
              ...req,
              path: `/api/v1/episodes/${spec.checkInsFor?.episodeId}/check-ins/${randomUUID()}`,
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify({ at, painNow, painWorst24h: Math.min(10, painNow + 1), standStraight: 'partly', walkMinutes: 10, regions: [{ region: "low-back-center", pain: Math.max(1, painNow) }] }),
            };
          },
        },
      ]
    : undefined;
  const result = await autocannon({ url: spec.url, connections: spec.connections, duration: spec.seconds, headers, ...(requests ? { requests } : {}) });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

if (process.argv[2]) {
  const spec = JSON.parse(process.argv[2]) as LoadSpec;
  process.stdout.write(`${JSON.stringify(await load(spec))}\n`);
}
