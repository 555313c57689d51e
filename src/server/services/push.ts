import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import webpush from 'web-push';
import type { PushSubscriptionChange, PushSubscriptionPut } from '../../contract';
import type { ReminderMessage } from '../../core/reminders/messages';
import { AppError, invalid, notFound } from '../errors';
import type { PushRepository } from '../store/repositories/push';
import type { PushSubscriptionsTable } from '../store/schema';
import type { Clock } from './clock';
import { postToPushService } from './pushSend';
import { DEFAULT_VAPID_SUBJECT } from '../config';

export { DEFAULT_VAPID_SUBJECT };

export interface PushOptions {
  /** VAPID_SUBJECT: how a push service can reach whoever runs this server (mailto: or https:). */
  subject: string;
  /** PUSH_ALLOW_LOOPBACK: accept endpoints on this machine (tests play the push service on 127.0.0.1). */
  allowLoopback: boolean;
  /** How a host name becomes addresses (node:dns by default; a test may name its own hosts). */
  resolve?: Resolve;
}

/** The addresses a host name stands for. */
export type Resolve = (hostname: string) => Promise<string[]>;

const RESOLVE_TIMEOUT_MS = 5_000;

export const resolveWithDns: Resolve = async (hostname) => {
  const answers = await Promise.race([
    lookup(hostname, { all: true, verbatim: true }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the name did not resolve in time')), RESOLVE_TIMEOUT_MS).unref()),
  ]);
  return answers.map((a) => a.address);
};

/** What a push sends: the notification's own words, where a tap leads, and the ids its buttons need. Nothing else. */
export interface PushPayload extends ReminderMessage {
  reminderId: string;
  episodeId: string | null;
}

/** `refused`: the endpoint leads to this machine or a private network, so nothing was sent. */
export type Delivery = 'sent' | 'gone' | 'failed' | 'refused';

const SEND_TIMEOUT_MS = 10_000;

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
const nonPublic = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 3]] as const) nonPublic.addSubnet(net, bits, 'ipv4');
nonPublic.addSubnet('fc00::', 7, 'ipv6');
nonPublic.addSubnet('fe80::', 10, 'ipv6');
nonPublic.addAddress('::', 'ipv6');

type AddressKind = 'loopback' | 'private' | 'public' | 'name';

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

/** What a URL's host is on its face: an address (which kind), a name on this machine, or a name to look up. */
function addressKind(hostname: string): AddressKind {
  const host = bare(hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const family = isIP(host);
  if (family === 0) return 'name';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(host, type)) return 'loopback';
  return nonPublic.check(host, type) ? 'private' : 'public';
}

const refusal = (rule: string, message: string) => invalid([{ path: 'endpoint', rule, message }]);
const NOT_LOOPBACK = ['not_loopback', 'must be a push service, not an address on this machine'] as const;
const PUBLIC_ADDRESS = ['public_address', 'must be a push service on the internet, not a private network address'] as const;

/** A push endpoint must be an https address of a push service; one on this machine only when loopback is allowed. */
export function checkEndpoint(endpoint: string, allowLoopback: boolean): void {
  const url = new URL(endpoint);
  const where = addressKind(url.hostname);
  if (url.username || url.password) throw refusal('no_credentials', 'must not carry a user name or password');
  if (where === 'loopback') {
    if (!allowLoopback) throw refusal(...NOT_LOOPBACK);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refusal('https', 'must start with https://');
    return;
  }
  if (url.protocol !== 'https:') throw refusal('https', 'must start with https://');
  if (where === 'private') throw refusal(...PUBLIC_ADDRESS);
}

export type Resolved = { kind: 'address' } | { kind: 'resolved'; addresses: string[] } | { kind: 'unresolved' };

/**
 * The same rule for what a host name resolves to, so a name pointing at this machine or a private network is
 * refused too. Answers the addresses that passed (to connect to those only), or that the name did not resolve.
 */
export async function checkResolvedEndpoint(endpoint: string, allowLoopback: boolean, resolve: Resolve): Promise<Resolved> {
  const host = bare(new URL(endpoint).hostname);
  if (addressKind(host) !== 'name') return { kind: 'address' };
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return { kind: 'unresolved' };
  }
  if (addresses.length === 0) return { kind: 'unresolved' };
  const kinds = addresses.map(addressKind);
  if (kinds.includes('private') || kinds.includes('name')) throw refusal(...PUBLIC_ADDRESS);
  if (kinds.includes('loopback') && !allowLoopback) throw refusal(...NOT_LOOPBACK);
  return { kind: 'resolved', addresses };
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and the aes128gcm payload encryption of RFC 8291, by the `web-push`
 * library. Its own sender speaks HTTPS only, so the request it builds is sent by `postToPushService`: the same path
 * reaches a real push service and a test receiver on 127.0.0.1.
 */
export function pushService({ repo, clock, options, log }: { repo: PushRepository; clock: Clock; options: PushOptions; log: { warn(obj: object, msg: string): void } }) {
  const resolve = options.resolve ?? resolveWithDns;
  let keys: Promise<{ publicKey: string; privateKey: string }> | null = null;
  const vapidKeys = () => {
    keys ??= repo.vapidKeys(() => webpush.generateVAPIDKeys(), clock().toISOString()).then(
      (row) => ({ publicKey: row.public_key, privateKey: row.private_key }),
      (error: unknown) => {
        keys = null;
        throw error;
      },
    );
    return keys;
  };

  /** A subscription as stored, once its endpoint passed the rules. */
  async function storable(input: PushSubscriptionPut, now: string) {
    checkEndpoint(input.endpoint, options.allowLoopback);
    // A name that does not resolve now is kept: it is looked up again before each send, and nothing goes until it does.
    await checkResolvedEndpoint(input.endpoint, options.allowLoopback, resolve);
    const expiration = input.expirationTime === null || input.expirationTime === undefined ? null : new Date(input.expirationTime).toISOString();
    return { endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, expiration_time: expiration, updated_at: now };
  }

  return {
    vapidKeys,
    async publicKey(): Promise<{ publicKey: string }> {
      return { publicKey: (await vapidKeys()).publicKey };
    },

    async putSubscription(personId: string, id: string, input: PushSubscriptionPut) {
      const now = clock().toISOString();
      const row = await repo.putSubscription({ person_id: personId, id, ...(await storable(input, now)), created_at: now });
      return toDevice(row);
    },
    /** The browser replaced a subscription: the person's device that had the old endpoint takes the new one (404 when none did). */
    async changeSubscription(personId: string, input: PushSubscriptionChange) {
      const next = await storable(input.subscription, clock().toISOString()).catch((error: unknown) => {
        // The endpoint refused is the new subscription's: say so by its place in this body.
        if (error instanceof AppError && error.issues) throw invalid(error.issues.map((i) => ({ ...i, path: `subscription.${i.path}` })));
        throw error;
      });
      const row = await repo.replaceEndpoint(personId, input.oldEndpoint, next);
      if (!row) throw notFound('That push subscription');
      return toDevice(row);
    },
    async removeSubscription(personId: string, id: string): Promise<void> {
      await repo.deleteSubscription(personId, id);
    },
    async devices(personId: string) {
      return (await repo.subscriptionsOf(personId)).map(toDevice);
    },
    subscriptionsOf: (personId: string) => repo.subscriptionsOf(personId),
    /** For the account export: each device's endpoint, never its keys. */
    async exportedDevices(personId: string) {
      return (await repo.subscriptionsOf(personId)).map((row) => ({ ...toDevice(row), endpoint: row.endpoint, expirationTime: row.expiration_time }));
    },

    /**
     * Sends one payload to one device. A push service that answers 404 or 410 has let the subscription go: it is
     * removed, so no later reminder tries it. `ttlSeconds` lets the push service drop it once it would be stale.
     */
    async deliver(subscription: PushSubscriptionsTable, payload: PushPayload, ttlSeconds: number): Promise<Delivery> {
      let resolved: Resolved;
      try {
        // Again at each send: a name may point somewhere else since the subscription was stored.
        checkEndpoint(subscription.endpoint, options.allowLoopback);
        resolved = await checkResolvedEndpoint(subscription.endpoint, options.allowLoopback, resolve);
      } catch {
        log.warn({ subscription: subscription.id }, 'a push endpoint leads to this machine or a private network: not sent');
        return 'refused';
      }
      if (resolved.kind === 'unresolved') {
        log.warn({ subscription: subscription.id }, 'a push service name did not resolve');
        return 'failed';
      }
      const { publicKey, privateKey } = await vapidKeys();
      const request = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, JSON.stringify(payload), {
        vapidDetails: { subject: options.subject, publicKey, privateKey },
        TTL: Math.max(0, Math.round(ttlSeconds)),
        urgency: payload.kind === 'stand-up' ? 'high' : 'normal',
        // A newer reminder of the same kind replaces one the device has not fetched yet.
        topic: payload.kind,
        contentEncoding: 'aes128gcm',
      });
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-length').map(([k, v]) => [k, String(v)]));
      try {
        const status = await postToPushService(request.endpoint, headers, Buffer.from(request.body), resolved.kind === 'resolved' ? resolved.addresses : null, SEND_TIMEOUT_MS);
        if (status === 404 || status === 410) {
          await repo.deleteEndpoint(subscription.endpoint);
          return 'gone';
        }
        if (status >= 200 && status < 300) return 'sent';
        log.warn({ status }, 'push service refused a reminder');
        return 'failed';
      } catch (error) {
        log.warn({ reason: error instanceof Error ? error.name : 'unknown' }, 'push service could not be reached');
        return 'failed';
      }
    },
  };
}
export type PushService = ReturnType<typeof pushService>;

function toDevice(row: PushSubscriptionsTable) {
  return { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at };
}
