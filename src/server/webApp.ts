import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from './errors';
import { SESSION_COOKIE } from './auth/tokens';

/** Sent with the page to a browser that has a session (index.html itself preloads GET /api/v1/session for everyone). */
export const EPISODES_PRELOAD = '</api/v1/episodes>; rel=preload; as=fetch; crossorigin=anonymous';

/** The pages that open on Today for a person with an episode. */
const TODAY_PAGES: ReadonlySet<string> = new Set(['/', '/today']);

/** Today's four reads (as `offline/load.ts` asks them), fetched with the page so they need not wait for its code. */
export function todayPreloads(episodeId: string): string[] {
  const base = `/api/v1/episodes/${episodeId}`;
  return [`${base}/today`, `${base}/check-ins`, `${base}/movements`, `${base}/sessions`].map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`);
}

/** The signed-in person's current episode (the first of their list), or null for anyone else. */
export type CurrentEpisodeOf = (sessionToken: string) => Promise<string | null>;

/**
 * Serves the built web app from `webRoot`: the files as built, with the brotli or gzip copy the build wrote beside
 * each text file when the browser accepts it (`Content-Encoding`, and `Vary: Accept-Encoding` for caches); content-
 * hashed /assets immutable for a year, everything else (index.html, the service worker) checked on every use. Any
 * other page address gets index.html, so deep links open the app; anything else answers the API's 404.
 */
export async function serveWebApp(app: FastifyInstance, webRoot: string | null, currentEpisodeOf?: CurrentEpisodeOf): Promise<void> {
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

  // A signed-in browser's first question after "who is this?" is its episodes: let it fetch them with the page. A page
  // that opens on Today also fetches Today's reads at once, when the session is live and the person has an episode.
  app.addHook('onSend', async (request, reply, payload) => {
    const token = request.cookies[SESSION_COOKIE];
    if (request.method === 'GET' && token && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      const page = request.url.split('?')[0] ?? '';
      const episodeId = currentEpisodeOf && TODAY_PAGES.has(page) ? await currentEpisodeOf(token).catch(() => null) : null;
      reply.header('link', [EPISODES_PRELOAD, ...(episodeId ? todayPreloads(episodeId) : [])].join(', '));
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
