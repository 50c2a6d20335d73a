import type { County, MunicipalityDetail, MunicipalityList, MunicipalityListQuery } from '@varde/contracts';
import { compareNorwegian, filterMunicipalities, sortMunicipalities } from '@varde/domain/municipalities';
import { notFound } from '../../core/app-error';
import type { MunicipalityRepository } from './municipality.repository';

const kindOrder = { land: 0, touching: 1, sea: 2 } as const;

/**
 * Reference data changes only when new register data is loaded (yearly), so reads are kept in memory
 * for a few minutes: another instance picks up a reload within this time, a restart at once.
 */
const REFERENCE_CACHE_MS = 5 * 60 * 1000;

function memo<T>(ttlMs: number) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  const read = (key: string, load: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = load();
    entries.set(key, { at: Date.now(), value });
    value.catch(() => entries.delete(key));
    return value;
  };
  return Object.assign(read, { clear: () => entries.clear() });
}

export function createMunicipalityService(repo: MunicipalityRepository, cacheMs = REFERENCE_CACHE_MS) {
  const allRows = memo<Awaited<ReturnType<MunicipalityRepository['listAll']>>>(cacheMs);
  const details = memo<MunicipalityDetail>(cacheMs);
  const countyRows = memo<County[]>(cacheMs);
  // All rows in each order asked for (a closed list): sorting 357 names with the Norwegian collator on
  // every call cost a few milliseconds of each finder page. Filtering keeps the order.
  const sortedRows = memo<Awaited<ReturnType<MunicipalityRepository['listAll']>>>(cacheMs);
  let lastStamp: string | null = null;

  async function loadDetail(code: string): Promise<MunicipalityDetail> {
    const row = await repo.findByCode(code);
    if (!row) throw notFound('error.municipality_not_found', { code });
    const neighbours = (await repo.neighboursOf(code)).sort(
      (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || compareNorwegian(a.nameNorwegian, b.nameNorwegian),
    );
    return {
      ...row,
      organisationId: row.organisationId ?? null,
      neighbours: neighbours.map(({ code: c, name, kind }) => ({ code: c, name, kind })),
    };
  }

  return {
    /**
     * Changes when new reference data is loaded (by any instance). Reading it also drops what this
     * instance keeps in memory when it changed, so what follows reads the new data at once.
     */
    async stamp(): Promise<string> {
      const stamp = await repo.stamp();
      if (lastStamp !== null && stamp !== lastStamp) {
        allRows.clear();
        details.clear();
        countyRows.clear();
        sortedRows.clear();
      }
      lastStamp = stamp;
      return stamp;
    },

    async list(query: MunicipalityListQuery): Promise<MunicipalityList> {
      const sort = query.sort ?? 'name';
      const rows = await sortedRows(sort, async () => sortMunicipalities(await allRows('all', () => repo.listAll()), sort));
      return { total: rows.length, items: filterMunicipalities(rows, query) };
    },

    get(code: string): Promise<MunicipalityDetail> {
      return details(code, () => loadDetail(code));
    },

    counties(): Promise<County[]> {
      return countyRows('all', async () =>
        (await repo.listCounties())
          .map((c) => ({
            code: c.code,
            name: c.name,
            nameNorwegian: c.nameNorwegian,
            municipalityCount: c.municipalityCount,
            population: c.population,
            samiAdministrativeArea: c.samiAdministrativeArea,
          }))
          .sort((a, b) => compareNorwegian(a.nameNorwegian, b.nameNorwegian)),
      );
    },
  };
}

export type MunicipalityService = ReturnType<typeof createMunicipalityService>;
