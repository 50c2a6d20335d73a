import { and, eq } from 'drizzle-orm';
import { schema, type AppDb, type DbOrTx } from '@varde/db';

const { calendarFeeds, retiredCalendarFeeds } = schema;

/** The `calendar_feeds` (one secret address per member and organisation) and `retired_calendar_feeds` tables. */
export function createCalendarFeedRepository(db: AppDb) {
  return {
    async find(organisationId: string, userId: string) {
      const [row] = await db
        .select({ createdAt: calendarFeeds.createdAt })
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.organisationId, organisationId), eq(calendarFeeds.userId, userId)));
      return row;
    },

    /** Creates the member's address, or replaces it (their old token stops working). */
    async save(values: { organisationId: string; userId: string; tokenHash: string; createdAt: Date }, tx: DbOrTx) {
      const { tokenHash, createdAt } = values;
      await tx
        .insert(calendarFeeds)
        .values(values)
        .onConflictDoUpdate({ target: [calendarFeeds.organisationId, calendarFeeds.userId], set: { tokenHash, createdAt } });
    },

    /** The organisation of a member's feed with this token hash. */
    async organisationOfFeed(tokenHash: string): Promise<string | undefined> {
      const [row] = await db.select({ organisationId: calendarFeeds.organisationId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
      return row?.organisationId;
    },

    /** The organisation of a retired shared address with this token hash. */
    async organisationOfRetired(tokenHash: string): Promise<string | undefined> {
      const [row] = await db
        .select({ organisationId: retiredCalendarFeeds.organisationId })
        .from(retiredCalendarFeeds)
        .where(eq(retiredCalendarFeeds.tokenHash, tokenHash));
      return row?.organisationId;
    },
  };
}

export type CalendarFeedRepository = ReturnType<typeof createCalendarFeedRepository>;
