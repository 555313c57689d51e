import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { openStore, type Store } from './store';
import type { Clock } from './services/clock';

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
  clock?: Clock;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/** Opens the store (running migrations), builds the app and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = await openStore({ databaseUrl: options.databaseUrl ?? null, dataDir: options.dataDir, ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}) });
  const app = await buildApp({
    store,
    logLevel: options.logLevel ?? 'warn',
    webRoot: options.webRoot ?? null,
    cookieSecure: options.cookieSecure ?? false,
    trustProxy: options.trustProxy ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return {
    url: address,
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
