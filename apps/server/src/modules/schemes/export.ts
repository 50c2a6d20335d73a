/**
 * The catalogue as open data. JSON is the full documents (the `Scheme` schema in OpenAPI); CSV is
 * one row per scheme or per call, with the columns documented in docs/open-data.md.
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

export const callColumns = ['scheme_id', 'call_id', 'title_nb', 'opens_at', 'deadline', 'budget_nok', 'counties', 'status', 'predicted', 'source_urls'] as const;

const joined = (values: readonly (string | number)[] | null) => (values ? values.join(';') : '');
const blank = (value: number | null) => (value === null ? '' : value);

export function schemesCsv(rows: { data: Scheme; version: number }[]): string {
  return stringify(
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
      blank(s.applicants.minPopulation),
      blank(s.applicants.maxPopulation),
      s.applicants.collaboration,
      s.applicants.politicalAnchoringRequired,
      s.funding.isGrant,
      blank(s.funding.minGrantNok),
      blank(s.funding.maxGrantNok),
      blank(s.funding.maxGrantShare),
      blank(s.funding.minOwnShare),
      s.cadence.kind,
      s.url,
      s.sources.map((x) => x.checkedAt).sort().at(-1) ?? '',
      version,
    ]),
    { header: true, columns: [...schemeColumns], cast: { boolean: (b) => (b ? 'true' : 'false') } },
  );
}

export function callsCsv(rows: { scheme: Scheme; calls: CallView[] }[]): string {
  return stringify(
    rows.flatMap(({ scheme, calls }) =>
      calls.map((c) => [
        scheme.id,
        c.id,
        c.title.nb,
        c.opensAt ?? '',
        c.deadline,
        blank(c.budgetNok),
        joined(c.counties),
        c.status,
        c.predicted,
        scheme.sources.filter((s) => c.sourceIds.includes(s.id)).map((s) => s.url).join(' '),
      ]),
    ),
    { header: true, columns: [...callColumns], cast: { boolean: (b) => (b ? 'true' : 'false') } },
  );
}
