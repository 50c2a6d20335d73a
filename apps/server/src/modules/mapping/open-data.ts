/**
 * The mapping's open data (docs/open-data.md): the participation records and every aggregated table,
 * as CSV and JSON with the same columns. CSV cells that start like a spreadsheet formula get a leading
 * apostrophe (as the catalogue's export does); lists are joined with ";".
 */
import { stringify } from 'csv-stringify/sync';
import type { GapRow, MappingAnalytics, OpenCallGaps, OpenDataField } from '@varde/contracts/mapping-api';
import { type MappingTable, openDataRecordFields } from '@varde/contracts/mapping-vocabulary';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

const f = (name: string, type: OpenDataField['type'], source: OpenDataField['source']): OpenDataField => ({ name, type, source });
const rateFields = [
  f('municipalities', 'integer', 'computed'),
  f('participants', 'integer', 'computed'),
  f('rate', 'number', 'computed'),
  f('participations', 'integer', 'computed'),
  f('mean_schemes', 'number', 'computed'),
];
const classColumns = [1, 2, 3, 4, 5, 6].flatMap((c) => [
  f(`class_${c}_municipalities`, 'integer', 'computed'),
  f(`class_${c}_participants`, 'integer', 'computed'),
]);

/** Every table's columns, in order. */
export const tableFields: Record<MappingTable, OpenDataField[]> = {
  schemes: [
    f('scheme_key', 'string', 'record'),
    f('scheme_catalogue_id', 'string', 'catalogue'),
    f('scheme_name', 'string', 'catalogue'),
    f('basis', 'string', 'computed'),
    ...rateFields.slice(0, 4),
    ...classColumns,
  ],
  classes: [f('centrality_class', 'integer', 'reference'), ...rateFields],
  bands: [f('band', 'string', 'reference'), ...rateFields],
  counties: [f('county_code', 'string', 'reference'), f('county_name', 'string', 'reference'), ...rateFields],
  distribution: [f('schemes', 'integer', 'computed'), f('municipalities', 'integer', 'computed')],
  top: [
    f('municipality_code', 'string', 'reference'),
    f('municipality_name', 'string', 'reference'),
    f('county_code', 'string', 'reference'),
    f('centrality_class', 'integer', 'reference'),
    f('population', 'integer', 'reference'),
    f('schemes', 'integer', 'computed'),
    f('participations', 'integer', 'computed'),
    f('scheme_names', 'list', 'catalogue'),
  ],
  roles: [
    f('centrality_class', 'integer', 'reference'),
    f('lead', 'integer', 'computed'),
    f('partner', 'integer', 'computed'),
    f('other', 'integer', 'computed'),
    f('lead_share', 'number', 'computed'),
  ],
  gap: [
    f('municipality_code', 'string', 'reference'),
    f('municipality_name', 'string', 'reference'),
    f('county_code', 'string', 'reference'),
    f('centrality_class', 'integer', 'reference'),
    f('population', 'integer', 'reference'),
    f('band', 'string', 'reference'),
    f('schemes', 'integer', 'computed'),
    f('participations', 'integer', 'computed'),
    f('peer_basis', 'string', 'computed'),
    f('peer_size', 'integer', 'computed'),
    f('expected', 'number', 'computed'),
    f('gap', 'number', 'computed'),
    f('eligible_not_used', 'integer', 'computed'),
    f('rate', 'number', 'computed'),
  ],
  'open-calls': [
    f('scheme_key', 'string', 'catalogue'),
    f('scheme_catalogue_id', 'string', 'catalogue'),
    f('scheme_name', 'string', 'catalogue'),
    f('call_id', 'string', 'catalogue'),
    f('call_title', 'string', 'catalogue'),
    f('deadline', 'date', 'catalogue'),
    f('eligible', 'integer', 'computed'),
    f('never_taken_part_count', 'integer', 'computed'),
    f('never_taken_part', 'list', 'computed'),
  ],
};

export const recordFields: OpenDataField[] = openDataRecordFields.map((field) => ({ ...field }));

const round = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);
const rateCells = (r: { municipalities: number; participants: number; rate: number | null; participations: number; meanSchemes: number }) => ({
  municipalities: r.municipalities,
  participants: r.participants,
  rate: round(r.rate),
  participations: r.participations,
  mean_schemes: round(r.meanSchemes),
});

/** The rows of an analytics table. */
export function analyticsRows(table: Exclude<MappingTable, 'gap' | 'open-calls'>, a: MappingAnalytics): Row[] {
  switch (table) {
    case 'schemes':
      return a.schemes.map((s) => {
        const row: Row = {
          scheme_key: s.scheme.key,
          scheme_catalogue_id: s.scheme.catalogueId,
          scheme_name: s.scheme.name,
          basis: s.basis,
          municipalities: s.municipalities,
          participants: s.participants,
          rate: round(s.rate),
          participations: s.participations,
        };
        for (const c of s.byClass) {
          row[`class_${c.centralityClass}_municipalities`] = c.municipalities;
          row[`class_${c.centralityClass}_participants`] = c.participants;
        }
        return row;
      });
    case 'classes':
      return a.byClass.map((r) => ({ centrality_class: Number(r.group), ...rateCells(r) }));
    case 'bands':
      return a.byBand.map((r) => ({ band: r.group, ...rateCells(r) }));
    case 'counties':
      return a.byCounty.map((r) => ({ county_code: r.group, county_name: r.label, ...rateCells(r) }));
    case 'distribution':
      return a.distribution.map((r) => ({ schemes: r.schemes, municipalities: r.municipalities }));
    case 'top':
      return a.top.map((t) => ({
        municipality_code: t.municipality.code,
        municipality_name: t.municipality.name,
        county_code: t.municipality.countyCode,
        centrality_class: t.municipality.centralityClass,
        population: t.municipality.population,
        schemes: t.schemes,
        participations: t.participations,
        scheme_names: t.schemeNames.join(';'),
      }));
    case 'roles':
      return a.roles.map((r) => ({ centrality_class: r.centralityClass, lead: r.lead, partner: r.partner, other: r.other, lead_share: round(r.leadShare) }));
  }
}

export function gapRowsOut(items: readonly GapRow[]): Row[] {
  return items.map((g) => ({
    municipality_code: g.municipality.code,
    municipality_name: g.municipality.name,
    county_code: g.municipality.countyCode,
    centrality_class: g.municipality.centralityClass,
    population: g.municipality.population,
    band: g.municipality.band,
    schemes: g.schemes,
    participations: g.participations,
    peer_basis: g.peers.basis,
    peer_size: g.peers.size,
    expected: round(g.peers.expected),
    gap: round(g.gap),
    eligible_not_used: g.eligibleNotUsed,
    rate: round(g.rate),
  }));
}

export function openCallRows(data: OpenCallGaps): Row[] {
  return data.items.map((item) => ({
    scheme_key: item.scheme.key,
    scheme_catalogue_id: item.scheme.catalogueId,
    scheme_name: item.scheme.name,
    call_id: item.call.id,
    call_title: item.call.title,
    deadline: item.call.deadline,
    eligible: item.eligible,
    never_taken_part_count: item.neverTakenPart.length,
    never_taken_part: item.neverTakenPart.map((m) => m.code).join(';'),
  }));
}

const formulaStart = /^[=+\-@\t\r]/;
const cellValue = (value: Cell | undefined): string | number => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return value;
  return formulaStart.test(value) ? `'${value}` : value;
};

/** RFC 4180 CSV with a header row; text cells quoted and neutralised, numbers plain. */
export function toCsv(fields: readonly OpenDataField[], rows: readonly Row[]): string {
  const columns = fields.map((field) => field.name);
  return stringify(
    rows.map((row) => columns.map((c) => cellValue(row[c]))),
    { header: true, columns, quoted_string: true, quoted_empty: false },
  );
}
