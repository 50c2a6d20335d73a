/**
 * The one place where participation reads the scheme catalogue: ids and names, through the catalogue
 * service. Records link to a catalogue scheme by its id only, so the catalogue's own model can change
 * without touching them (a record whose id the catalogue no longer has shows the name it was recorded with).
 */
import type { Language } from '@varde/contracts';
import type { CatalogueService } from '../catalogue/catalogue.service';

export interface CatalogueSchemeName {
  id: string;
  name: Record<Language, string>;
}

export async function catalogueSchemeNames(catalogue: CatalogueService): Promise<CatalogueSchemeName[]> {
  const { rows } = await catalogue.catalogue();
  return rows.map((row) => ({ id: row.id, name: { nb: row.data.name.nb, nn: row.data.name.nn, en: row.data.name.en } }));
}
