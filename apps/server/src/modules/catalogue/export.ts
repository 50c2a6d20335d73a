/**
 * The catalogue as open data. JSON is the full documents (the `Scheme` schema in OpenAPI); CSV is
 * one row per scheme or per call, with the columns documented in docs/open-data.md, names and titles
 * in the request's language (`lang`). Every CSV goes
 * through `writeCsv`, which keeps text cells from being read as spreadsheet formulas.
 */
import { stringify } from 'csv-stringify/sync';
import type { Language } from '@varde/contracts';
import type { Scheme } from '@varde/contracts/schemes';
import type { CallView } from '@varde/domain/calls';

export const schemeColumns = [
  'id',
  'name_nb',
  'name_nn',
  'name_en',
  'owner_id',
  'owner_name',
  'lifecycle',
  'ended_on',
  'successor_id',
  'rounds',
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
  'round_id',
  'region',
  'owner_id',
  'owner_name',
  'title',
  'opens_on',
  'deadline_date',
  'deadline_time',
  'deadline_time_source',
  'budget_nok',
  'status',
  'predicted',
  'forecast_certainty',
  'lifecycle',
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

/** One row per scheme; names of owners in `lang`. */
export function schemesCsv(rows: { data: Scheme; version: number }[], lang: Language): string {
  return writeCsv(
    schemeColumns,
    rows.map(({ data: s, version }) => [
      s.id,
      s.name.nb,
      s.name.nn,
      s.name.en,
      s.owner.id,
      s.owner.name[lang],
      s.lifecycle.status,
      s.lifecycle.endedOn,
      s.lifecycle.successorId,
      joined(s.rounds.map((r) => r.id)),
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
        .flatMap((x) => (x.checkedAt ? [x.checkedAt] : []))
        .sort()
        .at(-1) ?? null,
      version,
    ]),
  );
}

/**
 * One row per call (the forecasts included); texts in `lang`. The deadline is its day, its time only
 * when a source states it (empty otherwise: the call is open through that Oslo day) and that source.
 */
export function callsCsv(rows: { scheme: Scheme; calls: CallView[] }[], lang: Language): string {
  return writeCsv(
    callColumns,
    rows.flatMap(({ scheme, calls }) => {
      const sourceUrl = new Map(scheme.sources.map((s) => [s.id, s.url]));
      return calls.map((c) => {
        const owner = (c.roundId ? scheme.rounds.find((r) => r.id === c.roundId)?.owner : undefined) ?? scheme.owner;
        return [
          scheme.id,
          c.id,
          c.roundId,
          c.region ? c.region[lang] : null,
          owner.id,
          owner.name[lang],
          c.title[lang],
          c.opensOn,
          c.deadline?.date ?? null,
          c.deadline?.time ?? null,
          c.deadline?.timeSourceId ? (sourceUrl.get(c.deadline.timeSourceId) ?? null) : null,
          c.budgetNok,
          c.status,
          c.predicted,
          c.forecast?.certainty ?? null,
          scheme.lifecycle.status,
          c.sourceIds.flatMap((id) => (sourceUrl.has(id) ? [sourceUrl.get(id)!] : [])).join(' '),
        ];
      });
    }),
  );
}
