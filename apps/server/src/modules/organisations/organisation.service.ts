import type {
  CreateOrganisationBody,
  MembershipRole,
  Member,
  Organisation,
  OrganisationType,
  UserSummary,
} from '@varde/contracts';
import { FieldErrorCode } from '@varde/contracts';
import { compareNorwegian } from '@varde/domain/municipalities';
import { AppError, conflict, fieldErrors, notFound } from '../../plugins/app-error';
import type { AuthContext } from '../../plugins/auth';
import type { AuditRepository } from '../audit/audit.repository';
import type { AuthRepository } from '../auth/auth.repository';
import type { OrganisationRepository } from './organisation.repository';
import { ErrorCode } from '@varde/contracts';

export function createOrganisationService(deps: {
  organisationRepository: OrganisationRepository;
  authRepository: AuthRepository;
  auditRepository: AuditRepository;
}) {
  const { organisationRepository: repo, authRepository, auditRepository: audit } = deps;

  async function requireOrganisation(id: string): Promise<Organisation> {
    const organisation = await repo.findById(id);
    if (!organisation) throw notFound();
    return organisation;
  }

  /** An organisation must keep at least one administrator. */
  async function assertNotLastAdmin(organisationId: string, userId: string) {
    const membership = await repo.findMembership(organisationId, userId);
    if (!membership) throw notFound();
    if (membership.role === 'admin' && (await repo.countAdmins(organisationId)) <= 1) {
      throw new AppError(ErrorCode.conflict, 'error.last_admin');
    }
  }

  return {
    requireOrganisation,

    async list(filter: { type?: OrganisationType; county?: string }): Promise<Organisation[]> {
      const rows = await repo.list(filter);
      return rows.sort((a, b) => compareNorwegian(a.name, b.name));
    },

    async create(actor: AuthContext, body: CreateOrganisationBody): Promise<Organisation> {
      if (body.type === 'municipality') {
        // Municipality organisations come from the register, one per kommune.
        throw fieldErrors({ path: 'type', code: FieldErrorCode.invalidValue });
      }
      const needsCounty = ['county_authority', 'state_administrator', 'regional_council'].includes(body.type);
      if (needsCounty && !body.countyCode) throw fieldErrors({ path: 'countyCode', code: FieldErrorCode.required });
      const id = await repo.insert({ type: body.type, name: body.name.trim(), countyCode: body.countyCode ?? null });
      await audit.insert({
        actorUserId: actor.user.id,
        action: 'organisation.created',
        organisationId: id,
        targetType: 'organisation',
        targetId: id,
        detail: { type: body.type, name: body.name },
      });
      return requireOrganisation(id);
    },

    async members(organisationId: string): Promise<Member[]> {
      await requireOrganisation(organisationId);
      const rows = await repo.listMembers(organisationId);
      return rows
        .map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))
        .sort((a, b) => compareNorwegian(a.name, b.name));
    },

    async changeRole(actor: AuthContext, organisationId: string, userId: string, role: MembershipRole) {
      if (role !== 'admin') await assertNotLastAdmin(organisationId, userId);
      const membership = await repo.findMembership(organisationId, userId);
      if (!membership) throw notFound();
      if (membership.role === role) return;
      await repo.updateMembershipRole(organisationId, userId, role);
      await audit.insert({
        actorUserId: actor.user.id,
        action: 'membership.role_changed',
        organisationId,
        targetType: 'user',
        targetId: userId,
        detail: { from: membership.role, to: role },
      });
    },

    async removeMember(actor: AuthContext, organisationId: string, userId: string) {
      await assertNotLastAdmin(organisationId, userId);
      await repo.deleteMembership(organisationId, userId);
      await audit.insert({
        actorUserId: actor.user.id,
        action: 'membership.removed',
        organisationId,
        targetType: 'user',
        targetId: userId,
      });
    },

    async listUsers(): Promise<UserSummary[]> {
      const rows = await repo.listUsers();
      const result = await Promise.all(
        rows.map(async (u) => ({
          ...u,
          createdAt: u.createdAt.toISOString(),
          memberships: await authRepository.listMemberships(u.id),
        })),
      );
      return result.sort((a, b) => compareNorwegian(a.name, b.name));
    },

    conflictIfMember: async (organisationId: string, email: string) => {
      const user = await authRepository.findUserByEmail(email);
      if (user && (await repo.findMembership(organisationId, user.id))) throw conflict('error.already_member');
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
