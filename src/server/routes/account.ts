import type { FastifyInstance, FastifyReply } from 'fastify';
import { ROUTES } from '../../contract';
import { SESSION_COOKIE } from '../auth/tokens';
import type { AccountService, SignedIn } from '../services/accounts';
import { defineRoute } from './define';

export function accountRoutes(app: FastifyInstance, accounts: AccountService, cookieSecure: boolean): void {
  const setSessionCookie = (reply: FastifyReply, session: SignedIn) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieSecure,
      expires: session.expiresAt,
    });

  defineRoute(app, ROUTES.startGuest, async ({ body, reply }) => {
    const session = await accounts.startGuest(body);
    setSessionCookie(reply, session);
    return session.me;
  });
  defineRoute(
    app,
    ROUTES.signIn,
    async ({ body, reply }) => {
      const session = await accounts.signIn(body);
      setSessionCookie(reply, session);
      return session.me;
    },
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
  );
  defineRoute(app, ROUTES.signOut, async ({ request, reply }) => {
    await accounts.signOut(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
  defineRoute(app, ROUTES.me, async ({ personId }) => accounts.me(personId));
  defineRoute(
    app,
    ROUTES.addCredentials,
    async ({ personId, body }) => accounts.addCredentials(personId, body),
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
  );
}
