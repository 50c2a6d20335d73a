import type { ChangePasswordBody, CurrentUser, Language, LoginBody, Session } from '@varde/contracts';
import type { PasswordResetConfirm, PasswordResetRequest } from '@varde/contracts/mail-api';
import type { Home, HomeMunicipality } from '@varde/contracts/home-api';
import { compareNorwegian } from '@varde/domain/municipalities';
import { ErrorCode, FieldErrorCode } from '@varde/contracts';
import type { AppConfig } from '../../config';
import { AppError, fieldErrors, type PendingFieldError } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import { newToken, sha256 } from '../../core/crypto';
import type { RunInTransaction, Tx } from '../../core/transaction';
import type { Clock } from '../../core/clock';
import type { AuditService } from '../audit/audit.service';
import type { MailService } from '../mail/mail.service';
import type { AuthRepository } from './auth.repository';
import { assertNewPassword, checkNewPassword } from './password-policy';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';

const DAY = 24 * 60 * 60 * 1000;
/** A password reset link works for an hour. */
export const RESET_TTL_MS = 60 * 60 * 1000;
/** Reset mails to one address per hour, at most: more requests answer the same and mail nothing. */
export const RESET_MAILS_PER_HOUR = 3;
const resetInvalid = () => new AppError(ErrorCode.linkInvalid, 'error.reset_link_invalid');

/** Sign in and out, sessions, passwords and the language preference; the `users` and `sessions` tables. */
export function createAuthService(deps: {
  transaction: RunInTransaction;
  authRepository: AuthRepository;
  audit: AuditService;
  mail: MailService;
  config: AppConfig;
  now: Clock;
}) {
  const { transaction, authRepository: repo, audit, mail, config, now } = deps;

  async function startSession(userId: string, tx?: Tx) {
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

    /**
     * The caller behind a session cookie's token, or null for an unknown or expired session. Sliding
     * expiry: the session is extended (and `renewedUntil` set) at most once a day, to keep reads cheap.
     */
    async authenticate(token: string, now: Date): Promise<{ auth: AuthContext; renewedUntil: Date | null } | null> {
      const found = await repo.findLiveSession(sha256(token), now);
      if (!found) return null;
      const { session, user } = found;
      const auth: AuthContext = {
        user: { id: user.id, email: user.email, name: user.name, language: user.language, isPlatformAdmin: user.isPlatformAdmin },
        memberships: await repo.listMemberships(user.id),
        sessionIdHash: session.idHash,
        csrfToken: session.csrfToken,
      };
      const fullTtl = config.sessionTtlDays * DAY;
      if (session.expiresAt.getTime() - now.getTime() >= fullTtl - DAY) return { auth, renewedUntil: null };
      const renewedUntil = new Date(now.getTime() + fullTtl);
      await repo.extendSession(session.idHash, renewedUntil);
      return { auth, renewedUntil };
    },

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
      const session = await transaction(async (tx) => {
        const started = await startSession(user.id, tx);
        await audit.record({ actorUserId: user.id, action: 'session.login', targetType: 'user', targetId: user.id }, tx);
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
      await transaction(async (tx) => {
        await repo.updatePassword(user.id, passwordHash, tx);
        await repo.deleteOtherSessions(user.id, auth.sessionIdHash, tx);
        await audit.record({ actorUserId: user.id, action: 'user.password_changed', targetType: 'user', targetId: user.id }, tx);
      });
    },

    /**
     * Mails a link to choose a new password, if the address has an account. The caller learns nothing
     * either way (the route answers the same); at most {@link RESET_MAILS_PER_HOUR} mails an hour go to
     * one address. The link's token is stored as a hash, works once, for an hour.
     */
    async requestPasswordReset(body: PasswordResetRequest, requestLanguage: Language): Promise<void> {
      const email = body.email.trim().toLowerCase();
      const user = await repo.findUserByEmail(email);
      if (!user) return;
      const token = newToken();
      const at = now();
      const expiresAt = new Date(at.getTime() + RESET_TTL_MS);
      await transaction(async (tx) => {
        // One request per address at a time, so concurrent requests cannot pass the hourly bound.
        await repo.lockEmail(email, tx);
        if ((await mail.countRecent(email, 'password_reset', RESET_TTL_MS, tx)) >= RESET_MAILS_PER_HOUR) return;
        await repo.insertPasswordReset({ tokenHash: sha256(token), userId: user.id, createdAt: at, expiresAt }, tx);
        const language = user.language ?? body.language ?? requestLanguage;
        await mail.queuePasswordReset(
          { userId: user.id, to: user.email, name: user.name, language, url: `${config.publicUrl}/nytt-passord/${token}`, expiresAt },
          tx,
        );
        await audit.record({ actorUserId: null, action: 'user.password_reset_requested', targetType: 'user', targetId: user.id }, tx);
      });
    },

    /**
     * Sets a new password with a reset link: the same password rule as everywhere; the link is used up
     * (with any other open one of the user), and every session of the user ends. The link's row is
     * locked for the transaction, so of two uses at once one wins and the other finds it used (410).
     */
    async resetPassword(body: PasswordResetConfirm): Promise<void> {
      await assertNewPassword('password', body.password);
      const passwordHash = await hashPassword(body.password);
      await transaction(async (tx) => {
        const at = now();
        const reset = await repo.findOpenResetForUpdate(sha256(body.token), at, tx);
        if (!reset) throw resetInvalid();
        await repo.closeResets(reset.userId, at, tx);
        await repo.updatePassword(reset.userId, passwordHash, tx);
        await repo.deleteAllSessions(reset.userId, tx);
        await audit.record({ actorUserId: reset.userId, action: 'user.password_reset', targetType: 'user', targetId: reset.userId }, tx);
      });
    },

    /**
     * Which municipality `/min-kommune` shows: the one asked for (remembered as the user's choice), else
     * the one chosen last while the user is still its member, else the first by name. Only the user's
     * own municipality memberships count; asking for any other organisation is `not_found`.
     */
    async home(auth: AuthContext, requested?: string): Promise<Home> {
      const municipalities: HomeMunicipality[] = auth.memberships
        .flatMap((m) =>
          m.organisationType === 'municipality' && m.municipalityCode
            ? [{ organisationId: m.organisationId, name: m.organisationName, municipalityCode: m.municipalityCode, role: m.role }]
            : [],
        )
        .sort((a, b) => compareNorwegian(a.name, b.name));
      const isChoice = (id: string | null) => municipalities.some((m) => m.organisationId === id);
      if (requested !== undefined) {
        if (!isChoice(requested)) throw new AppError(ErrorCode.notFound);
        if ((await repo.homeOrganisation(auth.user.id)) !== requested) await repo.setHomeOrganisation(auth.user.id, requested);
        return { organisationId: requested, municipalities };
      }
      const stored = municipalities.length > 1 ? await repo.homeOrganisation(auth.user.id) : null;
      return { organisationId: isChoice(stored) ? stored : (municipalities[0]?.organisationId ?? null), municipalities };
    },

    async setLanguage(auth: AuthContext, language: Language) {
      await repo.updateLanguage(auth.user.id, language);
    },

    /** Creates or promotes a platform administrator (CLI). The password must pass the same check as any new password. */
    async ensurePlatformAdmin(input: { email: string; name: string; password: string }) {
      await assertNewPassword('password', input.password);
      const passwordHash = await hashPassword(input.password);
      return transaction(async (tx) => {
        await repo.lockEmail(input.email, tx);
        const existing = await repo.findUserByEmail(input.email, tx);
        if (existing) {
          await repo.setPlatformAdmin(existing.id, true, tx);
          await repo.updatePassword(existing.id, passwordHash, tx);
          await audit.record({ actorUserId: null, action: 'user.platform_admin_granted', targetType: 'user', targetId: existing.id }, tx);
          return { id: existing.id, created: false };
        }
        const user = await repo.insertUser({ email: input.email, name: input.name, passwordHash, isPlatformAdmin: true }, tx);
        await audit.record({ actorUserId: null, action: 'user.created', targetType: 'user', targetId: user.id, detail: { platformAdmin: true } }, tx);
        return { id: user.id, created: true };
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
