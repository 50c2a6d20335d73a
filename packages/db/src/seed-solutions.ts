/**
 * Loads the shipped solutions (data/solutions/solutions.json, see data/SOURCES.md): solutions that a
 * participation record's quoted source describes, each with only the fields that source supports
 * (title, owners, scheme, year, amount, source address and quote); every other field stays null,
 * "not described yet". Each is known by its key, so a new release updates its content in place and
 * keeps its adopters, questions and history; unchanged files are not read again. Runs after the
 * reference data (one organisation per kommune) and the participation records (linked by project).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, isNotNull } from 'drizzle-orm';
import { normaliseName } from '@varde/contracts/participation-vocabulary';
import type { Language } from '@varde/contracts/vocabulary';
import type { AppDb } from './client';
import { canonicalJson } from './canonical-json';
import { readDatasetSchemes } from './seed-participation';
import { organisations, participationRecords, referenceDataState, solutionOwners, solutions, solutionVersions, type SolutionContentData } from './schema';

export const solutionsDataDir = fileURLToPath(new URL('../../../data/solutions/', import.meta.url));
const STATE = 'solutions-dataset';

interface DatasetSolution {
  key: string;
  title: string;
  language: Language;
  owners: string[];
  scheme: string;
  year: number;
  amountNok: number | null;
  sourceUrl: string;
  quote: string;
  participation: { municipalityCode: string; year: number; projectTitle: string }[];
}

export interface SolutionSeedReport {
  skipped: boolean;
  inserted: number;
  updated: number;
}

export function readDatasetSolutions(dir = solutionsDataDir): DatasetSolution[] {
  return (JSON.parse(readFileSync(`${dir}/solutions.json`, 'utf8')) as { solutions: DatasetSolution[] }).solutions;
}

/** The content of a shipped solution: only what its source supports. */
export function datasetContent(s: DatasetSolution, schemeId: string | null, participationRecordId: string | null): SolutionContentData {
  return {
    language: s.language,
    title: s.title,
    summary: null,
    problem: null,
    whatWasDone: null,
    results: null,
    costOneOffNok: null,
    costYearlyNok: null,
    costNote: null,
    maturity: null,
    themes: [],
    year: s.year,
    partners: [],
    links: [],
    reuseKind: null,
    reuseTerms: null,
    schemeId,
    callId: null,
    participationRecordId,
    fundingAmountNok: s.amountNok,
    sourceUrl: s.sourceUrl,
    sourceQuote: s.quote,
  };
}

export async function seedSolutionDataset(db: AppDb, dir = solutionsDataDir, options: { force?: boolean } = {}): Promise<SolutionSeedReport> {
  const bytes = readFileSync(`${dir}/solutions.json`);
  const checksum = createHash('sha256').update(bytes).digest('hex');
  if (!options.force) {
    const [state] = await db.select({ checksum: referenceDataState.checksum }).from(referenceDataState).where(eq(referenceDataState.name, STATE));
    if (state?.checksum === checksum) return { skipped: true, inserted: 0, updated: 0 };
  }
  const items = readDatasetSolutions(dir);
  const schemeIds = new Map<string, string | null>();
  for (const scheme of readDatasetSchemes()) for (const name of [scheme.name, ...scheme.aliases]) schemeIds.set(normaliseName(name), scheme.catalogueId);
  return db.transaction(async (tx) => {
    const orgs = new Map(
      (
        await tx
          .select({ id: organisations.id, code: organisations.municipalityCode })
          .from(organisations)
          .where(and(eq(organisations.type, 'municipality'), isNotNull(organisations.municipalityCode)))
      ).map((o) => [o.code!, o.id]),
    );
    const existing = new Map((await tx.select().from(solutions).where(isNotNull(solutions.datasetKey))).map((s) => [s.datasetKey!, s]));
    const report: SolutionSeedReport = { skipped: false, inserted: 0, updated: 0 };
    const at = new Date();
    for (const item of items) {
      const first = item.participation[0];
      const [record] = first
        ? await tx
            .select({ id: participationRecords.id })
            .from(participationRecords)
            .where(
              and(
                eq(participationRecords.municipalityCode, first.municipalityCode),
                eq(participationRecords.year, first.year),
                eq(participationRecords.projectTitle, first.projectTitle),
                isNotNull(participationRecords.datasetKey),
              ),
            )
            .limit(1)
        : [];
      const content = datasetContent(item, schemeIds.get(normaliseName(item.scheme)) ?? null, record?.id ?? null);
      const columns = {
        content,
        language: content.language,
        title: content.title,
        summary: null,
        problem: null,
        whatWasDone: null,
        maturity: null,
        themes: [],
        year: content.year,
      };
      const current = existing.get(item.key);
      if (current) {
        if (canonicalJson(current.content) === canonicalJson(content)) continue;
        const version = (current.version ?? 0) + 1;
        await tx
          .update(solutions)
          .set({ ...columns, version, draft: content, draftPending: false, publishedAt: at, updatedAt: at })
          .where(eq(solutions.id, current.id));
        await tx.insert(solutionVersions).values({ solutionId: current.id, version, content, publishedAt: at, note: 'data/solutions' });
        report.updated++;
        continue;
      }
      const [row] = await tx
        .insert(solutions)
        .values({
          ...columns,
          status: 'published',
          version: 1,
          draft: content,
          draftPending: false,
          datasetKey: item.key,
          createdAt: at,
          firstPublishedAt: at,
          publishedAt: at,
          updatedAt: at,
        })
        .returning({ id: solutions.id });
      await tx.insert(solutionVersions).values({ solutionId: row!.id, version: 1, content, publishedAt: at, note: 'data/solutions' });
      const ownerIds = item.owners.map((code) => orgs.get(code)).filter((id): id is string => !!id);
      if (ownerIds.length > 0) {
        await tx.insert(solutionOwners).values(ownerIds.map((organisationId) => ({ solutionId: row!.id, organisationId, addedAt: at })));
      }
      report.inserted++;
    }
    await tx
      .insert(referenceDataState)
      .values({ name: STATE, checksum })
      .onConflictDoUpdate({ target: referenceDataState.name, set: { checksum, loadedAt: new Date() } });
    return report;
  });
}
