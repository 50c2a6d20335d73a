/**
 * Imports the shipped scheme catalogue (data/schemes) into the database. A scheme new to the
 * database becomes version 1; a scheme whose file changed since its last import gets a new version
 * (the catalogue is the published source, so it replaces in-app edits of that scheme and the history
 * keeps both). Unchanged files change nothing, so a restart is a no-op.
 *
 * When the files are byte for byte those of the last successful import (a checksum of the folder and
 * of the county register the integrity check reads, kept in `reference_data_state`), the files are
 * not read, validated or compared again: a restart skips the work, as the reference data does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Scheme } from '@varde/contracts/schemes';
import type { AppDb } from './client';
import { referenceDataDir } from './reference-data';
import { readSchemeCatalogue, schemeCatalogueDir } from './scheme-catalogue';
import { referenceDataState, schemes, schemeVersions } from './schema';
import { canonicalJson } from './canonical-json';

export interface SchemeSeedReport {
  /** True when the files matched the last import and were not read again. */
  skipped: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
}

export const schemeHash = (scheme: Scheme) => createHash('sha256').update(canonicalJson(scheme)).digest('hex');

/** Name of the catalogue's row in `reference_data_state`. */
const STATE = 'scheme-catalogue';

function catalogueFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** The files' names and bytes, and the county register that the integrity check reads. */
function catalogueChecksum(dir: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(dir, file)));
  try {
    hash.update('\0counties\0').update(readFileSync(join(referenceDataDir, 'counties.json')));
  } catch {
    hash.update('\0no counties\0');
  }
  return hash.digest('hex');
}

export async function seedSchemeCatalogue(db: AppDb, dir: string = schemeCatalogueDir, options: { force?: boolean } = {}): Promise<SchemeSeedReport> {
  const files = catalogueFiles(dir);
  const checksum = catalogueChecksum(dir, files);
  if (!options.force) {
    const [state] = await db.select({ checksum: referenceDataState.checksum }).from(referenceDataState).where(eq(referenceDataState.name, STATE));
    if (state?.checksum === checksum) return { skipped: true, inserted: 0, updated: 0, unchanged: files.length };
  }
  const catalogue = readSchemeCatalogue(dir);
  const existing = new Map(
    (await db.select({ id: schemes.id, version: schemes.version, catalogueHash: schemes.catalogueHash }).from(schemes)).map((r) => [r.id, r]),
  );
  const report: SchemeSeedReport = { skipped: false, inserted: 0, updated: 0, unchanged: 0 };
  const changes = catalogue
    .map((scheme) => ({ scheme, hash: schemeHash(scheme), current: existing.get(scheme.id) }))
    .filter(({ hash, current }) => current?.catalogueHash !== hash);
  report.unchanged = catalogue.length - changes.length;
  const remember = (tx: Pick<AppDb, 'insert'>) =>
    tx
      .insert(referenceDataState)
      .values({ name: STATE, checksum })
      .onConflictDoUpdate({ target: referenceDataState.name, set: { checksum, loadedAt: new Date() } });
  if (changes.length === 0) {
    await remember(db);
    return report;
  }

  await db.transaction(async (tx) => {
    for (const { scheme, hash, current } of changes) {
      const now = new Date();
      if (!current) {
        await tx.insert(schemes).values({ id: scheme.id, data: scheme, version: 1, catalogueHash: hash, updatedAt: now });
        await tx.insert(schemeVersions).values({ schemeId: scheme.id, version: 1, data: scheme, changedAt: now });
        report.inserted++;
      } else {
        const version = current.version + 1;
        await tx.update(schemes).set({ data: scheme, version, catalogueHash: hash, updatedAt: now, updatedBy: null }).where(eq(schemes.id, scheme.id));
        await tx.insert(schemeVersions).values({ schemeId: scheme.id, version, data: scheme, changedAt: now });
        report.updated++;
      }
    }
    await remember(tx);
  });
  return report;
}
