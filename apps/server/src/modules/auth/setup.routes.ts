import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorCode, Session } from '@varde/contracts';
import { MailToken, SetupBody } from '@varde/contracts/mail-api';
import type { AppConfig } from '../../config';
import { apiError, ok } from '../../core/api-responses';
import { AppError } from '../../core/app-error';
import { setSessionCookie } from '../../core/cookies';
import { publicAccess } from '../../core/route-permissions';
import type { AuthService } from './auth.service';
import type { SetupService } from './setup.service';

const TokenParams = Type.Object({ token: MailToken });
const invalid = apiError('The setup link is unknown, used or expired, or a platform administrator exists (`link_invalid`)');
const notLocal = apiError('The request did not come from this machine (`forbidden`): setup links work from a loopback address only');

/**
 * The address of the socket itself: never `X-Forwarded-For` (Fastify's `request.ip` follows it when
 * TRUST_PROXY is on), so a proxy in front cannot make a remote caller look local.
 */
function isLoopback(request: FastifyRequest): boolean {
  const address = request.raw.socket.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

function assertLocal(request: FastifyRequest) {
  if (!isLoopback(request)) throw new AppError(ErrorCode.forbidden, 'error.setup_local_only');
}

/** First-run setup: the link the server prints while no platform administrator exists (public, loopback only). */
export async function setupRoutes(app: FastifyInstance, deps: { setup: SetupService; auth: AuthService; config: AppConfig }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/setup/:token',
    {
      config: publicAccess,
      schema: {
        operationId: 'getSetup',
        tags: ['auth'],
        summary: 'Whether a first-run setup link works, and until when',
        params: TokenParams,
        response: {
          200: ok(Type.Object({ expiresAt: Type.String({ format: 'date-time' }) }), 'The link works until `expiresAt`'),
          403: notLocal,
          410: invalid,
        },
      },
    },
    async (request) => {
      assertLocal(request);
      return deps.setup.check(request.params.token);
    },
  );

  r.post(
    '/api/setup/:token',
    {
      config: { ...publicAccess, rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        operationId: 'completeSetup',
        tags: ['auth'],
        summary: 'Create the first platform administrator with the setup link, and sign in',
        description: 'The password rule is the same as everywhere. An existing account with the address becomes the administrator with the new password.',
        params: TokenParams,
        body: SetupBody,
        response: { 200: ok(Session, 'Created and signed in: the session cookie is set'), 403: notLocal, 410: invalid },
      },
    },
    async (request, reply) => {
      assertLocal(request);
      const userId = await deps.setup.complete(request.params.token, request.body);
      const session = await deps.auth.startSession(userId);
      setSessionCookie(reply, deps.config, session.token, session.expiresAt);
      return deps.auth.sessionBody(userId, session.csrfToken);
    },
  );
}
