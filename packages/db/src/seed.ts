import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { AppDb } from './client';
import { canonicalJson } from './canonical-json';
import { seedParticipationDataset, type ParticipationSeedReport } from './seed-participation';
import { seedSolutionDataset, type SolutionSeedReport } from './seed-solutions';
import { seedSchemeCatalogue, type SchemeSeedReport } from './seed-schemes';
import { readReferenceJson, referenceDataDir, type CountyRecord, type MunicipalityRecord, type NeighbourRecord } from './reference-data';
import { counties, municipalities, municipalityNeighbours, organisations, referenceDataState } from './schema';

export interface SeedReport {
  /** True when the files matched the last load and nothing was compared. */
  skipped: boolean;
  counties: ChangeCount;
  municipalities: ChangeCount;
  neighbours: ChangeCount;
  organisations: ChangeCount;
  schemes: SchemeSeedReport;
  participation: ParticipationSeedReport;
  solutions: SolutionSeedReport;
}
export interface ChangeCount {
  inserted: number;
  updated: number;
  deleted: number;
}

const latest = (byDate: Record<string, number>): number => {
  const dates = Object.keys(byDate).sort();
  return byDate[dates[dates.length - 1]!]!;
};

const files = ['counties.json', 'municipalities.json', 'neighbours.json'];
const none = (): ChangeCount => ({ inserted: 0, updated: 0, deleted: 0 });

function checksumOf(dir: string): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

/**
 * Loads the reference data into the database. Idempotent: rows that already match are left alone
 * (a second run reports zero changes), changed source rows are updated in place. When the files are
 * byte for byte those of the last load, the comparison is skipped (fast restarts).
 */
export async function seedReferenceData(db: AppDb, dir = referenceDataDir, options: { force?: boolean; schemeDir?: string } = {}): Promise<SeedReport> {
  const registers = await seedRegisters(db, dir, options.force ?? false);
  const schemes = await seedSchemeCatalogue(db, options.schemeDir, { force: options.force ?? false });
  const participation = await seedParticipationDataset(db, undefined, { force: options.force ?? false });
  return { ...registers, schemes, participation, solutions: await seedSolutionDataset(db, undefined, { force: options.force ?? false }) };
}

async function seedRegisters(db: AppDb, dir: string, force: boolean): Promise<Omit<SeedReport, 'schemes' | 'participation' | 'solutions'>> {
  const checksum = checksumOf(dir);
  const [state] = await db.select().from(referenceDataState).where(eq(referenceDataState.name, 'municipalities'));
  if (state?.checksum === checksum && !force) {
    return { skipped: true, counties: none(), municipalities: none(), neighbours: none(), organisations: none() };
  }
  const countyRows = readReferenceJson<CountyRecord[]>('counties.json', dir).map((c) => ({
    code: c.code,
    name: c.name,
    nameNorwegian: c.nameNorwegian,
    nameForms: c.nameForms,
    samiAdministrativeArea: c.samiAdministrativeArea,
    population: latest(c.population),
    areaKm2: c.areaKm2,
    municipalityCount: c.municipalityCount,
  }));
  const municipalityRows = readReferenceJson<MunicipalityRecord[]>('municipalities.json', dir).map((m) => ({
    code: m.code,
    name: m.nameLatest,
    nameNorwegian: m.nameNorwegian,
    nameForms: m.nameForms,
    ssbLabel: m.ssbLabel,
    countyCode: m.countyCode,
    population: m.populationLatest,
    populationDate: m.populationDate,
    populationHistory: Object.entries(m.population)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, population]) => ({ date, population })),
    areaKm2: m.areaKm2,
    centralityClass: m.centralityClass,
    centralityIndex: m.centralityIndex,
    adminCentre: m.adminCentre,
    languageForm: m.languageForm,
    website: m.website ? (m.website.startsWith('http') ? m.website : `https://${m.website}`) : null,
  }));
  const neighbours = readReferenceJson<NeighbourRecord>('neighbours.json', dir);
  const neighbourRows = Object.entries(neighbours).flatMap(([code, kinds]) =>
    (['land', 'touching', 'sea'] as const).flatMap((kind) => kinds[kind].map((neighbourCode) => ({ code, neighbourCode, kind }))),
  );

  return db.transaction(async (tx) => {
    const report: Omit<SeedReport, 'schemes' | 'participation' | 'solutions'> = {
      skipped: false,
      counties: await sync(tx as unknown as AppDb, counties, counties.code, countyRows, (r) => r.code),
      municipalities: await sync(tx as unknown as AppDb, municipalities, municipalities.code, municipalityRows, (r) => r.code),
      neighbours: await syncNeighbours(tx as unknown as AppDb, neighbourRows),
      organisations: { inserted: 0, updated: 0, deleted: 0 },
    };
    report.organisations = await syncMunicipalityOrganisations(tx as unknown as AppDb, municipalityRows);
    await tx
      .insert(referenceDataState)
      .values({ name: 'municipalities', checksum })
      .onConflictDoUpdate({ target: referenceDataState.name, set: { checksum, loadedAt: new Date() } });
    return report;
  });
}

type Row = Record<string, unknown>;

const sameValue = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

async function sync<R extends Row>(
  db: AppDb,
  table: typeof counties | typeof municipalities,
  keyColumn: typeof counties.code | typeof municipalities.code,
  rows: R[],
  keyOf: (row: R) => string,
): Promise<ChangeCount> {
  const existing = new Map(((await db.select().from(table as typeof counties)) as unknown as Row[]).map((r) => [String(r.code), r]));
  const count: ChangeCount = { inserted: 0, updated: 0, deleted: 0 };
  const toInsert: R[] = [];
  for (const row of rows) {
    const current = existing.get(keyOf(row));
    if (!current) {
      toInsert.push(row);
      continue;
    }
    const changed = Object.keys(row).some((k) => !sameValue(row[k], current[k]));
    if (changed) {
      await db
        .update(table as typeof counties)
        .set({ ...row, updatedAt: new Date() } as never)
        .where(eq(keyColumn, keyOf(row)));
      count.updated++;
    }
  }
  if (toInsert.length) {
    await db.insert(table as typeof counties).values(toInsert as never);
    count.inserted = toInsert.length;
  }
  return count;
}

async function syncNeighbours(db: AppDb, rows: { code: string; neighbourCode: string; kind: 'land' | 'touching' | 'sea' }[]): Promise<ChangeCount> {
  const key = (r: { code: string; neighbourCode: string }) => `${r.code}:${r.neighbourCode}`;
  const existing = new Map((await db.select().from(municipalityNeighbours)).map((r) => [key(r), r]));
  const wanted = new Map(rows.map((r) => [key(r), r]));
  const count: ChangeCount = { inserted: 0, updated: 0, deleted: 0 };
  const toInsert = rows.filter((r) => !existing.has(key(r)));
  for (const row of rows) {
    const current = existing.get(key(row));
    if (current && current.kind !== row.kind) {
      await db
        .update(municipalityNeighbours)
        .set({ kind: row.kind })
        .where(and(eq(municipalityNeighbours.code, row.code), eq(municipalityNeighbours.neighbourCode, row.neighbourCode)));
      count.updated++;
    }
  }
  for (const current of existing.values()) {
    if (!wanted.has(key(current))) {
      await db
        .delete(municipalityNeighbours)
        .where(and(eq(municipalityNeighbours.code, current.code), eq(municipalityNeighbours.neighbourCode, current.neighbourCode)));
      count.deleted++;
    }
  }
  for (let i = 0; i < toInsert.length; i += 500) {
    await db.insert(municipalityNeighbours).values(toInsert.slice(i, i + 500));
  }
  count.inserted = toInsert.length;
  return count;
}

/** Every kommune has exactly one organisation of type `municipality`, named and placed as the register says. */
async function syncMunicipalityOrganisations(db: AppDb, rows: { code: string; name: string; countyCode: string }[]): Promise<ChangeCount> {
  const existing = new Map((await db.select().from(organisations).where(isNotNull(organisations.municipalityCode))).map((o) => [o.municipalityCode!, o]));
  const count: ChangeCount = { inserted: 0, updated: 0, deleted: 0 };
  const toInsert = [];
  for (const m of rows) {
    const current = existing.get(m.code);
    if (!current) {
      toInsert.push({ type: 'municipality' as const, name: m.name, municipalityCode: m.code, countyCode: m.countyCode });
    } else if (current.name !== m.name || current.countyCode !== m.countyCode) {
      await db.update(organisations).set({ name: m.name, countyCode: m.countyCode }).where(eq(organisations.id, current.id));
      count.updated++;
    }
  }
  if (toInsert.length) await db.insert(organisations).values(toInsert);
  count.inserted = toInsert.length;
  return count;
}
