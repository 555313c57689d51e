import type { FastifyInstance } from 'fastify';
import { buildApp, type Timeouts } from './app';
import { openStore, type Store } from './store';
import type { Clock } from './services/clock';
import type { PushOptions } from './services/push';

export interface StartOptions {
  dataDir: string;
  port?: number;
  host?: string;
  webRoot?: string | null;
  databaseUrl?: string | null;
  /** PostgreSQL only: keep this instance's tables in their own schema (used by tests). */
  pgSchema?: string;
  logLevel?: string;
  cookieSecure?: boolean;
  trustProxy?: boolean | number | string;
  timeouts?: Partial<Timeouts>;
  /** Most connections open at once; more are refused at once, so a crowd of slow clients cannot exhaust the server. */
  maxConnections?: number;
  /** How long close() lets requests in flight finish before cutting them. */
  shutdownGraceMs?: number;
  clock?: Clock;
  /** Web Push: the VAPID subject and whether endpoints on this machine are accepted. */
  push?: Partial<PushOptions>;
  /** How often due reminders are sent (default every 10 s). */
  reminderTickMs?: number;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/** Opens the store (running migrations), builds the app and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = await openStore({ databaseUrl: options.databaseUrl ?? null, dataDir: options.dataDir, backgroundCheckpoints: true, ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}) });
  const app = await buildApp({
    store,
    logLevel: options.logLevel ?? 'warn',
    webRoot: options.webRoot ?? null,
    cookieSecure: options.cookieSecure ?? false,
    trustProxy: options.trustProxy ?? false,
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.push ? { push: options.push } : {}),
    reminderTickMs: options.reminderTickMs ?? 10_000,
  });
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  app.server.maxConnections = options.maxConnections ?? 1_000;
  const graceMs = options.shutdownGraceMs ?? 10_000;
  return {
    url: address,
    app,
    store,
    /**
     * Stops accepting connections, closes idle kept-alive ones, lets requests in flight finish (new requests on an
     * open connection get 503 and "Connection: close"), and after `graceMs` cuts whatever is still open.
     */
    async close() {
      const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
      cut.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
      }
      await store.close();
    },
  };
}
