import type { MunicipalityList } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

/** What a municipality picker needs: much less than the list page, so less data in the page. */
export interface MunicipalityOption {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
}

/** County names by code, from the municipalities (for schemes limited to some counties). */
export function countyNames(options: MunicipalityOption[]): Record<string, string> {
  return Object.fromEntries(options.map((m) => [m.countyCode, m.countyName]));
}

async function fetchOptions(api: Api): Promise<MunicipalityOption[]> {
  // Sorted by county, then name, the Norwegian way, by the server: the picker groups them as they come.
  const list = await api.get<MunicipalityList>('/api/municipalities?sort=county');
  return list.items.map(({ code, name, countyCode, countyName }) => ({ code, name, countyCode, countyName }));
}

// The list changes with the reference data only, so the browser fetches it once per page load.
let browserCache: Promise<MunicipalityOption[]> | null = null;

/** All 357 municipalities for a picker, by county and name. */
export function listMunicipalityOptions(api: Api): Promise<MunicipalityOption[]> {
  if (typeof document === 'undefined') return fetchOptions(api);
  browserCache ??= fetchOptions(api).catch((error: unknown) => {
    browserCache = null;
    throw error;
  });
  return browserCache;
}
