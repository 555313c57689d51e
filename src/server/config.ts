import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** postgres://… switches storage to PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl: string | null;
  /** DATABASE_SCHEMA: PostgreSQL only, keep the tables in this schema (created if missing) instead of public. */
  databaseSchema: string | null;
  dataDir: string;
  logLevel: string;
  /** Where the built web app lives; null serves the API only. */
  webRoot: string | null;
  /** Mark the session cookie Secure (set when served over HTTPS). */
  cookieSecure: boolean;
  /** Which proxies may tell the client's address (X-Forwarded-For); false believes none. */
  trustProxy: boolean | number | string;
  /** REQUEST_TIMEOUT_MS: the longest a client may take to send one whole request. */
  requestTimeoutMs: number;
  /** MAX_CONNECTIONS: connections open at once. */
  maxConnections: number;
  /** SHUTDOWN_GRACE_MS: how long SIGTERM lets requests in flight finish. */
  shutdownGraceMs: number;
  /** VAPID_SUBJECT: how a push service can reach whoever runs this server (mailto: or https:). */
  vapidSubject: string;
  /** PUSH_ALLOW_LOOPBACK: accept push endpoints on this machine (for tests only). */
  pushAllowLoopback: boolean;
}

export class ConfigError extends Error {}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    databaseUrl,
    databaseSchema: databaseSchemaFrom(env.DATABASE_SCHEMA),
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    webRoot: path.resolve(env.WEB_ROOT?.trim() || './dist/web'),
    cookieSecure: env.COOKIE_SECURE === 'true',
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    requestTimeoutMs: wholeNumber(env, 'REQUEST_TIMEOUT_MS', 30_000, 1_000),
    maxConnections: wholeNumber(env, 'MAX_CONNECTIONS', 1_000, 1),
    shutdownGraceMs: wholeNumber(env, 'SHUTDOWN_GRACE_MS', 10_000, 0),
    vapidSubject: vapidSubjectFrom(env.VAPID_SUBJECT),
    pushAllowLoopback: env.PUSH_ALLOW_LOOPBACK === 'true',
  };
}

export const DEFAULT_VAPID_SUBJECT = 'mailto:reminders@unclench.invalid';

function vapidSubjectFrom(value: string | undefined): string {
  const text = value?.trim() ?? '';
  if (text === '') return DEFAULT_VAPID_SUBJECT;
  if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(text)) throw new ConfigError('VAPID_SUBJECT must be a mailto: address or an https:// URL where the people who run this server can be reached');
  return text;
}

function databaseSchemaFrom(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (!/^[a-z_][a-z0-9_]*$/.test(text)) throw new ConfigError('DATABASE_SCHEMA must be a plain lower-case name (letters, digits, _)');
  return text;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name]?.trim() ?? '';
  if (text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be a whole number of at least ${min} (got "${text}")`);
  return value;
}

/**
 * TRUST_PROXY: unset or "false" believes no proxy (the client's address is the socket's); a whole number trusts
 * that many hops; otherwise a comma-separated list of proxy addresses or CIDRs ("loopback", "10.0.0.0/8"). "true"
 * trusts any sender and is refused: it would let anyone choose their address and so escape the rate limits.
 */
function trustProxyFrom(value: string | undefined): boolean | number | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') throw new ConfigError('TRUST_PROXY=true would let any client choose its address; give the number of proxies in front (e.g. 1) or their addresses (e.g. loopback or 10.0.0.0/8)');
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}
