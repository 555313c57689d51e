import { configFromEnv, ConfigError } from './config';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = configFromEnv();
  const server = await startServer({
    dataDir: config.dataDir,
    port: config.port,
    host: config.host,
    webRoot: config.webRoot,
    databaseUrl: config.databaseUrl,
    ...(config.databaseSchema ? { pgSchema: config.databaseSchema } : {}),
    logLevel: config.logLevel,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    timeouts: { requestMs: config.requestTimeoutMs },
    maxConnections: config.maxConnections,
    shutdownGraceMs: config.shutdownGraceMs,
    push: { subject: config.vapidSubject, allowLoopback: config.pushAllowLoopback },
  });
  const storage = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  server.app.log.info(`Unclench is ready at ${server.url} (storage: ${storage})`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info(`${signal} received: finishing open requests and closing`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration problem: ${error.message}`);
  else console.error('Unclench could not start:', error);
  process.exit(1);
});
