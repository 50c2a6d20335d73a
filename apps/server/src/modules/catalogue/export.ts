/**
 * The catalogue as open data. JSON is the full documents (the `Scheme` schema in OpenAPI); CSV is
 * one row per scheme or per call, with the columns documented in docs/open-data.md. Every CSV goes
 * through `writeCsv`, which keeps text cells from being read as spreadsheet formulas.
 */
import { stringify } from 'csv-stringify/sync';
import type { Scheme } from '@varde/contracts/schemes';
import type { CallView } from '@varde/domain/calls';

export const schemeColumns = [
  'id',
  'name_nb',
  'name_nn',
  'name_en',
  'owner',
  'themes',
  'lead_types',
  'partner_types',
  'min_municipalities',
  'required_partner_types',
  'counties',
  'centrality_classes',
  'min_population',
  'max_population',
  'collaboration',
  'political_anchoring_required',
  'is_grant',
  'min_grant_nok',
  'max_grant_nok',
  'max_grant_share',
  'min_own_share',
  'cadence',
  'url',
  'last_checked',
  'version',
] as const;

export const callColumns = [
  'scheme_id',
  'call_id',
  'title_nb',
  'opens_at',
  'deadline',
  'budget_nok',
  'counties',
  'status',
  'predicted',
  'source_urls',
] as const;

/** A cell: text (which may come from anyone who edits a scheme), a number, yes/no, or empty. */
type CsvCell = string | number | boolean | null;

/** What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A text cell that starts like a formula gets a leading apostrophe, so spreadsheets show it as text
 * instead of running it (OWASP). Only text: a number such as -5 is written as a number.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

const cellValue = (value: CsvCell): string | number => {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'number' ? value : neutraliseFormula(value);
};

/**
 * The one CSV writer: a header row, then the rows. Text cells are neutralised (see
 * `neutraliseFormula`) and always quoted, quotes doubled (RFC 4180); numbers and empty cells are not.
 */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => row.map(cellValue)),
    { header: true, columns: [...columns], quoted_string: true, quoted_empty: false },
  );
}

const joined = (values: readonly (string | number)[] | null) => (values ? values.join(';') : null);

export function schemesCsv(rows: { data: Scheme; version: number }[]): string {
  return writeCsv(
    schemeColumns,
    rows.map(({ data: s, version }) => [
      s.id,
      s.name.nb,
      s.name.nn,
      s.name.en,
      s.owner.name,
      joined(s.themes),
      joined(s.applicants.leadTypes),
      joined(s.applicants.partnerTypes),
      s.applicants.minMunicipalities,
      joined(s.applicants.requiredPartnerTypes),
      joined(s.applicants.counties),
      joined(s.applicants.centralityClasses),
      s.applicants.minPopulation,
      s.applicants.maxPopulation,
      s.applicants.collaboration,
      s.applicants.politicalAnchoringRequired,
      s.funding.isGrant,
      s.funding.minGrantNok,
      s.funding.maxGrantNok,
      s.funding.maxGrantShare,
      s.funding.minOwnShare,
      s.cadence.kind,
      s.url,
      s.sources
        .map((x) => x.checkedAt)
        .sort()
        .at(-1) ?? null,
      version,
    ]),
  );
}

export function callsCsv(rows: { scheme: Scheme; calls: CallView[] }[]): string {
  return writeCsv(
    callColumns,
    rows.flatMap(({ scheme, calls }) =>
      calls.map((c) => [
        scheme.id,
        c.id,
        c.title.nb,
        c.opensAt,
        c.deadline,
        c.budgetNok,
        joined(c.counties),
        c.status,
        c.predicted,
        scheme.sources
          .filter((s) => c.sourceIds.includes(s.id))
          .map((s) => s.url)
          .join(' '),
      ]),
    ),
  );
}
