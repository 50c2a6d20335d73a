import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { AppDb, DbOrTx } from '@varde/db';
import { schema } from '@varde/db';
import type { Language, Membership } from '@varde/contracts';

const { users, sessions, memberships, organisations, municipalities } = schema;

type UserRow = typeof users.$inferSelect;

/** First key of the two-key advisory locks on e-mail addresses (any constant; it names the kind of lock). */
const EMAIL_LOCK_SPACE = 1;

export function createAuthRepository(db: AppDb) {
  return {
    async findUserByEmail(email: string, tx: DbOrTx = db): Promise<UserRow | undefined> {
      const [row] = await tx.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row;
    },
    async findUserById(id: string, tx: DbOrTx = db): Promise<UserRow | undefined> {
      const [row] = await tx.select().from(users).where(eq(users.id, id));
      return row;
    },
    async insertUser(values: { email: string; name: string; passwordHash: string; isPlatformAdmin?: boolean }, tx: DbOrTx = db): Promise<UserRow> {
      const [row] = await tx
        .insert(users)
        .values({ ...values, email: values.email.toLowerCase() })
        .returning();
      return row!;
    },
    /**
     * Holds a lock on the e-mail address until the transaction ends, so concurrent work that may create
     * the account for it (accepting two invitations to one address) runs one after another.
     */
    async lockEmail(email: string, tx: DbOrTx) {
      await tx.execute(sql`select pg_advisory_xact_lock(${EMAIL_LOCK_SPACE}::int, hashtext(${email.toLowerCase()}::text))`);
    },
    /** Locks the user's row until the transaction ends. */
    async lockUser(userId: string, tx: DbOrTx) {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    },
    async namesByIds(ids: string[]) {
      return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
    },
    async platformAdminIds(tx: DbOrTx = db) {
      return (await tx.select({ id: users.id }).from(users).where(eq(users.isPlatformAdmin, true))).map((u) => u.id);
    },
    async listUsers() {
      return db.select({ id: users.id, name: users.name, email: users.email, isPlatformAdmin: users.isPlatformAdmin, createdAt: users.createdAt }).from(users);
    },
    async updatePassword(userId: string, passwordHash: string, tx: DbOrTx = db) {
      await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
    },
    async updateLanguage(userId: string, language: Language, tx: DbOrTx = db) {
      await tx.update(users).set({ language }).where(eq(users.id, userId));
    },
    async setPlatformAdmin(userId: string, isPlatformAdmin: boolean, tx: DbOrTx = db) {
      await tx.update(users).set({ isPlatformAdmin }).where(eq(users.id, userId));
    },
    async listMemberships(userId: string, tx: DbOrTx = db): Promise<Membership[]> {
      return tx
        .select({
          organisationId: organisations.id,
          organisationName: organisations.name,
          organisationType: organisations.type,
          municipalityCode: organisations.municipalityCode,
          countyCode: organisations.countyCode,
          languageForm: municipalities.languageForm,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .leftJoin(municipalities, eq(municipalities.code, organisations.municipalityCode))
        .where(eq(memberships.userId, userId));
    },
    async insertSession(values: { idHash: string; userId: string; csrfToken: string; expiresAt: Date }, tx: DbOrTx = db) {
      await tx.insert(sessions).values(values);
    },
    async findLiveSession(idHash: string, now: Date, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
      return row;
    },
    async extendSession(idHash: string, expiresAt: Date, tx: DbOrTx = db) {
      await tx.update(sessions).set({ expiresAt, lastSeenAt: new Date() }).where(eq(sessions.idHash, idHash));
    },
    async deleteSession(idHash: string, tx: DbOrTx = db) {
      await tx.delete(sessions).where(eq(sessions.idHash, idHash));
    },
    /** Signs the user out everywhere except the session that changed the password. */
    async deleteOtherSessions(userId: string, keepIdHash: string, tx: DbOrTx = db) {
      await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)));
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
