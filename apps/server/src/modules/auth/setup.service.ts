/**
 * First run (ADR 004, addition): while no platform administrator exists, the server prints a one-time
 * setup link at start. Its token is stored as a SHA-256 in the database, so any instance honours it;
 * it works for 24 hours or until an administrator exists, and only from a loopback socket address
 * (the route checks that). `npm run cli -- create-admin` stays the way for containers.
 */
import type { SetupBody } from '@varde/contracts/mail-api';
import { ErrorCode } from '@varde/contracts';
import type { AppConfig } from '../../config';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newToken, sha256 } from '../../core/crypto';
import type { RunInTransaction } from '../../core/transaction';
import type { AuditService } from '../audit/audit.service';
import type { AuthRepository } from './auth.repository';
import { assertNewPassword } from './password-policy';
import { hashPassword } from './passwords';

export const SETUP_TTL_MS = 24 * 60 * 60 * 1000;
const setupInvalid = () => new AppError(ErrorCode.linkInvalid, 'error.setup_link_invalid');

export function createSetupService(deps: {
  transaction: RunInTransaction;
  authRepository: AuthRepository;
  audit: AuditService;
  config: AppConfig;
  now: Clock;
}) {
  const { transaction, authRepository: repo, audit, config, now } = deps;

  return {
    /** A new setup link while there is no platform administrator; null once there is one. */
    async linkIfNeeded(): Promise<string | null> {
      if (await repo.hasPlatformAdmin()) return null;
      const token = newToken();
      const at = now();
      await repo.insertSetupToken({ tokenHash: sha256(token), createdAt: at, expiresAt: new Date(at.getTime() + SETUP_TTL_MS) });
      return `${config.publicUrl}/oppsett/${token}`;
    },

    /** When the link stops working; 410 when it is unknown, used or expired, or an administrator exists. */
    async check(token: string): Promise<{ expiresAt: string }> {
      const found = await repo.findOpenSetupToken(sha256(token), now());
      if (!found || (await repo.hasPlatformAdmin())) throw setupInvalid();
      return { expiresAt: found.expiresAt.toISOString() };
    },

    /**
     * Creates the first platform administrator with the link. Setups are serialised (an advisory lock),
     * so of two at once one makes the administrator and the other finds the link used (410).
     */
    async complete(token: string, body: SetupBody): Promise<string> {
      await assertNewPassword('password', body.password);
      const passwordHash = await hashPassword(body.password);
      return transaction(async (tx) => {
        await repo.lockSetup(tx);
        const at = now();
        const found = await repo.findOpenSetupToken(sha256(token), at, tx, { forUpdate: true });
        if (!found || (await repo.hasPlatformAdmin(tx))) throw setupInvalid();
        await repo.lockEmail(body.email, tx);
        const existing = await repo.findUserByEmail(body.email, tx);
        const userId = existing
          ? existing.id
          : (await repo.insertUser({ email: body.email.trim(), name: body.name.trim(), passwordHash, isPlatformAdmin: true }, tx)).id;
        if (existing) {
          await repo.setPlatformAdmin(existing.id, true, tx);
          await repo.updatePassword(existing.id, passwordHash, tx);
          await repo.deleteAllSessions(existing.id, tx);
        }
        await repo.closeSetupTokens(at, tx);
        await audit.record(
          {
            actorUserId: null,
            action: existing ? 'user.platform_admin_granted' : 'user.created',
            targetType: 'user',
            targetId: userId,
            detail: { platformAdmin: true, setup: true },
          },
          tx,
        );
        return userId;
      });
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
