/**
 * Imports the shipped scheme catalogue (data/schemes) into the database. A scheme new to the
 * database becomes version 1; a scheme whose file changed since its last import gets a new version
 * (the catalogue is the published source, so it replaces in-app edits of that scheme and the history
 * keeps both). Unchanged files change nothing, so a restart is a no-op.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Scheme } from '@varde/contracts/schemes';
import type { AppDb } from './client';
import { readSchemeCatalogue, schemeCatalogueDir } from './scheme-catalogue';
import { schemes, schemeVersions } from './schema';
import { canonicalJson } from './canonical-json';

export interface SchemeSeedReport {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const schemeHash = (scheme: Scheme) => createHash('sha256').update(canonicalJson(scheme)).digest('hex');

export async function seedSchemeCatalogue(db: AppDb, dir: string = schemeCatalogueDir): Promise<SchemeSeedReport> {
  const catalogue = readSchemeCatalogue(dir);
  const existing = new Map(
    (await db.select({ id: schemes.id, version: schemes.version, catalogueHash: schemes.catalogueHash }).from(schemes)).map((r) => [r.id, r]),
  );
  const report: SchemeSeedReport = { inserted: 0, updated: 0, unchanged: 0 };
  const changes = catalogue
    .map((scheme) => ({ scheme, hash: schemeHash(scheme), current: existing.get(scheme.id) }))
    .filter(({ hash, current }) => current?.catalogueHash !== hash);
  report.unchanged = catalogue.length - changes.length;
  if (changes.length === 0) return report;

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
  });
  return report;
}
