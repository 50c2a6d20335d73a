import type { AcceptInvitationBody, CreatedInvitation, CreateInvitationBody, Invitation, InvitationPreview } from '@varde/contracts';
import { ErrorCode, FieldErrorCode } from '@varde/contracts';
import type { AppDb } from '@varde/db';
import type { AppConfig } from '../../config';
import { AppError, fieldErrors, type PendingFieldError } from '../../plugins/app-error';
import type { AuthContext } from '../../plugins/auth';
import { newToken, sha256 } from '../../plugins/crypto';
import type { AuditRepository } from '../audit/audit.repository';
import type { AuthRepository } from '../auth/auth.repository';
import type { AuthService } from '../auth/auth.service';
import { checkNewPassword } from '../auth/password-policy';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { OrganisationRepository } from './organisation.repository';
import type { OrganisationService } from './organisation.service';

const DAY = 24 * 60 * 60 * 1000;
const invalid = () => new AppError(ErrorCode.invitationInvalid);

export function createInvitationService(deps: {
  db: AppDb;
  config: AppConfig;
  organisationRepository: OrganisationRepository;
  organisationService: OrganisationService;
  authRepository: AuthRepository;
  authService: AuthService;
  auditRepository: AuditRepository;
}) {
  const { db, config, organisationRepository: repo, organisationService, authRepository, authService, auditRepository: audit } = deps;

  return {
    async listPending(organisationId: string): Promise<Invitation[]> {
      await organisationService.requireOrganisation(organisationId);
      const rows = await repo.listPendingInvitations(organisationId, new Date());
      return rows
        .map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() }))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    async invite(actor: AuthContext, organisationId: string, body: CreateInvitationBody): Promise<CreatedInvitation> {
      await organisationService.requireOrganisation(organisationId);
      const email = body.email.trim().toLowerCase();
      await organisationService.conflictIfMember(organisationId, email);
      const token = newToken();
      const row = await db.transaction(async (tx) => {
        await repo.revokeOpenInvitations(organisationId, email, tx);
        const invitation = await repo.insertInvitation(
          {
            organisationId,
            email,
            role: body.role,
            tokenHash: sha256(token),
            invitedBy: actor.user.id,
            expiresAt: new Date(Date.now() + config.invitationTtlDays * DAY),
          },
          tx,
        );
        await audit.insert(
          {
            actorUserId: actor.user.id,
            action: 'invitation.created',
            organisationId,
            targetType: 'invitation',
            targetId: invitation.id,
            detail: { email, role: body.role },
          },
          tx,
        );
        return invitation;
      });
      return {
        id: row.id,
        email: row.email,
        role: row.role,
        invitedBy: actor.user.name,
        createdAt: row.createdAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        acceptUrl: `${config.publicUrl}/invitasjon/${token}`,
      };
    },

    async revoke(actor: AuthContext, organisationId: string, invitationId: string) {
      await db.transaction(async (tx) => {
        if (!(await repo.revokeInvitation(organisationId, invitationId, tx))) throw invalid();
        await audit.insert(
          { actorUserId: actor.user.id, action: 'invitation.revoked', organisationId, targetType: 'invitation', targetId: invitationId },
          tx,
        );
      });
    },

    async preview(token: string): Promise<InvitationPreview> {
      const found = await repo.findOpenInvitationByTokenHash(sha256(token), new Date());
      if (!found) throw invalid();
      return {
        email: found.invitation.email,
        organisationName: found.organisationName,
        role: found.invitation.role,
        accountExists: !!(await authRepository.findUserByEmail(found.invitation.email)),
        expiresAt: found.invitation.expiresAt.toISOString(),
      };
    },

    /**
     * Accepts an invitation: a new person creates an account (name + password); someone with an account
     * confirms with their password. Either way they join the organisation and are signed in.
     *
     * The invitation row is locked for the transaction, so of concurrent accepts of one link the first
     * wins and the others find it used (410). The e-mail address is locked too, so two invitations to
     * the same new address accepted at once make one account.
     */
    async accept(token: string, body: AcceptInvitationBody) {
      const userId = await db.transaction(async (tx) => {
        const found = await repo.findOpenInvitationByTokenHash(sha256(token), new Date(), tx, { forUpdate: true });
        if (!found) throw invalid();
        const { invitation } = found;
        await authRepository.lockEmail(invitation.email, tx);
        let user = await authRepository.findUserByEmail(invitation.email, tx);
        if (user) {
          // An existing password is confirmed, not judged: it stays valid until its owner changes it.
          if (!(await verifyPassword(user.passwordHash, body.password))) {
            throw fieldErrors({ path: 'password', code: FieldErrorCode.wrongPassword });
          }
        } else {
          const problems: PendingFieldError[] = [];
          const name = body.name?.trim() ?? '';
          if (!name) problems.push({ path: 'name', code: FieldErrorCode.required });
          const passwordProblem = await checkNewPassword(body.password);
          if (passwordProblem) problems.push({ path: 'password', ...passwordProblem });
          if (problems.length) throw fieldErrors(...problems);
          user = await authRepository.insertUser(
            { email: invitation.email, name, passwordHash: await hashPassword(body.password) },
            tx,
          );
          await audit.insert({ actorUserId: user.id, action: 'user.created', targetType: 'user', targetId: user.id }, tx);
        }
        if (!(await repo.findMembership(invitation.organisationId, user.id, tx))) {
          await repo.insertMembership({ organisationId: invitation.organisationId, userId: user.id, role: invitation.role }, tx);
        }
        await repo.markInvitationAccepted(invitation.id, tx);
        await audit.insert(
          {
            actorUserId: user.id,
            action: 'invitation.accepted',
            organisationId: invitation.organisationId,
            targetType: 'invitation',
            targetId: invitation.id,
            detail: { role: invitation.role },
          },
          tx,
        );
        return user.id;
      });
      return authService.startSession(userId);
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
