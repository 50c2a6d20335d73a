import type { Language, Membership } from '@varde/contracts';
import { FieldErrorCode } from '@varde/contracts';
import { ADMIN_PAGE_SIZE, type AdminUserList, type AdminUserQuery } from '@varde/contracts/admin-api';
import { compareNorwegian, searchKey } from '@varde/domain/municipalities';
import { fieldErrors, type PendingFieldError } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { Tx } from '../../core/transaction';
import type { AuditService } from '../audit/audit.service';
import type { AuthRepository } from './auth.repository';
import { checkNewPassword } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';

/** Someone to mail: the address, the name, and the language to write in. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/**
 * User accounts as the other modules see them: who has an account, people's names, the account an
 * invitation is accepted with, and the platform administrators' list of users.
 */
export function createAccountService(deps: { authRepository: AuthRepository; audit: AuditService }) {
  const { authRepository: repo, audit } = deps;

  return {
    /** The id of the account with this e-mail address, if there is one. */
    async findUserId(email: string): Promise<string | undefined> {
      return (await repo.findUserByEmail(email))?.id;
    },

    async accountExists(email: string): Promise<boolean> {
      return !!(await repo.findUserByEmail(email));
    },

    /** Display names by user id (ids without an account are left out). */
    async names(userIds: readonly string[]): Promise<Map<string, string>> {
      if (userIds.length === 0) return new Map();
      return new Map((await repo.namesByIds([...userIds])).map((u) => [u.id, u.name]));
    },

    /** The ids of every platform administrator (who answer reports of wrong facts, among other things). */
    platformAdminIds(tx?: Tx): Promise<string[]> {
      return repo.platformAdminIds(tx);
    },

    memberships(userId: string, tx?: Tx): Promise<Membership[]> {
      return repo.listMemberships(userId, tx);
    },
    /**
     * People to mail, by id (ids without an account are left out), each with the language mail to them
     * is written in: their choice, else nynorsk for members of a nynorsk municipality, else bokmål.
     */
    async recipients(userIds: readonly string[]): Promise<Map<string, Recipient>> {
      const rows = await repo.recipients([...new Set(userIds)]);
      return new Map(rows.map((r) => [r.id, { id: r.id, email: r.email, name: r.name, language: r.language ?? (r.nynorsk ? 'nn' : 'nb') }]));
    },
    /**
     * The user as a caller without a session, for work done on their behalf in the background (running
     * their saved searches): their account and memberships, as a request of theirs would have them.
     */
    async principal(userId: string): Promise<AuthContext | null> {
      const user = await repo.findUserById(userId);
      if (!user) return null;
      return {
        user: { id: user.id, email: user.email, name: user.name, language: user.language, isPlatformAdmin: user.isPlatformAdmin },
        memberships: await repo.listMemberships(user.id),
        sessionIdHash: '',
        csrfToken: '',
      };
    },

    /**
     * Locks the user's row until the transaction ends, so concurrent requests of one user that check
     * a per-user limit (saved searches) run one after another.
     */
    lockUser(userId: string, tx: Tx): Promise<void> {
      return repo.lockUser(userId, tx);
    },

    /**
     * The account an invitation to `email` is accepted with, inside the accepting transaction: an
     * existing account confirms with its password (which is confirmed, not judged: it stays valid until
     * its owner changes it); a new person gives a name and a password that passes the rule, and the
     * account is created. The e-mail address stays locked until the transaction ends, so two
     * invitations to the same new address accepted at once make one account.
     */
    async accountForInvitation(email: string, body: { name?: string; password: string }, tx: Tx): Promise<string> {
      await repo.lockEmail(email, tx);
      const existing = await repo.findUserByEmail(email, tx);
      if (existing) {
        if (!(await verifyPassword(existing.passwordHash, body.password))) {
          throw fieldErrors({ path: 'password', code: FieldErrorCode.wrongPassword });
        }
        return existing.id;
      }
      const problems: PendingFieldError[] = [];
      const name = body.name?.trim() ?? '';
      if (!name) problems.push({ path: 'name', code: FieldErrorCode.required });
      const passwordProblem = await checkNewPassword(body.password);
      if (passwordProblem) problems.push({ path: 'password', ...passwordProblem });
      if (problems.length) throw fieldErrors(...problems);
      const user = await repo.insertUser({ email, name, passwordHash: await hashPassword(body.password) }, tx);
      await audit.record({ actorUserId: user.id, action: 'user.created', targetType: 'user', targetId: user.id }, tx);
      return user.id;
    },

    /**
     * Accounts by name in Norwegian order (platform administration): those whose name or e-mail address
     * holds `q` (case and accents ignored), one page of them with their memberships, and how many match.
     */
    async listUsers(query: AdminUserQuery = {}): Promise<AdminUserList> {
      const needle = searchKey(query.q?.trim() ?? '');
      const rows = (await repo.listUsers())
        .filter((u) => !needle || searchKey(u.name).includes(needle) || u.email.includes(needle))
        .sort((a, b) => compareNorwegian(a.name, b.name) || a.email.localeCompare(b.email));
      const offset = query.offset ?? 0;
      const page = rows.slice(offset, offset + (query.limit ?? ADMIN_PAGE_SIZE));
      const items = await Promise.all(page.map(async (u) => ({ ...u, createdAt: u.createdAt.toISOString(), memberships: await repo.listMemberships(u.id) })));
      return { total: rows.length, items };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
