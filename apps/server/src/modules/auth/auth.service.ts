import type { ChangePasswordBody, CurrentUser, Language, LoginBody, Session } from '@varde/contracts';
import { ErrorCode, FieldErrorCode } from '@varde/contracts';
import type { AppDb, DbOrTx } from '@varde/db';
import type { AppConfig } from '../../config';
import { AppError, fieldErrors, type PendingFieldError } from '../../plugins/app-error';
import type { AuthContext } from '../../plugins/auth';
import { newToken, sha256 } from '../../plugins/crypto';
import type { AuditRepository } from '../audit/audit.repository';
import type { AuthRepository } from './auth.repository';
import { assertNewPassword, checkNewPassword } from './password-policy';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';

const DAY = 24 * 60 * 60 * 1000;

export function createAuthService(deps: {
  db: AppDb;
  authRepository: AuthRepository;
  auditRepository: AuditRepository;
  config: AppConfig;
}) {
  const { db, authRepository: repo, auditRepository: audit, config } = deps;

  async function startSession(userId: string, tx?: DbOrTx) {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + config.sessionTtlDays * DAY);
    await repo.insertSession({ idHash: sha256(token), userId, csrfToken, expiresAt }, tx);
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
      const session = await db.transaction(async (tx) => {
        const started = await startSession(user.id, tx);
        await audit.insert({ actorUserId: user.id, action: 'session.login', targetType: 'user', targetId: user.id }, tx);
        return started;
      });
      return { ...session, body: await sessionBody(user.id, session.csrfToken) };
    },

    sessionBody,

    async logout(auth: AuthContext) {
      await repo.deleteSession(auth.sessionIdHash);
    },

    async changePassword(auth: AuthContext, body: ChangePasswordBody) {
      const user = await repo.findUserById(auth.user.id);
      const problems: PendingFieldError[] = [];
      if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        problems.push({ path: 'currentPassword', code: FieldErrorCode.wrongPassword });
      }
      const newPasswordProblem = await checkNewPassword(body.newPassword);
      if (newPasswordProblem) problems.push({ path: 'newPassword', ...newPasswordProblem });
      if (!user || problems.length) throw fieldErrors(...problems);
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        await repo.updatePassword(user.id, passwordHash, tx);
        await repo.deleteOtherSessions(user.id, auth.sessionIdHash, tx);
        await audit.insert({ actorUserId: user.id, action: 'user.password_changed', targetType: 'user', targetId: user.id }, tx);
      });
    },

    async setLanguage(auth: AuthContext, language: Language) {
      await repo.updateLanguage(auth.user.id, language);
    },

    /** Creates or promotes a platform administrator (CLI). The password must pass the same check as any new password. */
    async ensurePlatformAdmin(input: { email: string; name: string; password: string }) {
      await assertNewPassword('password', input.password);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        await repo.lockEmail(input.email, tx);
        const existing = await repo.findUserByEmail(input.email, tx);
        if (existing) {
          await repo.setPlatformAdmin(existing.id, true, tx);
          await repo.updatePassword(existing.id, passwordHash, tx);
          await audit.insert({ actorUserId: null, action: 'user.platform_admin_granted', targetType: 'user', targetId: existing.id }, tx);
          return { id: existing.id, created: false };
        }
        const user = await repo.insertUser({ email: input.email, name: input.name, passwordHash, isPlatformAdmin: true }, tx);
        await audit.insert(
          { actorUserId: null, action: 'user.created', targetType: 'user', targetId: user.id, detail: { platformAdmin: true } },
          tx,
        );
        return { id: user.id, created: true };
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
