import type { SchemeList } from '@varde/contracts/finder-api';
import { NO_MUNICIPALITY } from '@varde/contracts/vocabulary';
import type { Api } from '../../../app/api-client';
import type { CatalogueOptions } from '../components/editor-sections';

/**
 * The catalogue's schemes (for the successor select) and the owner ids in use (suggested for owner
 * ids), names in the page language. Ended schemes are left out: a successor is a live scheme. Null
 * when the list cannot be loaded: the editor then asks for ids as text.
 */
export async function listCatalogueOptions(api: Api): Promise<CatalogueOptions | null> {
  try {
    const list = await api.get<SchemeList>(`/api/schemes?municipality=${NO_MUNICIPALITY}&limit=200`);
    return {
      schemes: list.items.map((s) => ({ id: s.id, name: s.name })).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
      owners: list.owners,
    };
  } catch {
    return null;
  }
}
