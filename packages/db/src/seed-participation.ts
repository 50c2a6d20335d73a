/**
 * Loads the shipped participation records (data/participation, see data/SOURCES.md) into the
 * database: every record with its source and quote, provenance `imported`, linked to the catalogue
 * scheme where data/participation/schemes.json names one. Each record is known by its key in the
 * data set, so a new release of the file updates records in place (keeping verifications and reports),
 * adds new ones and removes those no longer in it. When the files are byte for byte those of the last
 * load, nothing is read again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { dedupeKey, normaliseName, predecessorName, type ParticipationRole, type ParticipationStatus } from '@varde/contracts/participation-vocabulary';
import type { AppDb } from './client';
import { canonicalJson } from './canonical-json';
import { readReferenceJson, referenceDataDir, type MunicipalityRecord } from './reference-data';
import { participationRecords, referenceDataState } from './schema';

export const participationDataDir = fileURLToPath(new URL('../../../data/participation/', import.meta.url));

interface DatasetRecord {
  scheme: string;
  schemeOwner: string;
  year: number;
  municipalityName: string;
  codeAtTime: string | null;
  code2024: string;
  role: ParticipationRole;
  status: ParticipationStatus;
  amountNOK: number | null;
  projectTitle: string | null;
  otherParticipants: string[];
  source: string;
  evidence: string;
  codeNote?: string;
  note?: string;
  region?: string;
}

export interface DatasetScheme {
  key: string;
  catalogueId: string | null;
  name: string;
  owner: string;
  aliases: string[];
}

export interface ParticipationSeedReport {
  skipped: boolean;
  inserted: number;
  updated: number;
  deleted: number;
}

const STATE = 'participation-dataset';
const FILES = ['participation.json', 'schemes.json'];

export function readDatasetSchemes(dir = participationDataDir): DatasetScheme[] {
  return (JSON.parse(readFileSync(`${dir}/schemes.json`, 'utf8')) as { schemes: DatasetScheme[] }).schemes;
}

/** The shipped records as rows of `participation_records`, each with its key in the data set. */
export function datasetRows(dir = participationDataDir, referenceDir = referenceDataDir) {
  const records = (JSON.parse(readFileSync(`${dir}/participation.json`, 'utf8')) as { records: DatasetRecord[] }).records;
  const schemesByName = new Map<string, DatasetScheme>();
  for (const scheme of readDatasetSchemes(dir)) for (const name of [scheme.name, ...scheme.aliases]) schemesByName.set(normaliseName(name), scheme);
  const names = new Map(
    readReferenceJson<MunicipalityRecord[]>('municipalities.json', referenceDir).map((m) => [
      m.code,
      [m.name, m.nameLatest, m.nameNorwegian, ...m.nameForms.map((f) => f.name)],
    ]),
  );
  return records.map((r) => {
    const scheme = schemesByName.get(normaliseName(r.scheme));
    if (!scheme) throw new Error(`data/participation/schemes.json lacks the scheme "${r.scheme}"`);
    const round = r.region ?? null;
    const key = dedupeKey({
      municipalityCode: r.code2024,
      schemeKey: scheme.key,
      year: r.year,
      round,
      projectTitle: r.projectTitle,
      predecessor: predecessorName(r.municipalityName, names.get(r.code2024) ?? []),
    });
    return {
      datasetKey: key,
      dedupeKey: key,
      schemeId: scheme.catalogueId,
      schemeKey: scheme.key,
      schemeName: r.scheme,
      round,
      year: r.year,
      municipalityCode: r.code2024,
      codeAtTime: r.codeAtTime,
      nameAtTime: r.municipalityName,
      role: r.role,
      status: r.status,
      amountNok: r.amountNOK,
      projectTitle: r.projectTitle,
      otherParticipants: r.otherParticipants,
      sourceUrl: r.source,
      sourceDocument: null,
      evidence: r.evidence,
      note: [r.codeNote, r.note].filter(Boolean).join('; ') || null,
      provenance: 'imported' as const,
    };
  });
}

type Row = ReturnType<typeof datasetRows>[number];
const compared: (keyof Row)[] = [
  'schemeId',
  'schemeKey',
  'schemeName',
  'round',
  'year',
  'municipalityCode',
  'codeAtTime',
  'nameAtTime',
  'role',
  'status',
  'amountNok',
  'projectTitle',
  'otherParticipants',
  'sourceUrl',
  'evidence',
  'note',
];

function checksumOf(dir: string): string {
  const hash = createHash('sha256');
  for (const file of FILES) hash.update(`${file}\0`).update(readFileSync(`${dir}/${file}`));
  return hash.digest('hex');
}

export async function seedParticipationDataset(db: AppDb, dir = participationDataDir, options: { force?: boolean } = {}): Promise<ParticipationSeedReport> {
  const checksum = checksumOf(dir);
  if (!options.force) {
    const [state] = await db.select({ checksum: referenceDataState.checksum }).from(referenceDataState).where(eq(referenceDataState.name, STATE));
    if (state?.checksum === checksum) return { skipped: true, inserted: 0, updated: 0, deleted: 0 };
  }
  const rows = datasetRows(dir);
  return db.transaction(async (tx) => {
    const existing = new Map(
      (await tx.select().from(participationRecords).where(isNotNull(participationRecords.datasetKey))).map((r) => [r.datasetKey!, r as unknown as Row]),
    );
    const report: ParticipationSeedReport = { skipped: false, inserted: 0, updated: 0, deleted: 0 };
    const wanted = new Set(rows.map((r) => r.datasetKey));
    const gone = [...existing.keys()].filter((key) => !wanted.has(key));
    for (let i = 0; i < gone.length; i += 500) {
      await tx.delete(participationRecords).where(inArray(participationRecords.datasetKey, gone.slice(i, i + 500)));
    }
    report.deleted = gone.length;
    const toInsert: Row[] = [];
    for (const row of rows) {
      const current = existing.get(row.datasetKey);
      if (!current) toInsert.push(row);
      else if (compared.some((k) => canonicalJson(current[k]) !== canonicalJson(row[k]))) {
        await tx
          .update(participationRecords)
          .set({ ...row, updatedAt: new Date() })
          .where(eq(participationRecords.datasetKey, row.datasetKey));
        report.updated++;
      }
    }
    for (let i = 0; i < toInsert.length; i += 500) await tx.insert(participationRecords).values(toInsert.slice(i, i + 500));
    report.inserted = toInsert.length;
    await tx
      .insert(referenceDataState)
      .values({ name: STATE, checksum })
      .onConflictDoUpdate({ target: referenceDataState.name, set: { checksum, loadedAt: new Date() } });
    return report;
  });
}
