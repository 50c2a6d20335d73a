import { eq, inArray } from 'drizzle-orm';
import type { ScopeKind } from '@varde/contracts/mapping-vocabulary';
import { schema, type AppDb, type DbOrTx } from '@varde/db';

const { regionScopes, pipelineSharing, organisations, users } = schema;

/** The tables `region_scopes` (a regional organisation's scope) and `pipeline_sharing` (a municipality's choice to share its pipeline). */
export function createScopeRepository(db: AppDb) {
  return {
    async scopes(organisationIds: readonly string[]) {
      if (organisationIds.length === 0) return [];
      return db
        .select()
        .from(regionScopes)
        .where(inArray(regionScopes.organisationId, [...organisationIds]));
    },

    async saveScope(values: { organisationId: string; kind: ScopeKind; counties: string[]; municipalities: string[]; updatedBy: string }, tx: DbOrTx) {
      const set = { ...values, updatedAt: new Date() };
      await tx.insert(regionScopes).values(set).onConflictDoUpdate({ target: regionScopes.organisationId, set });
    },

    async deleteScope(organisationId: string, tx: DbOrTx) {
      await tx.delete(regionScopes).where(eq(regionScopes.organisationId, organisationId));
    },

    async sharing(organisationId: string) {
      const [row] = await db
        .select({ share: pipelineSharing.sharePipelineWithAdvisers, updatedAt: pipelineSharing.updatedAt, updatedByName: users.name })
        .from(pipelineSharing)
        .leftJoin(users, eq(users.id, pipelineSharing.updatedBy))
        .where(eq(pipelineSharing.organisationId, organisationId));
      return row ?? null;
    },

    async saveSharing(values: { organisationId: string; share: boolean; updatedBy: string }, tx: DbOrTx) {
      const set = { sharePipelineWithAdvisers: values.share, updatedBy: values.updatedBy, updatedAt: new Date() };
      await tx
        .insert(pipelineSharing)
        .values({ organisationId: values.organisationId, ...set })
        .onConflictDoUpdate({ target: pipelineSharing.organisationId, set });
    },

    /** Every municipality organisation with its municipality and whether it shares its pipeline (false without a row). */
    async municipalityOrganisations() {
      return db
        .select({ organisationId: organisations.id, municipalityCode: organisations.municipalityCode, share: pipelineSharing.sharePipelineWithAdvisers })
        .from(organisations)
        .leftJoin(pipelineSharing, eq(pipelineSharing.organisationId, organisations.id))
        .where(eq(organisations.type, 'municipality'));
    },
  };
}

export type ScopeRepository = ReturnType<typeof createScopeRepository>;
