/**
 * The shipped data for tests: the scheme catalogue in data/schemes (read and validated once per test
 * file) and register profiles from data/reference. Tests that need the real catalogue import this;
 * packages/domain's own tests use small fixtures instead (packages/domain/src/test-fixtures).
 */
import type { Scheme } from '@varde/contracts/schemes';
import { readSchemeCatalogue } from '@varde/db/scheme-catalogue';
import { readReferenceJson, type CountyRecord, type MunicipalityRecord } from '@varde/db/reference-data';
import type { MunicipalityProfile } from '@varde/domain/eligibility';

let catalogue: readonly Scheme[] | undefined;
let municipalities: ReadonlyMap<string, MunicipalityRecord> | undefined;

/** Every scheme in data/schemes, sorted by id. Read lazily, so a broken catalogue fails each test with the validator's message. */
export function realCatalogue(): readonly Scheme[] {
  catalogue ??= readSchemeCatalogue();
  return catalogue;
}

/** One scheme of the real catalogue; throws when the catalogue has no scheme with that id. */
export function realScheme(id: string): Scheme {
  const scheme = realCatalogue().find((s) => s.id === id);
  if (!scheme) throw new Error(`scheme ${id} missing from the catalogue`);
  return scheme;
}

/** The county numbers in data/reference/counties.json. */
export function knownCountyCodes(): ReadonlySet<string> {
  return new Set(readReferenceJson<CountyRecord[]>('counties.json').map((c) => c.code));
}

/** A municipality's register profile (county, population, centrality) from data/reference/municipalities.json. */
export function registerProfile(code: string): MunicipalityProfile {
  municipalities ??= new Map(readReferenceJson<MunicipalityRecord[]>('municipalities.json').map((m) => [m.code, m]));
  const m = municipalities.get(code);
  if (!m) throw new Error(`municipality ${code} missing from the register`);
  return { code: m.code, countyCode: m.countyCode, population: m.populationLatest, centralityClass: m.centralityClass };
}
