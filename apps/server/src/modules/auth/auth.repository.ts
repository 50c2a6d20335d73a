import { and, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { AppDb, DbOrTx } from '@varde/db';
import { schema } from '@varde/db';
import type { Language, Membership } from '@varde/contracts';

const { users, sessions, memberships, organisations, municipalities, passwordResets, setupTokens } = schema;

type UserRow = typeof users.$inferSelect;

/** First key of the two-key advisory locks on e-mail addresses (any constant; it names the kind of lock). */
const EMAIL_LOCK_SPACE = 1;
/** First key of the advisory lock that serialises first-run setup. */
const SETUP_LOCK_SPACE = 2;

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
    async homeOrganisation(userId: string): Promise<string | null> {
      const [row] = await db.select({ id: users.homeOrganisationId }).from(users).where(eq(users.id, userId));
      return row?.id ?? null;
    },
    async setHomeOrganisation(userId: string, organisationId: string) {
      await db.update(users).set({ homeOrganisationId: organisationId }).where(eq(users.id, userId));
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
    /** Signs the user out everywhere (after a password reset). */
    async deleteAllSessions(userId: string, tx: DbOrTx = db) {
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    },
    /**
     * People to mail: address, name, chosen language, and whether they belong to a nynorsk municipality
     * (their default language then).
     */
    async recipients(ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({
          id: users.id,
          email: users.email,
          name: users.name,
          language: users.language,
          nynorsk: sql<boolean>`exists (select 1 from ${memberships} m join ${organisations} o on o.id = m.organisation_id join ${municipalities} k on k.code = o.municipality_code where m.user_id = ${users.id} and o.type = 'municipality' and k.language_form = 'nynorsk')`,
        })
        .from(users)
        .where(inArray(users.id, ids));
    },
    async insertPasswordReset(values: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }, tx: DbOrTx = db) {
      await tx.insert(passwordResets).values(values);
    },
    /** The unused, unexpired reset with this token, locked until the transaction ends (a second use waits, then finds it used). */
    async findOpenResetForUpdate(tokenHash: string, now: Date, tx: DbOrTx) {
      const [row] = await tx
        .select()
        .from(passwordResets)
        .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
        .for('update');
      return row;
    },
    /** Uses up every open reset link of the user (the one used, and any other). */
    async closeResets(userId: string, at: Date, tx: DbOrTx) {
      await tx
        .update(passwordResets)
        .set({ usedAt: at })
        .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    },
    async insertSetupToken(values: { tokenHash: string; createdAt: Date; expiresAt: Date }) {
      await db.insert(setupTokens).values(values);
    },
    async findOpenSetupToken(tokenHash: string, now: Date, tx: DbOrTx = db, options: { forUpdate?: boolean } = {}) {
      const query = tx
        .select()
        .from(setupTokens)
        .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },
    /** Uses up every setup link: there is a platform administrator now. */
    async closeSetupTokens(at: Date, tx: DbOrTx) {
      await tx.update(setupTokens).set({ usedAt: at }).where(isNull(setupTokens.usedAt));
    },
    async hasPlatformAdmin(tx: DbOrTx = db) {
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.isPlatformAdmin, true)).limit(1);
      return !!row;
    },
    /** Serialises first-run setups (any instance): one of two concurrent setups makes the administrator. */
    async lockSetup(tx: DbOrTx) {
      await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_SPACE}::int, 0)`);
    },
    /** Signs the user out everywhere except the session that changed the password. */
    async deleteOtherSessions(userId: string, keepIdHash: string, tx: DbOrTx = db) {
      await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)));
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
