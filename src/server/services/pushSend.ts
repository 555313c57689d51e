import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

/**
 * One POST to a push service. When `addresses` is given, the connection goes only to those (the ones that were just
 * checked), so a second DNS answer cannot move the request onto this machine or a private network. Redirects are
 * not followed. Answers the status code.
 */
export function postToPushService(endpoint: string, headers: Record<string, string>, body: Buffer, addresses: readonly string[] | null, timeoutMs: number): Promise<number> {
  const url = new URL(endpoint);
  const transport = url.protocol === 'https:' ? https : http;
  const pinned = addresses?.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
  const lookup: LookupFunction | undefined =
    pinned && pinned.length > 0
      ? (_hostname, options, callback) => {
          const [first] = pinned;
          if (options.all) (callback as unknown as (err: null, all: typeof pinned) => void)(null, pinned);
          else callback(null, first?.address ?? '', first?.family ?? 4);
        }
      : undefined;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) }, timeout: timeoutMs, ...(lookup ? { lookup } : {}) }, (response) => {
      response.on('error', reject);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.resume();
    });
    request.on('timeout', () => request.destroy(new Error('the push service did not answer in time')));
    request.on('error', reject);
    request.end(body);
  });
}
