import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';

/**
 * A push service on 127.0.0.1 for tests: it receives what the server sends, checks the VAPID Authorization header
 * (RFC 8292: an ES256 JWT signed by the key in `k=`) and decrypts the aes128gcm payload (RFC 8291) with the keys
 * of a subscription the test made, as a browser would. It can answer 410 once, as a push service does for a
 * subscription that has gone.
 */

export interface Delivery {
  path: string;
  /** The decrypted payload, parsed as JSON. */
  payload: Record<string, unknown>;
  jwt: { aud: string; exp: number; sub: string };
  vapidKey: string;
  ttl: number;
  urgency: string | null;
}

export interface Device {
  id: string;
  path: string;
  ecdh: ECDH;
  auth: Buffer;
  /** What the browser's PushSubscription.toJSON() would give. */
  subscription: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291 §3.4 and RFC 8188: the content encryption key and nonce from the two key pairs and the auth secret. */
export function decryptAes128gcm(body: Buffer, device: Pick<Device, 'ecdh' | 'auth'>): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const serverKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (ciphertext.length > recordSize) throw new Error('more than one record');
  const shared = device.ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), device.ecdh.getPublicKey(), serverKey, Buffer.from([1])]);
  const ikm = hmac(hmac(device.auth, shared), keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('the last record does not end with the 0x02 delimiter');
  return padded.subarray(0, end);
}

/** RFC 8292: `vapid t=<JWT>, k=<public key>`; the JWT is ES256, signed by that key. Throws when anything is off. */
export function checkVapid(header: string | undefined, audience: string, nowSeconds: number): { jwt: Delivery['jwt']; vapidKey: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`not a VAPID Authorization header: ${header ?? '(none)'}`);
  const [, token = '', vapidKey = ''] = match;
  const [head = '', claims = '', signature = ''] = token.split('.');
  const header64 = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string; typ?: string };
  if (header64.alg !== 'ES256') throw new Error(`JWT alg is ${header64.alg}`);
  const raw = Buffer.from(vapidKey, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('k= is not an uncompressed P-256 key');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') }, format: 'jwk' });
  const ok = verify('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!ok) throw new Error('the JWT signature does not verify with k=');
  const jwt = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Delivery['jwt'];
  if (jwt.aud !== audience) throw new Error(`JWT aud is ${jwt.aud}, not ${audience}`);
  if (!(jwt.exp > nowSeconds && jwt.exp <= nowSeconds + 24 * 3600)) throw new Error('JWT exp is not within the next 24 hours');
  if (!/^(mailto:|https:)/.test(jwt.sub)) throw new Error(`JWT sub is ${jwt.sub}`);
  return { jwt, vapidKey };
}

export async function startPushReceiver() {
  const devices = new Map<string, Device>();
  const deliveries: Delivery[] = [];
  const problems: string[] = [];
  const goneOnce = new Set<string>();
  /** Paths answered 410. */
  const gone: string[] = [];
  const waiters: (() => void)[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      try {
        const device = devices.get(path);
        if (!device) throw new Error(`no device at ${path}`);
        if (req.method !== 'POST') throw new Error(`method ${req.method}`);
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${req.headers['content-encoding']}`);
        if (goneOnce.delete(path)) {
          gone.push(path);
          res.writeHead(410).end();
          return;
        }
        const { jwt, vapidKey } = checkVapid(req.headers.authorization, `http://${req.headers.host}`, Math.floor(Date.now() / 1000));
        const payload = JSON.parse(decryptAes128gcm(Buffer.concat(chunks), device).toString('utf8')) as Record<string, unknown>;
        deliveries.push({ path, payload, jwt, vapidKey, ttl: Number(req.headers.ttl), urgency: (req.headers.urgency as string | undefined) ?? null });
        res.writeHead(201).end();
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
        res.writeHead(400).end();
      } finally {
        for (const w of waiters.splice(0)) w();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    deliveries,
    problems,
    gone,
    /** A new browser subscription: its own key pair and auth secret, as `pushManager.subscribe` makes. */
    device(id: string): Device {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const path = `/push/${id}`;
      const device: Device = { id, path, ecdh, auth, subscription: { endpoint: `${origin}${path}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } } };
      devices.set(path, device);
      return device;
    },
    /** The next push to this device is answered 410 Gone. */
    goneOnce(device: Device) {
      goneOnce.add(device.path);
    },
    /** Resolves once `count` deliveries (or refusals) have arrived in all, or rejects after `ms`. */
    async waitFor(count: number, ms = 5_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (deliveries.length + problems.length + gone.length < count) {
        if (Date.now() > deadline) throw new Error(`waited for ${count} pushes, got ${deliveries.length} (+${problems.length} refused)`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type PushReceiver = Awaited<ReturnType<typeof startPushReceiver>>;
