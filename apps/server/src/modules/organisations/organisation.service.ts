import type { CreateOrganisationBody, MembershipRole, Member, Organisation, OrganisationType } from '@varde/contracts';
import { ErrorCode, FieldErrorCode } from '@varde/contracts';
import { ADMIN_PAGE_SIZE, type AdminOrganisationList, type AdminOrganisationQuery } from '@varde/contracts/admin-api';
import { compareNorwegian, searchKey } from '@varde/domain/municipalities';
import { AppError, conflict, fieldErrors, notFound } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { RunInTransaction, Tx } from '../../core/transaction';
import type { AuditService } from '../audit/audit.service';
import type { AccountService } from '../auth/account.service';
import type { MunicipalityService } from '../municipalities/municipality.service';
import type { OrganisationRepository } from './organisation.repository';

/** Organisations and their members; the `organisations` and `memberships` tables. */
export function createOrganisationService(deps: {
  transaction: RunInTransaction;
  organisationRepository: OrganisationRepository;
  accounts: AccountService;
  audit: AuditService;
  municipalityService: MunicipalityService;
}) {
  const { transaction, organisationRepository: repo, accounts, audit, municipalityService } = deps;

  async function requireOrganisation(id: string, tx?: Tx): Promise<Organisation> {
    const organisation = await repo.findById(id, tx);
    if (!organisation) throw notFound();
    return organisation;
  }

  /**
   * Runs a change to an organisation's memberships with the organisation's row locked, so concurrent
   * changes to the same organisation run one after another and each sees the others' result. The
   * change and its audit row commit together or not at all.
   */
  function withOrganisationLocked<T>(organisationId: string, change: (tx: Tx) => Promise<T>): Promise<T> {
    return transaction(async (tx) => {
      if (!(await repo.lockForUpdate(organisationId, tx))) throw notFound();
      return change(tx);
    });
  }

  /** An organisation must keep at least one administrator. Call with the organisation locked. */
  async function assertNotLastAdmin(tx: Tx, organisationId: string, membership: { role: MembershipRole }) {
    if (membership.role === 'admin' && (await repo.countAdmins(organisationId, tx)) <= 1) {
      throw new AppError(ErrorCode.conflict, 'error.last_admin');
    }
  }

  return {
    requireOrganisation,

    async list(filter: { type?: OrganisationType; county?: string }): Promise<Organisation[]> {
      const rows = await repo.list(filter);
      return rows.sort((a, b) => compareNorwegian(a.name, b.name));
    },

    /**
     * Organisations for platform administration: of a type, whose name holds `q` (case and accents
     * ignored) or whose municipality number starts with it; by name in Norwegian order, one page of them.
     */
    async search(query: AdminOrganisationQuery): Promise<AdminOrganisationList> {
      const q = query.q?.trim() ?? '';
      const needle = searchKey(q);
      const byNumber = /^\d{1,4}$/.test(q);
      const rows = (await repo.list({ type: query.type }))
        .filter((o) => !q || (byNumber ? (o.municipalityCode?.startsWith(q) ?? false) : searchKey(o.name).includes(needle)))
        .sort((a, b) => compareNorwegian(a.name, b.name));
      const offset = query.offset ?? 0;
      return { total: rows.length, items: rows.slice(offset, offset + (query.limit ?? ADMIN_PAGE_SIZE)) };
    },

    async create(actor: AuthContext, body: CreateOrganisationBody): Promise<Organisation> {
      if (body.type === 'municipality') {
        // Municipality organisations come from the register, one per kommune.
        throw fieldErrors({ path: 'type', code: FieldErrorCode.invalidValue });
      }
      const needsCounty = ['county_authority', 'state_administrator', 'regional_council'].includes(body.type);
      if (needsCounty && !body.countyCode) throw fieldErrors({ path: 'countyCode', code: FieldErrorCode.required });
      if (body.countyCode && !(await municipalityService.counties()).some((c) => c.code === body.countyCode)) {
        throw fieldErrors({ path: 'countyCode', code: FieldErrorCode.invalidValue });
      }
      return transaction(async (tx) => {
        const id = await repo.insert({ type: body.type, name: body.name.trim(), countyCode: body.countyCode ?? null }, tx);
        await audit.record(
          {
            actorUserId: actor.user.id,
            action: 'organisation.created',
            organisationId: id,
            targetType: 'organisation',
            targetId: id,
            detail: { type: body.type, name: body.name },
          },
          tx,
        );
        return requireOrganisation(id, tx);
      });
    },

    async members(organisationId: string): Promise<Member[]> {
      await requireOrganisation(organisationId);
      const rows = await repo.listMembers(organisationId);
      return rows.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })).sort((a, b) => compareNorwegian(a.name, b.name));
    },

    async changeRole(actor: AuthContext, organisationId: string, userId: string, role: MembershipRole) {
      await withOrganisationLocked(organisationId, async (tx) => {
        const membership = await repo.findMembership(organisationId, userId, tx);
        if (!membership) throw notFound();
        if (membership.role === role) return;
        if (role !== 'admin') await assertNotLastAdmin(tx, organisationId, membership);
        await repo.updateMembershipRole(organisationId, userId, role, tx);
        await audit.record(
          {
            actorUserId: actor.user.id,
            action: 'membership.role_changed',
            organisationId,
            targetType: 'user',
            targetId: userId,
            detail: { from: membership.role, to: role },
          },
          tx,
        );
      });
    },

    async removeMember(actor: AuthContext, organisationId: string, userId: string) {
      await withOrganisationLocked(organisationId, async (tx) => {
        const membership = await repo.findMembership(organisationId, userId, tx);
        if (!membership) throw notFound();
        await assertNotLastAdmin(tx, organisationId, membership);
        await repo.deleteMembership(organisationId, userId, tx);
        await audit.record({ actorUserId: actor.user.id, action: 'membership.removed', organisationId, targetType: 'user', targetId: userId }, tx);
      });
    },

    async isMember(organisationId: string, userId: string): Promise<boolean> {
      return !!(await repo.findMembership(organisationId, userId));
    },

    /**
     * Inside a transaction: holds the user's membership (shared lock) until the transaction ends, so
     * a removal waits; false when the user is not a member.
     */
    lockMembership(organisationId: string, userId: string, tx: Tx): Promise<boolean> {
      return repo.lockMembership(organisationId, userId, tx);
    },

    /**
     * The language an organisation is written to in: nynorsk for a nynorsk municipality, otherwise
     * bokmål (neutral municipalities and other organisations).
     */
    async languageOf(organisationId: string): Promise<'nb' | 'nn'> {
      return (await repo.languageFormOf(organisationId)) === 'nynorsk' ? 'nn' : 'nb';
    },

    /** The user ids of each organisation's members. */
    async memberIds(organisationIds: readonly string[]): Promise<Map<string, string[]>> {
      const members = new Map<string, string[]>(organisationIds.map((id) => [id, []]));
      for (const row of await repo.membersOf([...new Set(organisationIds)])) members.get(row.organisationId)?.push(row.userId);
      return members;
    },

    /** Organisation names by id (unknown ids are left out). */
    async names(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      return new Map((await repo.namesByIds([...ids])).map((o) => [o.id, o.name]));
    },

    conflictIfMember: async (organisationId: string, email: string) => {
      const userId = await accounts.findUserId(email);
      if (userId && (await repo.findMembership(organisationId, userId))) throw conflict('error.already_member');
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
