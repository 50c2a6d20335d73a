import type { AcceptInvitationBody, CreatedInvitation, CreateInvitationBody, Invitation, InvitationPreview } from '@varde/contracts';
import { ErrorCode } from '@varde/contracts';
import type { AppConfig } from '../../config';
import { AppError } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import { newToken, sha256 } from '../../core/crypto';
import type { Clock } from '../../core/clock';
import type { RunInTransaction } from '../../core/transaction';
import type { AuditService } from '../audit/audit.service';
import type { MailService } from '../mail/mail.service';
import type { AccountService } from '../auth/account.service';
import type { AuthService } from '../auth/auth.service';
import type { OrganisationRepository } from './organisation.repository';
import type { OrganisationService } from './organisation.service';

const DAY = 24 * 60 * 60 * 1000;
const invalid = () => new AppError(ErrorCode.invitationInvalid);

/** Sign-up by invitation: invite, withdraw, preview and accept; the `invitations` table. */
export function createInvitationService(deps: {
  transaction: RunInTransaction;
  config: AppConfig;
  organisationRepository: OrganisationRepository;
  organisationService: OrganisationService;
  accounts: AccountService;
  authService: AuthService;
  audit: AuditService;
  mail: MailService;
  now: Clock;
}) {
  const { transaction, config, organisationRepository: repo, organisationService, accounts, authService, audit, mail, now } = deps;

  return {
    async listPending(organisationId: string): Promise<Invitation[]> {
      await organisationService.requireOrganisation(organisationId);
      const rows = await repo.listPendingInvitations(organisationId, now());
      return rows
        .map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() }))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    /**
     * Invites someone. The invitation mail is queued in the same transaction, in the language the
     * inviter picked, else the organisation's målform. With a mail server the link goes to the invitee
     * only (the inviter never sees it, so cannot accept it or learn whether an account exists);
     * without one it stays queued and the link is given to the inviter to pass on, labelled as such.
     */
    async invite(actor: AuthContext, organisationId: string, body: CreateInvitationBody): Promise<CreatedInvitation> {
      const organisation = await organisationService.requireOrganisation(organisationId);
      const email = body.email.trim().toLowerCase();
      await organisationService.conflictIfMember(organisationId, email);
      const token = newToken();
      const acceptUrl = `${config.publicUrl}/invitasjon/${token}`;
      const language = body.language ?? (await organisationService.languageOf(organisationId));
      const row = await transaction(async (tx) => {
        await repo.revokeOpenInvitations(organisationId, email, tx);
        const invitation = await repo.insertInvitation(
          {
            organisationId,
            email,
            role: body.role,
            tokenHash: sha256(token),
            invitedBy: actor.user.id,
            expiresAt: new Date(now().getTime() + config.invitationTtlDays * DAY),
          },
          tx,
        );
        await mail.queueInvitation(
          {
            to: email,
            language,
            organisation: organisation.name,
            role: body.role,
            inviter: actor.user.name,
            inviterId: actor.user.id,
            url: acceptUrl,
            expiresAt: invitation.expiresAt,
          },
          tx,
        );
        await audit.record(
          {
            actorUserId: actor.user.id,
            action: 'invitation.created',
            organisationId,
            targetType: 'invitation',
            targetId: invitation.id,
            detail: { email, role: body.role, language },
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
        delivery: mail.delivers() ? 'email' : 'link',
        acceptUrl: mail.delivers() ? null : acceptUrl,
      };
    },

    async revoke(actor: AuthContext, organisationId: string, invitationId: string) {
      await transaction(async (tx) => {
        if (!(await repo.revokeInvitation(organisationId, invitationId, tx))) throw invalid();
        await audit.record({ actorUserId: actor.user.id, action: 'invitation.revoked', organisationId, targetType: 'invitation', targetId: invitationId }, tx);
      });
    },

    async preview(token: string): Promise<InvitationPreview> {
      const found = await repo.findOpenInvitationByTokenHash(sha256(token), now());
      if (!found) throw invalid();
      return {
        email: found.invitation.email,
        organisationName: found.organisationName,
        role: found.invitation.role,
        accountExists: await accounts.accountExists(found.invitation.email),
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
      const userId = await transaction(async (tx) => {
        const found = await repo.findOpenInvitationByTokenHash(sha256(token), now(), tx, { forUpdate: true });
        if (!found) throw invalid();
        const { invitation } = found;
        const memberId = await accounts.accountForInvitation(invitation.email, body, tx);
        if (!(await repo.findMembership(invitation.organisationId, memberId, tx))) {
          await repo.insertMembership({ organisationId: invitation.organisationId, userId: memberId, role: invitation.role }, tx);
        }
        await repo.markInvitationAccepted(invitation.id, tx);
        await audit.record(
          {
            actorUserId: memberId,
            action: 'invitation.accepted',
            organisationId: invitation.organisationId,
            targetType: 'invitation',
            targetId: invitation.id,
            detail: { role: invitation.role },
          },
          tx,
        );
        return memberId;
      });
      return authService.startSession(userId);
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
