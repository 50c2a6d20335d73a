import { and, eq, sql } from 'drizzle-orm';
import { schema, type AppDb } from '@varde/db';

const { jobRuns } = schema;

/** The `job_runs` table: which period each scheduled job last ran for. */
export function createJobsRepository(db: AppDb) {
  return {
    /**
     * Claims job `name` for `period`: true for the one caller that moved it there (on any instance). A
     * claim that has not finished within `staleBefore` (its instance stopped) may be taken over.
     */
    async claim(name: string, period: string, at: Date, staleBefore: Date) {
      const rows = await db
        .insert(jobRuns)
        .values({ name, period, claimedAt: at, finishedAt: null })
        .onConflictDoUpdate({
          target: jobRuns.name,
          set: { period, claimedAt: at, finishedAt: null },
          setWhere: sql`${jobRuns.period} <> excluded.period or (${jobRuns.finishedAt} is null and ${jobRuns.claimedAt} < ${staleBefore.toISOString()})`,
        })
        .returning({ name: jobRuns.name });
      return rows.length > 0;
    },

    async finish(name: string, period: string, at: Date) {
      await db
        .update(jobRuns)
        .set({ finishedAt: at })
        .where(and(eq(jobRuns.name, name), eq(jobRuns.period, period)));
    },

    /** Forgets a failed run, so the next round tries again. */
    async release(name: string, period: string) {
      await db.delete(jobRuns).where(and(eq(jobRuns.name, name), eq(jobRuns.period, period)));
    },
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
