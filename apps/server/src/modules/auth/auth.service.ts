import type { ChangePasswordBody, CurrentUser, Language, LoginBody, Session } from '@varde/contracts';
import { ErrorCode, FieldErrorCode } from '@varde/contracts';
import type { AppConfig } from '../../config';
import { AppError, fieldErrors } from '../../plugins/app-error';
import type { AuthContext } from '../../plugins/auth';
import { newToken, sha256 } from '../../plugins/crypto';
import type { AuditRepository } from '../audit/audit.repository';
import type { AuthRepository } from './auth.repository';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';

const DAY = 24 * 60 * 60 * 1000;

export function createAuthService(deps: { authRepository: AuthRepository; auditRepository: AuditRepository; config: AppConfig }) {
  const { authRepository: repo, auditRepository: audit, config } = deps;

  async function startSession(userId: string) {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + config.sessionTtlDays * DAY);
    await repo.insertSession({ idHash: sha256(token), userId, csrfToken, expiresAt });
    return { token, csrfToken, expiresAt, userId };
  }

  /** The session response for a user who just signed in. */
  async function sessionBody(userId: string, csrfToken: string): Promise<Session> {
    const user = await repo.findUserById(userId);
    if (!user) throw new AppError(ErrorCode.unauthenticated);
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        language: user.language,
        isPlatformAdmin: user.isPlatformAdmin,
        memberships: await repo.listMemberships(user.id),
      },
      csrfToken,
    };
  }

  return {
    startSession,

    currentUser(auth: AuthContext): CurrentUser {
      return { ...auth.user, memberships: auth.memberships };
    },

    session(auth: AuthContext | null): Session {
      return { user: auth ? { ...auth.user, memberships: auth.memberships } : null, csrfToken: auth?.csrfToken ?? null };
    },

    async login(body: LoginBody) {
      const user = await repo.findUserByEmail(body.email);
      // Verify against a dummy hash for unknown e-mails so response time does not reveal accounts.
      const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), body.password);
      if (!user || !valid) throw new AppError(ErrorCode.invalidCredentials);
      const session = await startSession(user.id);
      await audit.insert({ actorUserId: user.id, action: 'session.login', targetType: 'user', targetId: user.id });
      return { ...session, body: await sessionBody(user.id, session.csrfToken) };
    },

    sessionBody,

    async logout(auth: AuthContext) {
      await repo.deleteSession(auth.sessionIdHash);
    },

    async changePassword(auth: AuthContext, body: ChangePasswordBody) {
      const user = await repo.findUserById(auth.user.id);
      if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw fieldErrors({ path: 'currentPassword', code: FieldErrorCode.wrongPassword });
      }
      await repo.updatePassword(user.id, await hashPassword(body.newPassword));
      await repo.deleteOtherSessions(user.id, auth.sessionIdHash);
      await audit.insert({ actorUserId: user.id, action: 'user.password_changed', targetType: 'user', targetId: user.id });
    },

    async setLanguage(auth: AuthContext, language: Language) {
      await repo.updateLanguage(auth.user.id, language);
    },

    /** Creates or promotes a platform administrator (CLI). */
    async ensurePlatformAdmin(input: { email: string; name: string; password: string }) {
      const existing = await repo.findUserByEmail(input.email);
      if (existing) {
        await repo.setPlatformAdmin(existing.id, true);
        await repo.updatePassword(existing.id, await hashPassword(input.password));
        await audit.insert({ actorUserId: null, action: 'user.platform_admin_granted', targetType: 'user', targetId: existing.id });
        return { id: existing.id, created: false };
      }
      const user = await repo.insertUser({
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(input.password),
        isPlatformAdmin: true,
      });
      await audit.insert({ actorUserId: null, action: 'user.created', targetType: 'user', targetId: user.id, detail: { platformAdmin: true } });
      return { id: user.id, created: true };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
