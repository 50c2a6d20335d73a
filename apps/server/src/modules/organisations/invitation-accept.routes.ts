import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AcceptInvitationBody, InvitationPreview, Session } from '@varde/contracts';
import { apiError, ok } from '../../core/api-responses';
import type { AppConfig } from '../../config';
import { setSessionCookie } from '../../core/cookies';
import { publicAccess } from '../../core/route-permissions';
import type { AuthService } from '../auth/auth.service';
import type { InvitationService } from './invitation.service';

const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) });
const invalid = apiError('The invitation is unknown, already used, withdrawn or expired (`invitation_invalid`)');

/** Following an invitation link: what it offers, and accepting it (public). */
export async function invitationAcceptRoutes(app: FastifyInstance, deps: { invitations: InvitationService; auth: AuthService; config: AppConfig }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/invitations/:token',
    {
      config: publicAccess,
      schema: {
        operationId: 'getInvitation',
        tags: ['invitations'],
        summary: 'What an invitation link offers',
        params: TokenParams,
        response: {
          200: ok(InvitationPreview, 'The organisation, the role and the e-mail address invited, and whether that address already has an account'),
          410: invalid,
        },
      },
    },
    async (request) => deps.invitations.preview(request.params.token),
  );

  r.post(
    '/api/invitations/:token/accept',
    {
      config: { ...publicAccess, rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        operationId: 'acceptInvitation',
        tags: ['invitations'],
        summary: 'Accept an invitation: create the account (or confirm an existing one) and sign in',
        description: 'A new person gives a name and a password; someone who already has an account confirms with their password (a wrong one answers 400).',
        params: TokenParams,
        body: AcceptInvitationBody,
        response: { 200: ok(Session, 'Joined and signed in: the session cookie is set; the body holds the user and the CSRF token'), 410: invalid },
      },
    },
    async (request, reply) => {
      const session = await deps.invitations.accept(request.params.token, request.body);
      setSessionCookie(reply, deps.config, session.token, session.expiresAt);
      return deps.auth.sessionBody(session.userId, session.csrfToken);
    },
  );
}
