import type { County, MunicipalityDetail, MunicipalityList, MunicipalityListQuery } from '@varde/contracts';
import { compareNorwegian, filterMunicipalities, sortMunicipalities } from '@varde/domain/municipalities';
import { notFound } from '../../plugins/app-error';
import type { MunicipalityRepository } from './municipality.repository';

const kindOrder = { land: 0, touching: 1, sea: 2 } as const;

export function createMunicipalityService(repo: MunicipalityRepository) {
  return {
    async list(query: MunicipalityListQuery): Promise<MunicipalityList> {
      const rows = await repo.listAll();
      return { total: rows.length, items: sortMunicipalities(filterMunicipalities(rows, query), query.sort) };
    },

    async get(code: string): Promise<MunicipalityDetail> {
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
    },

    async counties(): Promise<County[]> {
      const rows = await repo.listCounties();
      return rows
        .map((c) => ({
          code: c.code,
          name: c.name,
          nameNorwegian: c.nameNorwegian,
          municipalityCount: c.municipalityCount,
          population: c.population,
          samiAdministrativeArea: c.samiAdministrativeArea,
        }))
        .sort((a, b) => compareNorwegian(a.nameNorwegian, b.nameNorwegian));
    },
  };
}

export type MunicipalityService = ReturnType<typeof createMunicipalityService>;
