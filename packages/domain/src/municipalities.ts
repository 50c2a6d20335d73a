import type { MunicipalityListQuery, MunicipalitySort, PopulationBand } from '@varde/contracts/schemas';

/** Population bands used by filters and statistics; lower bound inclusive, upper bound exclusive. */
export const populationBandRanges: Record<PopulationBand, [number, number]> = {
  lt2000: [0, 2000],
  '2000to4999': [2000, 5000],
  '5000to9999': [5000, 10000],
  '10000to49999': [10000, 50000],
  gte50000: [50000, Number.POSITIVE_INFINITY],
};

export function populationBandOf(population: number): PopulationBand {
  for (const [band, [min, max]] of Object.entries(populationBandRanges) as [PopulationBand, [number, number]][]) {
    if (population >= min && population < max) return band;
  }
  return 'gte50000';
}

const collator = new Intl.Collator('nb', { sensitivity: 'base' });

/** Norwegian alphabetical order (Æ, Ø, Å last), which the database's C collation gets wrong. */
export const compareNorwegian = (a: string, b: string) => collator.compare(a, b);

/** Folds case and diacritics for search ("karasjok" finds "Kárášjohka - Karasjok"), keeping æ, ø, å. */
export function searchKey(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replace(/å/g, '\u0001')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u0001/g, 'å');
}

interface Sortable {
  code: string;
  nameNorwegian: string;
  countyName: string;
  population: number;
  centralityIndex: number;
}

export function sortMunicipalities<T extends Sortable>(items: T[], sort: MunicipalitySort = 'name'): T[] {
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '');
  const compare = (a: T, b: T): number => {
    switch (key) {
      case 'population':
        return a.population - b.population;
      case 'centrality':
        return b.centralityIndex - a.centralityIndex;
      case 'code':
        return a.code.localeCompare(b.code);
      case 'county':
        // By county, and by name within a county in either direction.
        return compareNorwegian(a.countyName, b.countyName) || (desc ? -1 : 1) * compareNorwegian(a.nameNorwegian, b.nameNorwegian);
      default:
        return compareNorwegian(a.nameNorwegian, b.nameNorwegian);
    }
  };
  return [...items].sort((a, b) => (desc ? -compare(a, b) : compare(a, b)) || a.code.localeCompare(b.code));
}

interface Filterable {
  code: string;
  name: string;
  countyCode: string;
  centralityClass: number;
  population: number;
}

/** Applies the list filters: free text on name forms or number, county, centrality class, population band. */
export function filterMunicipalities<T extends Filterable>(items: T[], query: MunicipalityListQuery): T[] {
  const needle = query.q?.trim() ? searchKey(query.q.trim()) : '';
  const band = query.population ? populationBandRanges[query.population] : undefined;
  return items.filter(
    (m) =>
      (!needle || m.code.startsWith(needle) || searchKey(m.name).includes(needle)) &&
      (!query.county || m.countyCode === query.county) &&
      (!query.centrality || m.centralityClass === query.centrality) &&
      (!band || (m.population >= band[0] && m.population < band[1])),
  );
}
