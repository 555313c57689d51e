import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from './errors';
import { SESSION_COOKIE } from './auth/tokens';
import { chooseEncoding, compressPayload } from './apiCompression';
import { bootScript, EPISODES_READ, episodeReads, firstScreenOf, screenLinks, SESSION_READ, type Manifest } from './pageBoot';

/** A file read again only when it changes on disk (a rebuild while the server runs). */
function watchedFile<T>(file: string, parse: (text: string) => T): () => T | null {
  let seen: { mtimeMs: number; value: T } | null = null;
  return () => {
    try {
      const { mtimeMs } = fs.statSync(file);
      if (seen?.mtimeMs !== mtimeMs) seen = { mtimeMs, value: parse(fs.readFileSync(file, 'utf8')) };
      return seen.value;
    } catch {
      return null;
    }
  };
}

/**
 * Serves the built web app from `webRoot`: the files as built, with the brotli or gzip copy the build wrote beside
 * each text file when the browser accepts it (`Content-Encoding`, and `Vary: Accept-Encoding` for caches); content-
 * hashed /assets immutable for a year, everything else (the service worker, the manifest) checked on every use.
 *
 * A page (`/`, and any other page address, so deep links open the app) is index.html with, for a browser opening
 * it, the first screen's code linked and its first reads answered inside (pageBoot.ts). Those answers are about one
 * person, so the page is kept by no cache. Anything else answers the API's 404.
 */
export async function serveWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const indexHtml = webRoot ? path.join(webRoot, 'index.html') : null;
  const hasApp = () => indexHtml !== null && fs.existsSync(indexHtml);
  if (!webRoot || !indexHtml || !hasApp()) {
    if (webRoot) app.log.warn(`No web app at ${webRoot}: serving the API only (run "npm run build").`);
    app.setNotFoundHandler(notFound);
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    // Pages are made below, not sent as the file.
    index: false,
    preCompressed: true,
    // Our own Cache-Control below (immutable for hashed assets, no-cache for the rest) must not be overwritten.
    cacheControl: false,
    setHeaders: (res, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('vary', 'accept-encoding');
    },
  });
  const template = watchedFile(indexHtml, (text) => text);
  const manifest = watchedFile(path.join(webRoot, '.vite', 'manifest.json'), (text) => JSON.parse(text) as Manifest);

  /** The API's own answer to a GET made with this request's session, or undefined when it is not a plain 200. */
  const readAs = async (request: FastifyRequest, url: string): Promise<unknown> => {
    const token = request.cookies[SESSION_COOKIE];
    const res = await app.inject({ method: 'GET', url, headers: { accept: 'application/json', ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}) } });
    return res.statusCode === 200 ? res.json() : undefined;
  };

  /** The first screen's reads (answered as the API would) and its code's links, for a browser opening this page. */
  const bootFor = async (request: FastifyRequest, page: string): Promise<string> => {
    const reads: Record<string, unknown> = {};
    const session = (await readAs(request, SESSION_READ)) as { me?: { role?: string } | null } | undefined;
    if (session === undefined) return '';
    reads[SESSION_READ] = session;
    let who: 'newcomer' | 'person-with-episode' | 'other' = session.me ? 'other' : 'newcomer';
    if (session.me?.role === 'person') {
      const episodes = (await readAs(request, EPISODES_READ)) as { id: string }[] | undefined;
      if (episodes !== undefined) reads[EPISODES_READ] = episodes;
      const current = episodes?.[0]?.id;
      if (current) {
        who = 'person-with-episode';
        const urls = episodeReads(page, current);
        const answers = await Promise.all(urls.map((url) => readAs(request, url)));
        urls.forEach((url, i) => {
          if (answers[i] !== undefined) reads[url] = answers[i];
        });
      }
    }
    const screen = firstScreenOf(page, who);
    const built = screen ? manifest() : null;
    const links = screen && built ? screenLinks(built, screen) : '';
    return links + bootScript(reads);
  };

  const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const html = template();
    if (html === null) return notFound(request, reply);
    const page = request.url.split('?')[0] ?? '/';
    // Only a browser opening the page gets answers in it: never the service worker filling its offline copy of the
    // app (which must hold no one's data), nor a script fetching the page.
    const opening = request.headers['sec-fetch-mode'] === 'navigate';
    const boot = opening ? await bootFor(request, page) : '';
    // Without answers the page is the file as built, with its precompressed copies.
    if (!boot) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    const body = html.includes('</head>') ? html.replace('</head>', `${boot}</head>`) : `${html}${boot}`;
    reply.header('content-type', 'text/html; charset=utf-8');
    reply.header('cache-control', 'no-store');
    reply.header('vary', 'accept-encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    const compressed = encoding ? await compressPayload(body, encoding) : null;
    if (encoding && compressed) return reply.header('content-encoding', encoding).send(compressed);
    return reply.send(body);
  };

  app.get('/', sendPage);
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html');
    return isPage && hasApp() ? sendPage(request, reply) : notFound(request, reply);
  });
}

function notFound(_request: FastifyRequest, reply: FastifyReply) {
  const error = new AppError('not_found', 'There is nothing at this address.');
  return reply.code(error.status).send(error.toBody());
}
