import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AcceptInvitationBody, ErrorResponse, InvitationPreview, Session } from '@varde/contracts';
import type { AppConfig } from '../../config';
import { setSessionCookie } from '../../core/cookies';
import { publicAccess } from '../../core/route-permissions';
import type { AuthService } from '../auth/auth.service';
import type { InvitationService } from './invitation.service';

const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) });
const errors = { 400: ErrorResponse, 403: ErrorResponse, 410: ErrorResponse };

/** Following an invitation link: what it offers, and accepting it (public). */
export async function invitationAcceptRoutes(app: FastifyInstance, deps: { invitations: InvitationService; auth: AuthService; config: AppConfig }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/invitations/:token',
    {
      config: publicAccess,
      schema: { tags: ['invitations'], summary: 'What an invitation link offers', params: TokenParams, response: { 200: InvitationPreview, ...errors } },
    },
    async (request) => deps.invitations.preview(request.params.token),
  );

  r.post(
    '/api/invitations/:token/accept',
    {
      config: { ...publicAccess, rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation: create the account (or confirm an existing one) and sign in',
        params: TokenParams,
        body: AcceptInvitationBody,
        response: { 200: Session, ...errors },
      },
    },
    async (request, reply) => {
      const session = await deps.invitations.accept(request.params.token, request.body);
      setSessionCookie(reply, deps.config, session.token, session.expiresAt);
      return deps.auth.sessionBody(session.userId, session.csrfToken);
    },
  );
}
