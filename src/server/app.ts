import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { ROUTES } from '../contract';
import { buildOpenApi } from '../contract/openapi';
import { AppError } from './errors';
import { SESSION_COOKIE } from './auth/tokens';
import { chooseEncoding, compressPayload } from './apiCompression';
import { isCrossSiteWrite } from './auth/origin';
import { limiter, RateLimited, RATE_LIMITS, type RateLimits } from './auth/limits';
import { repositories, ping, type Store } from './store';
import { accountService } from './services/accounts';
import { episodeService } from './services/episodes';
import { planService } from './services/plans';
import { preferencesService } from './services/preferences';
import { muscleNoteService } from './services/muscleNotes';
import { activityService } from './services/activity';
import { activityRoutes } from './routes/activity';
import { postureCheckService } from './services/postureChecks';
import { postureCheckRoutes } from './routes/postureChecks';
import { functionGoalService } from './services/functionGoals';
import { functionGoalRoutes } from './routes/functionGoals';
import { systemClock, type Clock } from './services/clock';
import { accountRoutes } from './routes/account';
import { episodeRoutes } from './routes/episodes';
import { planRoutes } from './routes/plans';
import { defineRoute, type ActFor, type Caller } from './routes/define';
import { therapistService } from './services/therapists';
import { therapistRoutes } from './routes/therapists';
import { serveWebApp } from './webApp';
import { DEFAULT_VAPID_SUBJECT, pushService, type PushOptions } from './services/push';
import { reminderService, type ReminderService } from './services/reminders';
import { pushRoutes } from './routes/push';
import { apiSecurityHeaders, isCameraPage, permissionsPolicy, securityHeaders } from './securityHeaders';
import { RequestLog } from './requestLog';
import { dataRightsService } from './services/dataRights';
import { dataRightsRoutes } from './routes/dataRights';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, or null. */
    caller: Caller | null;
  }
  interface FastifyInstance {
    /** Lets a linked therapist act for a person (the routes' one authorisation check uses it). */
    actFor: ActFor;
    /** The reminder scheduler: `tick()` sends what is due (a timer calls it when `reminderTickMs` is set). */
    reminders: ReminderService;
  }
}

export interface AppOptions {
  store: Store;
  logLevel?: string;
  webRoot?: string | null;
  cookieSecure?: boolean;
  clock?: Clock;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For): false (the default) believes none;
   * a number of hops, or a list of addresses/CIDRs such as "loopback" or "10.0.0.0/8".
   */
  trustProxy?: boolean | number | string;
  /** Rate limits (tests may loosen one they do not test). */
  rateLimits?: Partial<RateLimits>;
  /** How long a slow client may take: the whole request, headers alone, and an idle kept-alive connection. */
  timeouts?: Partial<Timeouts>;
  /** Web Push: the VAPID subject, and whether endpoints on this machine are accepted (tests). */
  push?: Partial<PushOptions>;
  /** How often this instance sends due reminders; null (the default, for tests) runs no timer. */
  reminderTickMs?: number | null;
}

export interface Timeouts {
  requestMs: number;
  headersMs: number;
  keepAliveMs: number;
}
export const TIMEOUTS: Timeouts = { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000 };

/** Largest JSON body accepted; every real request is far smaller. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export async function buildApp({ store, logLevel = 'info', webRoot = null, cookieSecure = false, clock = systemClock, trustProxy = false, rateLimits = {}, timeouts = {}, push: pushOptions = {}, reminderTickMs = null }: AppOptions): Promise<FastifyInstance> {
  const limits = { ...TIMEOUTS, ...timeouts };
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    // A client that drips its request (or only its headers) is cut off; Node checks these every second.
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    http: { headersTimeout: limits.headersMs, connectionsCheckingInterval: 1_000 },
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    logger: {
      level: logLevel,
      // Never log secrets: cookies, credentials or anything a person typed.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'body', 'password'],
    },
    logController: new RequestLog(),
  });

  // Bodies are JSON only: any other content type is 415 (Fastify would otherwise take text/plain as a string).
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  const headers = securityHeaders({ https: cookieSecure });
  const apiHeaders = apiSecurityHeaders(headers);
  // A page that uses the camera is opened as a whole page (not within the app), so only its document may ask for it.
  const cameraPageHeaders = { ...headers, 'permissions-policy': permissionsPolicy({ camera: true }) };
  // While shutting down, each reply closes its connection, so no kept-alive socket outlives the requests in flight.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  // API replies are JSON made per request (the web files are compressed at build time): big ones go compressed.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/') || reply.getHeader('content-encoding')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('application/json') && !type.startsWith('text/')) return payload;
    reply.header('vary', 'accept-encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    const body = encoding ? await compressPayload(payload, encoding) : null;
    if (!encoding || !body) return payload;
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return body;
  });

  const repos = repositories(store);
  const accounts = accountService({ persons: repos.persons, sessions: repos.sessions, pushDevices: repos.push, clock });
  const episodes = episodeService({ persons: repos.persons, episodes: repos.episodes, checkIns: repos.checkIns, clock });
  const preferences = preferencesService({ preferences: repos.preferences, clock });
  const muscleNotes = muscleNoteService({ episodes, muscleNotes: repos.muscleNotes, clock });
  const activity = activityService({ episodes, sessionLogs: repos.sessionLogs, movements: repos.movements, comfortLogs: repos.comfortLogs, clock });
  const postureChecks = postureCheckService({ episodes, postureChecks: repos.postureChecks, clock });
  const functionGoals = functionGoalService({ episodes, functionGoals: repos.functionGoals, clock });
  const plans = planService({ episodes, repos, preferences, functionGoals, clock });
  const therapists = therapistService({ repo: repos.therapists, persons: repos.persons, episodes: repos.episodes, plans, clock });
  const push = pushService({ repo: repos.push, clock, options: { subject: DEFAULT_VAPID_SUBJECT, allowLoopback: false, ...pushOptions }, log: app.log });
  const reminders = reminderService({ reminders: repos.reminders, episodes, plans, push, clock, log: app.log });
  const dataRights = dataRightsService({ accounts, persons: repos.persons, episodes, muscleNotes, activity, functionGoals, preferences, plans, push, reminders, postureChecks, therapists, erasure: repos.accountErasure, clock });
  app.decorate('reminders', reminders);
  app.addHook('onClose', async () => reminders.idle());
  if (reminderTickMs !== null) {
    // A serving instance makes (or reads back) the VAPID key pair on start, so the first subscription need not wait.
    await push.vapidKeys();
    const timer = setInterval(() => void reminders.tick().catch((error: unknown) => app.log.error({ err: error }, 'the reminder scheduler failed')), reminderTickMs);
    timer.unref();
    app.addHook('preClose', async () => clearInterval(timer));
  }

  app.decorate('actFor', therapists.actFor);

  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request, reply) => {
    const isApi = request.url.startsWith('/api/');
    const page = request.url.split('?')[0] ?? '';
    reply.headers(isApi || request.url.startsWith('/healthz') || request.url.startsWith('/readyz') ? apiHeaders : isCameraPage(page) ? cameraPageHeaders : headers);
    if (isCrossSiteWrite(request.method, request.headers, request.host)) {
      throw new AppError('forbidden', 'Unclench only takes changes from its own pages. Open Unclench itself and try again.');
    }
    if (isApi) request.caller = await accounts.authenticate(request.cookies[SESSION_COOKIE]);
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const known = toAppError(error);
    if (known.code === 'internal' || known.code === 'unavailable') request.log.error({ err: error }, 'request failed');
    if (known instanceof RateLimited) reply.header('retry-after', String(known.retryAfterSeconds));
    return reply.code(known.status).send(known.toBody());
  });

  // Liveness asks nothing of the database, so a load balancer's frequent checks cost next to nothing.
  const health = { status: 'ok' as const, database: store.kind };
  defineRoute(app, ROUTES.health, async () => health);
  defineRoute(app, ROUTES.ready, async () => {
    try {
      await ping(store.db);
    } catch (cause) {
      throw new AppError('unavailable', 'The database is not answering.', undefined, { cause });
    }
    return { status: 'ok' as const, database: store.kind };
  });
  const rateLimiter = limiter(repos.rateLimits, clock, { ...RATE_LIMITS, ...rateLimits });
  accountRoutes(app, accounts, rateLimiter, cookieSecure, clock);
  episodeRoutes(app, episodes, therapists);
  planRoutes(app, { plans, preferences, muscleNotes });
  activityRoutes(app, activity);
  postureCheckRoutes(app, postureChecks);
  functionGoalRoutes(app, functionGoals);
  pushRoutes(app, push, reminders);
  dataRightsRoutes(app, dataRights, clock);
  therapistRoutes(app, therapists, rateLimiter);

  const openApi = buildOpenApi(ROUTES, { title: 'Unclench API', version: '1' });
  app.get('/api/docs', async () => openApi);
  app.get('/api/docs/openapi.json', async () => openApi);

  await serveWebApp(app, webRoot);

  return app;
}

function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large', `The request is larger than ${BODY_LIMIT_BYTES / 1024} KB.`, [
        { path: '(body)', rule: 'max_bytes', message: `must be at most ${BODY_LIMIT_BYTES / 1024} KB` },
      ]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request as JSON (content-type: application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation_failed', 'The request body is empty.', [{ path: '(body)', rule: 'required', message: 'is required' }]);
  }
  // Errors the static file server raises for what a client sent (a path that climbs out, a range past the end,
  // a precondition that fails) are the client's, never a 500.
  switch (error.statusCode) {
    case 403:
      return new AppError('forbidden', 'That address is not allowed.');
    case 404:
      return new AppError('not_found', 'There is nothing at this address.');
    case 412:
      return new AppError('precondition_failed', 'The file has changed since your copy; load it again.');
    case 416:
      return new AppError('range_not_satisfiable', 'That part of the file does not exist.');
  }
  if (error.statusCode === 400) {
    return new AppError('validation_failed', 'The request body is not valid JSON.', [{ path: '(body)', rule: 'json', message: 'must be valid JSON' }]);
  }
  return new AppError('internal', 'Something went wrong on our side. Your saved data is safe; please try again.');
}
