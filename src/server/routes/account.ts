import type { FastifyInstance, FastifyReply } from 'fastify';
import { ROUTES } from '../../contract';
import { SESSION_COOKIE } from '../auth/tokens';
import type { AccountService, SignedIn } from '../services/accounts';
import type { Limiter } from '../auth/limits';
import type { Clock } from '../services/clock';
import { zoneTableAround } from '../services/zoneTables';
import { defineRoute } from './define';

export function accountRoutes(app: FastifyInstance, accounts: AccountService, limits: Limiter, cookieSecure: boolean, clock: Clock): void {
  const setSessionCookie = (reply: FastifyReply, session: SignedIn) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieSecure,
      expires: session.expiresAt,
    });

  defineRoute(app, ROUTES.startGuest, async ({ body, request, reply }) => {
    await limits.take('guestPerAddress', request.ip);
    const session = await accounts.startGuest(body);
    setSessionCookie(reply, session);
    return session.me;
  });
  // A therapist's sign-up is held to the same limits as adding credentials to an account.
  defineRoute(app, ROUTES.createTherapist, async ({ body, request, reply }) => {
    await limits.take('credentialsPerAddress', request.ip);
    const session = await accounts.createTherapist(body);
    setSessionCookie(reply, session);
    return session.me;
  });
  defineRoute(app, ROUTES.signIn, async ({ body, request, reply }) => {
    await limits.take('signInPerAddress', request.ip);
    await limits.take('signInPerEmail', body.email.trim().toLowerCase());
    const session = await accounts.signIn(body);
    setSessionCookie(reply, session);
    return session.me;
  });
  defineRoute(app, ROUTES.signOut, async ({ request, reply }) => {
    await accounts.signOut(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
  defineRoute(app, ROUTES.signOutEverywhere, async ({ personId, reply }) => {
    await accounts.signOutEverywhere(personId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
  defineRoute(app, ROUTES.me, async ({ personId }) => accounts.me(personId));
  defineRoute(app, ROUTES.currentSession, async ({ personId }) => {
    if (!personId) return { me: null };
    const me = await accounts.me(personId);
    return { me, zone: zoneTableAround(me.timeZone, clock()) };
  });
  defineRoute(app, ROUTES.addCredentials, async ({ personId, body, request, reply }) => {
    await limits.take('credentialsPerAddress', request.ip);
    await limits.take('credentialsPerPerson', personId);
    const session = await accounts.addCredentials(personId, body);
    setSessionCookie(reply, session);
    return session.me;
  });
}
