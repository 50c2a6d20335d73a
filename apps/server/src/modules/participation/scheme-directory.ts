/**
 * The schemes a record can name: the catalogue's (by id or any of its names), the schemes of the
 * shipped data set that the catalogue lacks, and those recorded in Varde since. Built per use from the
 * catalogue (kept in memory by its service) and one small query.
 */
import type { Language } from '@varde/contracts';
import { normaliseName } from '@varde/contracts/participation-vocabulary';
import { schemeLookup, type SchemeEntry, type SchemeLookup } from '@varde/domain/participation';
import type { CatalogueSchemeName } from './scheme-adapter';

export interface DirectoryInputs {
  catalogue: CatalogueSchemeName[];
  dataset: { key: string; catalogueId: string | null; name: string; aliases: string[] }[];
  recorded: { key: string; catalogueId: string | null; name: string }[];
}

export interface SchemeDirectory {
  lookup: SchemeLookup;
  /** The name to show for a record: the catalogue's in the language, else the name it was recorded with. */
  displayName(record: { schemeId: string | null; schemeName: string }, lang: Language): string;
  catalogueIds: ReadonlySet<string>;
  catalogueName(id: string, lang: Language): string | undefined;
  /** Every scheme once. */
  entries: SchemeEntry[];
}

export function schemeDirectory({ catalogue, dataset, recorded }: DirectoryInputs): SchemeDirectory {
  const byId = new Map(catalogue.map((s) => [s.id, s]));
  const entries: (SchemeEntry & { names: string[] })[] = [
    ...catalogue.map((s) => ({ key: s.id, catalogueId: s.id, name: s.name.nb, names: [s.name.nb, s.name.nn, s.name.en] })),
    ...dataset.map((s) => {
      const linked = s.catalogueId && byId.has(s.catalogueId) ? s.catalogueId : null;
      return { key: linked ?? s.key, catalogueId: linked, name: s.name, names: s.aliases };
    }),
    ...recorded.map((s) => ({ key: s.key, catalogueId: s.catalogueId && byId.has(s.catalogueId) ? s.catalogueId : null, name: s.name, names: [] })),
  ];
  const lookup = schemeLookup(entries);
  return {
    lookup,
    entries: [...new Map([...lookup.values()].map((e) => [e.key, e])).values()],
    catalogueIds: new Set(byId.keys()),
    catalogueName: (id, lang) => byId.get(id)?.name[lang],
    displayName: (record, lang) => (record.schemeId ? byId.get(record.schemeId)?.name[lang] : undefined) ?? record.schemeName,
  };
}

/** Varde's key for a scheme the catalogue lacks, from its name: "Tilskot til kommunale klimatiltak" → "tilskot-til-kommunale-klimatiltak". */
export function schemeKeyOf(name: string): string {
  const ascii = normaliseName(name)
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return (
    ascii
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'scheme'
  );
}
