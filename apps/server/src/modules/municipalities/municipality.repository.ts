import { eq } from 'drizzle-orm';
import { schema, type AppDb } from '@varde/db';

const { municipalities, municipalityNeighbours, counties, organisations, referenceDataState } = schema;

const summaryColumns = {
  code: municipalities.code,
  name: municipalities.name,
  nameNorwegian: municipalities.nameNorwegian,
  countyCode: municipalities.countyCode,
  countyName: counties.nameNorwegian,
  population: municipalities.population,
  populationDate: municipalities.populationDate,
  areaKm2: municipalities.areaKm2,
  centralityClass: municipalities.centralityClass,
  centralityIndex: municipalities.centralityIndex,
  languageForm: municipalities.languageForm,
};

export function createMunicipalityRepository(db: AppDb) {
  return {
    async listAll() {
      return db.select(summaryColumns).from(municipalities).innerJoin(counties, eq(counties.code, municipalities.countyCode));
    },
    async findByCode(code: string) {
      const [row] = await db
        .select({
          ...summaryColumns,
          nameForms: municipalities.nameForms,
          ssbLabel: municipalities.ssbLabel,
          populationHistory: municipalities.populationHistory,
          adminCentre: municipalities.adminCentre,
          website: municipalities.website,
          organisationId: organisations.id,
        })
        .from(municipalities)
        .innerJoin(counties, eq(counties.code, municipalities.countyCode))
        .leftJoin(organisations, eq(organisations.municipalityCode, municipalities.code))
        .where(eq(municipalities.code, code));
      return row;
    },
    async neighboursOf(code: string) {
      return db
        .select({
          code: municipalityNeighbours.neighbourCode,
          name: municipalities.name,
          nameNorwegian: municipalities.nameNorwegian,
          kind: municipalityNeighbours.kind,
        })
        .from(municipalityNeighbours)
        .innerJoin(municipalities, eq(municipalities.code, municipalityNeighbours.neighbourCode))
        .where(eq(municipalityNeighbours.code, code));
    },
    async listCounties() {
      return db.select().from(counties);
    },
    /** The checksums of the reference data last loaded: they change when new register data is loaded. */
    async stamp(): Promise<string> {
      const rows = await db.select({ name: referenceDataState.name, checksum: referenceDataState.checksum }).from(referenceDataState);
      return rows
        .map((r) => `${r.name}:${r.checksum}`)
        .sort()
        .join(',');
    },
  };
}

export type MunicipalityRepository = ReturnType<typeof createMunicipalityRepository>;
