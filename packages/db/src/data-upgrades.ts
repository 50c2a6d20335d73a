/**
 * Data upgrades that follow an SQL migration: rewriting stored JSON documents needs code the SQL
 * cannot hold (owner names, Oslo dates, county names). The migration inserts a row
 * `upgrade:<migration tag>` into `reference_data_state`; `runMigrations` runs each upgrade whose row
 * exists, in one transaction that also deletes the row, so an upgrade interrupted by a crash runs
 * again at the next start, and two instances starting at once run it once (the row is locked).
 */
import { eq, like, sql } from 'drizzle-orm';
import type { SchemeQuery } from '@varde/contracts/finder-api';
import type { AppDb, DbOrTx } from './db-types';
import { readReferenceJson, type CountyRecord } from './reference-data';
import { referenceDataState, savedSearches, schemes, schemeVersions } from './schema';
import { ownerIdFromRetiredName } from './scheme-owners';
import { isUpgradedScheme, upgradeSchemeDocument, type CountyNames } from './scheme-upgrade';

export const UPGRADE_PREFIX = 'upgrade:';

/** Each upgrade by the name of its row in `reference_data_state`. */
const upgrades: Record<string, (tx: DbOrTx) => Promise<UpgradeReport>> = {
  'upgrade:0004_scheme_model_v2': upgradeToSchemeModelV2,
};

export interface UpgradeReport {
  schemes: number;
  versions: number;
  savedSearches: number;
}

/** Runs the pending data upgrades in name order; returns what each changed. */
export async function runDataUpgrades(db: AppDb): Promise<Record<string, UpgradeReport>> {
  const pending = await db
    .select({ name: referenceDataState.name })
    .from(referenceDataState)
    .where(like(referenceDataState.name, `${UPGRADE_PREFIX}%`))
    .orderBy(referenceDataState.name);
  const reports: Record<string, UpgradeReport> = {};
  for (const { name } of pending) {
    const upgrade = upgrades[name];
    if (!upgrade) throw new Error(`unknown data upgrade ${name}: this version of Varde is older than the database`);
    await db.transaction(async (tx) => {
      // The row is the upgrade's lock: another instance waits here, then finds it gone.
      const [row] = await tx
        .execute(sql`select name from reference_data_state where name = ${name} for update`)
        .then((r) => (r as unknown as { rows: unknown[] }).rows);
      if (!row) return;
      reports[name] = await upgrade(tx);
      await tx.delete(referenceDataState).where(eq(referenceDataState.name, name));
    });
  }
  return reports;
}

/** The county names the upgrade names rounds by. */
export function countyNamesFromReference(): CountyNames {
  return new Map(readReferenceJson<CountyRecord[]>('counties.json').map((c) => [c.code, c.nameNorwegian ?? c.name]));
}

/**
 * Migration 0004: every stored scheme document and saved version in the second scheme model
 * (`upgradeSchemeDocument`), and saved searches' owner filter from an owner name to the owner's id
 * (an unknown name is dropped from the query). Idempotent: documents already upgraded are left alone.
 */
export async function upgradeToSchemeModelV2(tx: DbOrTx, countyNames: CountyNames = countyNamesFromReference()): Promise<UpgradeReport> {
  const report: UpgradeReport = { schemes: 0, versions: 0, savedSearches: 0 };
  for (const row of await tx.select({ id: schemes.id, data: schemes.data }).from(schemes)) {
    if (isUpgradedScheme(row.data)) continue;
    await tx
      .update(schemes)
      .set({ data: upgradeSchemeDocument(row.data, countyNames) })
      .where(eq(schemes.id, row.id));
    report.schemes++;
  }
  const versions = await tx.select({ schemeId: schemeVersions.schemeId, version: schemeVersions.version, data: schemeVersions.data }).from(schemeVersions);
  for (const row of versions) {
    if (isUpgradedScheme(row.data)) continue;
    await tx
      .update(schemeVersions)
      .set({ data: upgradeSchemeDocument(row.data, countyNames) })
      .where(sql`${schemeVersions.schemeId} = ${row.schemeId} and ${schemeVersions.version} = ${row.version}`);
    report.versions++;
  }
  for (const row of await tx.select({ id: savedSearches.id, query: savedSearches.query }).from(savedSearches)) {
    const query = upgradeSavedQuery(row.query);
    if (query === row.query) continue;
    await tx.update(savedSearches).set({ query }).where(eq(savedSearches.id, row.id));
    report.savedSearches++;
  }
  return report;
}

/**
 * A saved query's owner filter: a first-model owner name becomes the owner's id; an owner id is kept;
 * anything else is dropped. Returns the same object when nothing changes.
 */
export function upgradeSavedQuery(query: SchemeQuery): SchemeQuery {
  const owner = (query as { owner?: unknown }).owner;
  if (owner === undefined) return query;
  const id = typeof owner === 'string' ? (ownerIdFromRetiredName(owner) ?? (/^[a-z0-9-]{1,80}$/.test(owner) ? owner : null)) : null;
  if (id === owner) return query;
  const { owner: _owner, ...rest } = query;
  return id === null ? rest : { ...rest, owner: id };
}
