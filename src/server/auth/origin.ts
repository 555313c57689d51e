import type { IncomingHttpHeaders } from 'node:http';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * True when a browser says a write comes from another site: `Sec-Fetch-Site` is cross-site or same-site, or the
 * `Origin` is not this server's host (an opaque "null" origin counts as foreign). Requests without either header
 * (curl, server-to-server, old browsers on same-origin forms) are left to the session cookie's SameSite=Lax.
 */
export function isCrossSiteWrite(method: string, headers: IncomingHttpHeaders, host: string): boolean {
  if (!WRITES.has(method.toUpperCase())) return false;
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  try {
    return withoutDefaultPort(new URL(origin).host) !== withoutDefaultPort(host);
  } catch {
    return true;
  }
}

const withoutDefaultPort = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');
