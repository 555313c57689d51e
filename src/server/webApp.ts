import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from './errors';
import { SESSION_COOKIE } from './auth/tokens';

/** Sent with the page to a browser that has a session (index.html itself preloads GET /api/v1/session for everyone). */
export const EPISODES_PRELOAD = '</api/v1/episodes>; rel=preload; as=fetch; crossorigin=anonymous';

/**
 * Serves the built web app from `webRoot`: the files as built, with the brotli or gzip copy the build wrote beside
 * each text file when the browser accepts it (`Content-Encoding`, and `Vary: Accept-Encoding` for caches); content-
 * hashed /assets immutable for a year, everything else (index.html, the service worker) checked on every use. Any
 * other page address gets index.html, so deep links open the app; anything else answers the API's 404.
 */
export async function serveWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const indexHtml = webRoot ? path.join(webRoot, 'index.html') : null;
  const hasApp = () => indexHtml !== null && fs.existsSync(indexHtml);
  if (webRoot && hasApp()) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: ['index.html'],
      preCompressed: true,
      // Our own Cache-Control below (immutable for hashed assets, no-cache for the rest) must not be overwritten.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('vary', 'accept-encoding');
      },
    });
  } else if (webRoot) {
    app.log.warn(`No web app at ${webRoot}: serving the API only (run "npm run build").`);
  }

  // A signed-in browser's first question after "who is this?" is its episodes: let it fetch them with the page.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' && request.cookies[SESSION_COOKIE] && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('link', EPISODES_PRELOAD);
    }
    return payload;
  });

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html');
    if (isPage && hasApp()) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    const error = new AppError('not_found', 'There is nothing at this address.');
    return reply.code(error.status).send(error.toBody());
  });
}
