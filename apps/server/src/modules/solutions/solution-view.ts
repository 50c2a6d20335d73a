/**
 * Pure shaping of the solution library's answers: content rows to the contract, figures and the
 * spread per year, the export record and its CSV. No I/O.
 */
import type { Language } from '@varde/contracts';
import {
  solutionCsvColumns,
  type Adoption,
  type SolutionContent,
  type SolutionExportRecord,
  type SolutionFigures,
  type SolutionSpread,
  type SpreadPlace,
} from '@varde/contracts/solutions-api';
import { inlineDocumentTypes, leastCentralClasses, type DocumentMimeType } from '@varde/contracts/solutions-vocabulary';
import type { AdopterRow, DocumentMeta, OwnerRow, SolutionContentData } from './solution.repository';

export const emptyContent = (language: Language, title: string): SolutionContentData => ({
  language,
  title,
  summary: null,
  problem: null,
  whatWasDone: null,
  results: null,
  costOneOffNok: null,
  costYearlyNok: null,
  costNote: null,
  maturity: null,
  themes: [],
  year: null,
  partners: [],
  links: [],
  reuseKind: null,
  reuseTerms: null,
  schemeId: null,
  callId: null,
  participationRecordId: null,
  fundingAmountNok: null,
  sourceUrl: null,
  sourceQuote: null,
});

export function contentView(c: SolutionContentData, schemeName: (id: string) => string | null): SolutionContent {
  return {
    language: c.language,
    title: c.title,
    summary: c.summary,
    problem: c.problem,
    whatWasDone: c.whatWasDone,
    results: c.results,
    costs: { oneOffNok: c.costOneOffNok, yearlyNok: c.costYearlyNok, note: c.costNote },
    maturity: c.maturity,
    themes: c.themes as SolutionContent['themes'],
    year: c.year,
    partners: c.partners,
    links: c.links,
    reuse: { kind: c.reuseKind as SolutionContent['reuse']['kind'], terms: c.reuseTerms },
    funding: {
      schemeId: c.schemeId,
      schemeName: c.schemeId ? schemeName(c.schemeId) : null,
      callId: c.callId,
      participationRecordId: c.participationRecordId,
      amountNok: c.fundingAmountNok,
    },
    source: { url: c.sourceUrl, quote: c.sourceQuote },
  };
}

export const documentView = (d: DocumentMeta) => ({
  id: d.id,
  fileName: d.fileName,
  title: d.title,
  mimeType: d.mimeType as DocumentMimeType,
  bytes: d.bytes,
  inline: inlineDocumentTypes.includes(d.mimeType as DocumentMimeType),
  url: `/api/solutions/${d.solutionId}/documents/${d.id}`,
  organisationId: d.organisationId,
  uploadedAt: d.uploadedAt.toISOString(),
});

export const adoptionView = (a: AdopterRow): Adoption => ({
  organisationId: a.organisationId,
  municipalityCode: a.municipalityCode,
  municipalityName: a.municipalityName,
  countyCode: a.countyCode,
  centralityClass: a.centralityClass,
  state: a.state,
  date: a.date,
  startedOn: a.startedOn,
  note: a.note,
  isExample: a.isExample,
  updatedAt: a.updatedAt.toISOString(),
});

const share = (classes: number[]) =>
  classes.length === 0 ? null : classes.filter((c) => (leastCentralClasses as readonly number[]).includes(c)).length / classes.length;

/** Figures over current adopters (using or testing) and current owners. */
export function figuresOf(owners: OwnerRow[], adopters: AdopterRow[]): SolutionFigures {
  const current = adopters.filter((a) => a.state !== 'stopped');
  const counties = new Set([...owners.filter((o) => !o.withdrawnAt && o.countyCode).map((o) => o.countyCode!), ...current.map((a) => a.countyCode)]);
  return {
    adopters: current.length,
    using: adopters.filter((a) => a.state === 'uses').length,
    testing: adopters.filter((a) => a.state === 'testing').length,
    stopped: adopters.filter((a) => a.state === 'stopped').length,
    countiesReached: counties.size,
    shareLeastCentral: share(current.map((a) => a.centralityClass)),
  };
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * Owners and adopters on the map, and per year from the first one to `thisYear`: the adopters that
 * used or tested it that year (an adopter counts from the year it started until the year it stopped).
 */
export function spreadOf(
  id: string,
  owners: (OwnerRow & { municipalityName: string | null; centralityClass: number | null })[],
  adopters: AdopterRow[],
  ownerFromYear: number,
  thisYear: number,
): SolutionSpread {
  const places: SpreadPlace[] = [];
  for (const o of owners) {
    if (o.withdrawnAt || !o.municipalityCode) continue;
    places.push({
      municipalityCode: o.municipalityCode,
      municipalityName: o.municipalityName ?? o.name,
      countyCode: o.countyCode ?? '',
      centralityClass: o.centralityClass ?? 0,
      kind: 'owner',
      fromYear: ownerFromYear,
      untilYear: null,
    });
  }
  for (const a of adopters) {
    const from = yearOf(a.startedOn ?? a.date);
    places.push({
      municipalityCode: a.municipalityCode,
      municipalityName: a.municipalityName,
      countyCode: a.countyCode,
      centralityClass: a.centralityClass,
      kind: a.state,
      fromYear: from,
      untilYear: a.state === 'stopped' ? Math.max(from, yearOf(a.date)) : null,
    });
  }
  const ownerCounties = places.filter((p) => p.kind === 'owner').map((p) => p.countyCode);
  const first = Math.min(thisYear, ...places.map((p) => p.fromYear));
  const years = [];
  for (let year = first; year <= thisYear; year++) {
    const active = places.filter((p) => p.kind !== 'owner' && p.fromYear <= year && (p.untilYear === null || year <= p.untilYear));
    const counties = new Set([...(year >= ownerFromYear ? ownerCounties : []), ...active.map((p) => p.countyCode)].filter(Boolean));
    years.push({
      year,
      adopterCodes: active.map((p) => p.municipalityCode),
      adopters: active.length,
      countiesReached: counties.size,
      shareLeastCentral: share(active.map((p) => p.centralityClass)),
    });
  }
  return { id, places, years, figures: figuresOf(owners, adopters) };
}

/** Meanings of the export's fields (returned with the JSON, and the CSV's columns follow them). */
export const exportFieldDocs: Record<string, string> = {
  id: 'Varde’s id of the solution',
  url: 'The solution page',
  name: 'Title',
  status: 'published, or withdrawn (every owner withdrew its name; the page stays)',
  version: 'Number of the newest published version',
  releaseDate: 'Day of the first publication',
  dateModified: 'Day of the newest publication',
  developmentStatus: 'Maturity: idea, pilot, in_operation, spread (null: not described yet)',
  categories: 'Themes of the scheme taxonomy',
  year: 'Year it was started or introduced',
  description: 'Texts by language (nb, nn, en): shortDescription (summary), longDescription (what was done), problem, results',
  owners: 'Organisations behind it that have not withdrawn, with their municipality number',
  partners: 'Other partners by name',
  usedBy: 'Municipalities that use, test or stopped using it (state, and since when)',
  legal: 'Reuse terms: open_licence, shared_procurement, pay_to_adopt, free_to_copy, other, with the terms as written',
  'maintenance.contacts': 'Contacts who consented to being shown',
  costs: 'One-off and yearly costs in NOK',
  funding: 'Catalogue scheme id and amount in NOK',
  links: 'Links with their labels',
  documents: 'Documents: file name, type, size and address',
  figures: 'Current adopters, counties reached, share of adopters in centrality classes 5–6',
  source: 'For solutions seeded from a public source: its address (quotes are shown in the app only)',
  isExample: 'Invented example data (only with EXAMPLE_DATA=on)',
};

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  // Cells a spreadsheet would run as a formula get a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function exportCsv(records: SolutionExportRecord[]): string {
  const rows = records.map((r) => {
    const description = Object.entries(r.description)[0];
    const cells: Record<(typeof solutionCsvColumns)[number], unknown> = {
      id: r.id,
      url: r.url,
      name: r.name,
      status: r.status,
      version: r.version,
      language: description?.[0] ?? '',
      development_status: r.developmentStatus,
      categories: r.categories.join('; '),
      year: r.year,
      owners: r.owners.map((o) => o.name).join('; '),
      owner_municipality_codes: r.owners.flatMap((o) => (o.municipalityCode ? [o.municipalityCode] : [])).join('; '),
      used_by_count: r.figures.adopters,
      used_by_municipality_codes: r.usedBy
        .filter((u) => u.state !== 'stopped')
        .map((u) => u.municipalityCode)
        .join('; '),
      counties_reached: r.figures.countiesReached,
      share_least_central: r.figures.shareLeastCentral === null ? '' : r.figures.shareLeastCentral.toFixed(3),
      cost_one_off_nok: r.costs.oneOffNok,
      cost_yearly_nok: r.costs.yearlyNok,
      reuse: r.legal.reuse,
      scheme_id: r.funding.schemeId,
      funding_amount_nok: r.funding.amountNok,
      source_url: r.source.url,
      release_date: r.releaseDate,
      date_modified: r.dateModified,
      is_example: r.isExample,
    };
    return solutionCsvColumns.map((c) => csvCell(cells[c])).join(',');
  });
  return `\uFEFF${[solutionCsvColumns.join(','), ...rows].join('\r\n')}\r\n`;
}
