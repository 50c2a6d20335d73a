/**
 * The scheme owners Varde knows, with their stable ids and names in each language, and the owner
 * names of the first scheme model (a free-text `owner.name`) that each became. Used to upgrade stored
 * scheme documents and saved searches (migration 0004); the catalogue files carry the same owners,
 * and the catalogue-wide integrity check keeps every use of one id to the same names.
 */
import type { LocalizedText, SchemeOwner } from '@varde/contracts/schemes';

const same = (name: string): LocalizedText => ({ nb: name, nn: name, en: name });

export const knownOwners = {
  forskningsradet: {
    name: { nb: 'Norges forskningsråd', nn: 'Noregs forskingsråd', en: 'The Research Council of Norway' },
    url: 'https://www.forskningsradet.no',
  },
  digdir: {
    name: { nb: 'Digitaliseringsdirektoratet (Digdir)', nn: 'Digitaliseringsdirektoratet (Digdir)', en: 'Norwegian Digitalisation Agency (Digdir)' },
    url: 'https://www.digdir.no',
  },
  ks: {
    name: {
      nb: 'KS (Kommunesektorens organisasjon)',
      nn: 'KS (Kommunesektorens organisasjon)',
      en: 'KS (Norwegian Association of Local and Regional Authorities)',
    },
    url: 'https://www.ks.no',
  },
  'kommunal-og-distriktsdepartementet': {
    name: { nb: 'Kommunal- og distriktsdepartementet', nn: 'Kommunal- og distriktsdepartementet', en: 'Ministry of Local Government and Regional Development' },
    url: 'https://www.regjeringen.no',
  },
  helsedirektoratet: {
    name: { nb: 'Helsedirektoratet', nn: 'Helsedirektoratet', en: 'Norwegian Directorate of Health' },
    url: 'https://www.helsedirektoratet.no',
  },
  husbanken: {
    name: { nb: 'Husbanken', nn: 'Husbanken', en: 'Norwegian State Housing Bank (Husbanken)' },
    url: 'https://www.husbanken.no',
  },
  'innlandet-fylkeskommune': {
    name: { nb: 'Innlandet fylkeskommune', nn: 'Innlandet fylkeskommune', en: 'Innlandet County Council' },
    url: 'https://innlandetfylke.no',
  },
  'innovasjon-norge': {
    name: { nb: 'Innovasjon Norge', nn: 'Innovasjon Norge', en: 'Innovation Norway' },
    url: 'https://www.innovasjonnorge.no',
  },
  'interreg-aurora': { name: same('Interreg Aurora'), url: 'https://interreg.no' },
  'interreg-sverige-norge': {
    name: { nb: 'Interreg Sverige–Norge', nn: 'Interreg Sverige–Norge', en: 'Interreg Sweden–Norway' },
    url: 'https://interreg.no',
  },
  miljodirektoratet: {
    name: { nb: 'Miljødirektoratet', nn: 'Miljødirektoratet', en: 'Norwegian Environment Agency' },
    url: 'https://www.miljodirektoratet.no',
  },
  'hk-dir': {
    name: {
      nb: 'Direktoratet for høyere utdanning og kompetanse (HK-dir)',
      nn: 'Direktoratet for høgare utdanning og kompetanse (HK-dir)',
      en: 'Norwegian Directorate for Higher Education and Skills (HK-dir)',
    },
    url: null,
  },
  'nasjonalt-program-for-leverandorutvikling': {
    name: {
      nb: 'Nasjonalt program for leverandørutvikling (NHO og KS)',
      nn: 'Nasjonalt program for leverandørutvikling (NHO og KS)',
      en: 'National Programme for Supplier Development (NHO and KS)',
    },
    url: 'https://innovativeanskaffelser.no/',
  },
  'nordland-fylkeskommune': {
    name: { nb: 'Nordland fylkeskommune', nn: 'Nordland fylkeskommune', en: 'Nordland County Council' },
    url: null,
  },
  'statsforvalteren-trondelag': {
    name: { nb: 'Statsforvalteren i Trøndelag', nn: 'Statsforvaltaren i Trøndelag', en: 'The County Governor of Trøndelag' },
    url: 'https://www.statsforvalteren.no/nb/trondelag/',
  },
  'statsforvalteren-innlandet': {
    name: { nb: 'Statsforvalteren i Innlandet', nn: 'Statsforvaltaren i Innlandet', en: 'The County Governor of Innlandet' },
    url: 'https://www.statsforvalteren.no/nn/innlandet/',
  },
  'statsforvalteren-vestland': {
    name: { nb: 'Statsforvalteren i Vestland', nn: 'Statsforvaltaren i Vestland', en: 'The County Governor of Vestland' },
    url: 'https://www.statsforvalteren.no/nn/vestland/',
  },
  'statsforvalteren-oslo-og-viken': {
    name: { nb: 'Statsforvalteren i Oslo og Viken', nn: 'Statsforvaltaren i Oslo og Viken', en: 'The County Governor of Oslo and Viken' },
    url: 'https://www.statsforvalteren.no/nb/oslo-og-viken/',
  },
} as const satisfies Record<string, Omit<SchemeOwner, 'id'>>;

export type KnownOwnerId = keyof typeof knownOwners;

/** The owner as a document embeds it. */
export function knownOwner(id: KnownOwnerId): SchemeOwner {
  const owner = knownOwners[id];
  return { id, name: { ...owner.name }, url: owner.url };
}

/** Owner names of the first model (the catalogue's `owner.name` strings) and the owner each became. */
export const retiredOwnerNames: Readonly<Record<string, KnownOwnerId>> = {
  'Norges forskningsråd': 'forskningsradet',
  'Digitaliseringsdirektoratet (Digdir)': 'digdir',
  'Digitaliseringsdirektoratet (Digdir) og DOGA': 'digdir',
  KS: 'ks',
  'Kommunal- og distriktsdepartementet': 'kommunal-og-distriktsdepartementet',
  'Kommunal- og distriktsdepartementet (sekretariat: Digdir)': 'kommunal-og-distriktsdepartementet',
  'Kommunal- og distriktsdepartementet (forvaltet av Kompetanse Norge, senere HK-dir)': 'hk-dir',
  'Kommunal- og distriktsdepartementet / Statsforvalteren': 'kommunal-og-distriktsdepartementet',
  Helsedirektoratet: 'helsedirektoratet',
  'Helsedirektoratet (forvaltet av Statsforvalteren)': 'helsedirektoratet',
  Husbanken: 'husbanken',
  'Innlandet fylkeskommune': 'innlandet-fylkeskommune',
  'Innovasjon Norge': 'innovasjon-norge',
  'Interreg Aurora (norske statlige midler forvaltes av Troms og Finnmark fylkeskommune)': 'interreg-aurora',
  'Interreg Sverige–Norge (EU, med norske midler fra Kommunal- og distriktsdepartementet via fylkeskommunene)': 'interreg-sverige-norge',
  Miljødirektoratet: 'miljodirektoratet',
  'NHO og KS (Nasjonalt program for leverandørutvikling)': 'nasjonalt-program-for-leverandorutvikling',
  'Nordland fylkeskommune (Regionalt forskningsfond Nordland)': 'nordland-fylkeskommune',
};

/** A slug of a name: lower case ASCII letters, digits and hyphens (æ ø å spelt out), at most 80 characters. */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'owner';
}

/**
 * The owner a first-model owner name became: a known owner, else an owner with the name's slug as
 * its id and the same name in every language.
 */
export function ownerFromRetiredName(name: string, url: string | null): SchemeOwner {
  const id = retiredOwnerNames[name.trim()];
  if (id) return knownOwner(id);
  return { id: slugOf(name), name: same(name.trim()), url };
}

/** The owner id a saved search's first-model owner filter (an owner name) means; null when unknown. */
export function ownerIdFromRetiredName(name: string): string | null {
  return retiredOwnerNames[name.trim()] ?? null;
}
