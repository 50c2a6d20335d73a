import { eq } from 'drizzle-orm';
import type { SchemeTheme } from '@varde/contracts/vocabulary';
import { schema, type AppDb } from '@varde/db';

const { organisationNeeds } = schema;

/** The `organisation_needs` table: one needs profile per organisation. */
export function createNeedsRepository(db: AppDb) {
  return {
    async find(organisationId: string) {
      const [row] = await db.select().from(organisationNeeds).where(eq(organisationNeeds.organisationId, organisationId));
      return row;
    },

    async save(organisationId: string, values: { themes: SchemeTheme[]; description: string; updatedAt: Date; updatedBy: string }) {
      await db
        .insert(organisationNeeds)
        .values({ organisationId, ...values })
        .onConflictDoUpdate({ target: organisationNeeds.organisationId, set: values });
    },

    async themes(organisationId: string): Promise<SchemeTheme[]> {
      const [row] = await db.select({ themes: organisationNeeds.themes }).from(organisationNeeds).where(eq(organisationNeeds.organisationId, organisationId));
      return row?.themes ?? [];
    },
  };
}

export type NeedsRepository = ReturnType<typeof createNeedsRepository>;
