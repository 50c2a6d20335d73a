import { and, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { schema, type AppDb, type DbOrTx } from '@varde/db';
import type { MembershipRole, OrganisationType } from '@varde/contracts';

const { organisations, memberships, users, invitations, municipalities } = schema;

const organisationColumns = {
  id: organisations.id,
  type: organisations.type,
  name: organisations.name,
  municipalityCode: organisations.municipalityCode,
  countyCode: organisations.countyCode,
  memberCount: sql<number>`(select count(*)::int from ${memberships} where ${memberships.organisationId} = ${organisations.id})`,
};

export function createOrganisationRepository(db: AppDb) {
  return {
    async list(filter: { type?: OrganisationType; county?: string }) {
      return db
        .select(organisationColumns)
        .from(organisations)
        .where(and(filter.type ? eq(organisations.type, filter.type) : undefined, filter.county ? eq(organisations.countyCode, filter.county) : undefined));
    },
    async findById(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select(organisationColumns).from(organisations).where(eq(organisations.id, id));
      return row;
    },
    /**
     * Locks the organisation's row until the transaction ends, so writes to its memberships that check
     * a rule across members (at least one administrator) run one after another. `NO KEY UPDATE` leaves
     * rows that merely refer to the organisation (foreign keys) free to be written meanwhile.
     * False when the organisation does not exist.
     */
    async lockForUpdate(id: string, tx: DbOrTx) {
      const rows = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).for('no key update');
      return rows.length > 0;
    },
    /** The målform of a municipality organisation's kommune (null for other organisations). */
    async languageFormOf(id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ languageForm: municipalities.languageForm })
        .from(organisations)
        .innerJoin(municipalities, eq(municipalities.code, organisations.municipalityCode))
        .where(eq(organisations.id, id));
      return row?.languageForm ?? null;
    },
    /** Members of organisations, with their role (for deadline reminders). */
    async membersOf(organisationIds: string[]) {
      if (organisationIds.length === 0) return [];
      return db
        .select({ organisationId: memberships.organisationId, userId: memberships.userId, role: memberships.role })
        .from(memberships)
        .where(inArray(memberships.organisationId, organisationIds));
    },
    async insert(values: { type: OrganisationType; name: string; countyCode: string | null }, tx: DbOrTx = db) {
      const [row] = await tx.insert(organisations).values(values).returning({ id: organisations.id });
      return row!.id;
    },
    async listMembers(organisationId: string) {
      return db
        .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organisationId, organisationId));
    },
    async findMembership(organisationId: string, userId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
      return row;
    },
    /**
     * Locks the membership row (shared) until the transaction ends, so the membership cannot be
     * removed meanwhile; false when there is none.
     */
    async lockMembership(organisationId: string, userId: string, tx: DbOrTx) {
      const rows = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
        .for('share');
      return rows.length > 0;
    },
    async namesByIds(ids: string[]) {
      return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
    },
    async countAdmins(organisationId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ n: count() })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')));
      return Number(row?.n ?? 0);
    },
    async insertMembership(values: { organisationId: string; userId: string; role: MembershipRole }, tx: DbOrTx = db) {
      await tx.insert(memberships).values(values);
    },
    async updateMembershipRole(organisationId: string, userId: string, role: MembershipRole, tx: DbOrTx = db) {
      await tx
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    },
    async deleteMembership(organisationId: string, userId: string, tx: DbOrTx = db) {
      await tx.delete(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    },
    async listPendingInvitations(organisationId: string, now: Date) {
      return db
        .select({
          id: invitations.id,
          email: invitations.email,
          role: invitations.role,
          invitedBy: sql<string>`coalesce(${users.name}, '')`,
          createdAt: invitations.createdAt,
          expiresAt: invitations.expiresAt,
        })
        .from(invitations)
        .leftJoin(users, eq(users.id, invitations.invitedBy))
        .where(
          and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
        );
    },
    async insertInvitation(
      values: { organisationId: string; email: string; role: MembershipRole; tokenHash: string; invitedBy: string; expiresAt: Date },
      tx: DbOrTx = db,
    ) {
      const [row] = await tx.insert(invitations).values(values).returning();
      return row!;
    },
    /** Earlier open invitations to the same address are replaced by a new one. */
    async revokeOpenInvitations(organisationId: string, email: string, tx: DbOrTx = db) {
      await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(eq(invitations.organisationId, organisationId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
        );
    },
    async revokeInvitation(organisationId: string, invitationId: string, tx: DbOrTx = db) {
      const rows = await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
        )
        .returning({ id: invitations.id });
      return rows.length > 0;
    },
    /**
     * The open invitation with this token. With `forUpdate` (inside a transaction) the invitation row
     * stays locked until the transaction ends: a concurrent accept waits, then finds it accepted.
     */
    async findOpenInvitationByTokenHash(tokenHash: string, now: Date, tx: DbOrTx = db, options: { forUpdate?: boolean } = {}) {
      const query = tx
        .select({ invitation: invitations, organisationName: organisations.name })
        .from(invitations)
        .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
        .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
      const [row] = options.forUpdate ? await query.for('update', { of: invitations }) : await query;
      return row;
    },
    async markInvitationAccepted(invitationId: string, tx: DbOrTx = db) {
      await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitationId));
    },
  };
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
