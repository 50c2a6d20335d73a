import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reference data shipped with the project (see data/SOURCES.md). */
export const referenceDataDir = fileURLToPath(new URL('../../../data/reference/', import.meta.url));

export interface MunicipalityRecord {
  code: string;
  name: string;
  nameLatest: string;
  nameNorwegian: string;
  nameForms: { name: string; lang: string }[];
  ssbLabel: string;
  countyCode: string;
  countyName: string;
  population: Record<string, number>;
  populationLatest: number;
  populationDate: string;
  areaKm2: number;
  centralityClass: number;
  centralityIndex: number;
  adminCentre: string;
  languageForm: 'neutral' | 'bokmal' | 'nynorsk';
  website: string | null;
}

export interface CountyRecord {
  code: string;
  name: string;
  nameNorwegian: string;
  nameForms: { name: string; lang: string }[];
  samiAdministrativeArea: boolean;
  municipalityCount: number;
  population: Record<string, number>;
  areaKm2: number;
  municipalities: string[];
}

export type NeighbourRecord = Record<string, { land: string[]; touching: string[]; sea: string[] }>;

export function readReferenceJson<T>(file: string, dir = referenceDataDir): T {
  return JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as T;
}
