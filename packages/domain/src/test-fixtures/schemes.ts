/**
 * A small scheme catalogue for the domain's own tests: seven schemes modelled on real ones (their
 * applicant rules, money and call history), each a valid `Scheme` with no integrity problems.
 * Domain tests use these instead of the shipped catalogue in data/schemes, which they cannot read
 * (packages/domain imports only contracts). Tests of the real catalogue live in packages/test-support.
 *
 * Only tests import this folder (a lint rule checks it).
 */
import type { LocalizedText, Scheme, SchemeCall } from '@varde/contracts/schemes';
import type { MunicipalityProfile } from '../eligibility';

/** The county numbers of 2024, as in data/reference/counties.json. */
export const countyCodes: ReadonlySet<string> = new Set(['03', '11', '15', '18', '31', '32', '33', '34', '39', '40', '42', '46', '50', '55', '56']);

/** Register profiles as in data/reference/municipalities.json. */
export const tydal: MunicipalityProfile = { code: '5033', countyCode: '50', population: 773, centralityClass: 6 };
export const bodo: MunicipalityProfile = { code: '1804', countyCode: '18', population: 53638, centralityClass: 3 };

const text = (nb: string, nn: string = nb, en: string = nb): LocalizedText => ({ nb, nn, en });
/** Evidence for a fact group: cites the main source, verified (a new object each time, so changes stay in one group). */
const verified = (): { sourceIds: string[]; certainty: 'verified' } => ({ sourceIds: ['main'], certainty: 'verified' });

/** A call citing the scheme's main source; `deadline` in Oslo time with its offset. */
export function call(id: string, deadline: string, more: Partial<SchemeCall> = {}): SchemeCall {
  return { id, title: text(`Utlysning ${id}`), opensAt: null, deadline, budgetNok: null, counties: null, sourceIds: ['main'], ...more };
}

/** A valid scheme with one source: a yearly national grant that municipalities may lead, no calls. */
export function scheme(id: string, name: string, change: (s: Scheme) => void = () => {}): Scheme {
  const s: Scheme = {
    id,
    name: text(name),
    summary: text(`Om ${name}.`, `Om ${name}.`, `About ${name}.`),
    purpose: text('Formål.', 'Føremål.', 'Purpose.'),
    owner: { name: 'Eksempeldirektoratet', url: 'https://example.org' },
    url: `https://example.org/${id}`,
    themes: ['other'],
    applicants: {
      leadTypes: ['municipality'],
      partnerTypes: ['municipality'],
      minMunicipalities: 1,
      requiredPartnerTypes: [],
      counties: null,
      centralityClasses: null,
      maxPopulation: null,
      minPopulation: null,
      politicalAnchoringRequired: false,
      collaboration: 'neutral',
      conditions: [],
      ...verified(),
    },
    funding: {
      isGrant: true,
      minGrantNok: null,
      maxGrantNok: null,
      maxGrantShare: null,
      minOwnShare: null,
      description: text('Tilskudd.', 'Tilskot.', 'Grant.'),
      ...verified(),
    },
    criteria: { items: [], ...verified() },
    requiredParts: { items: [], ...verified() },
    reporting: { items: [], ...verified() },
    cadence: { kind: 'yearly', ...verified() },
    calls: [],
    sources: [{ id: 'main', url: `https://example.org/${id}/kilde`, title: `${name}: kilde`, checkedAt: '2026-01-15' }],
  };
  change(s);
  return s;
}

/** Klimasats: national, politically anchored, large grants, yearly calls all closed; two sources. */
export const klimasats = scheme('klimasats', 'Klimasats – støtte til klimatiltak i kommunene', (s) => {
  s.owner = { name: 'Miljødirektoratet', url: 'https://www.miljodirektoratet.no' };
  s.themes = ['climate_environment'];
  s.applicants.leadTypes = ['municipality', 'county_authority', 'municipal_company'];
  s.applicants.partnerTypes = ['municipality', 'county_authority', 'municipal_company', 'business', 'ngo'];
  s.applicants.politicalAnchoringRequired = true;
  s.funding = { ...s.funding, minGrantNok: 150_000, maxGrantNok: 12_000_000, maxGrantShare: 0.5 };
  s.sources.push({ id: 'soknad', url: 'https://example.org/klimasats/soknad', title: 'Søk Klimasats', checkedAt: '2026-01-15' });
  s.calls = [
    call('hovedfrist-2022', '2022-02-15T23:59:00+01:00', { sourceIds: ['soknad'] }),
    call('hovedfrist-2023', '2023-03-01T23:59:00+01:00', { sourceIds: ['soknad'] }),
  ];
});

/** Prosjektskjønn: run county by county (each State Administrator with its own deadline), yearly. */
export const prosjektskjonn = scheme('prosjektskjonn', 'Prosjektskjønn', (s) => {
  s.themes = ['digitalisation', 'planning', 'health_care'];
  s.applicants.partnerTypes = ['municipality', 'business', 'ngo', 'state_agency'];
  s.applicants.collaboration = 'rewarded';
  s.applicants.politicalAnchoringRequired = true;
  s.calls = [
    call('trondelag-2021', '2020-09-01T23:59:00+02:00', { counties: ['50'] }),
    call('innlandet-2021', '2021-01-13T23:59:00+01:00', { counties: ['34'] }),
    call('oslo-og-viken-2023', '2023-03-31T23:59:00+02:00', { counties: ['03', '31', '32', '33'] }),
  ];
});

/** Regional research fund Nordland: applicants in county 18 only, an R&D organisation must take part. */
export const rffNordland = scheme('regionale-forskningsfond-nordland', 'Regionalt forskningsfond Nordland', (s) => {
  s.owner = { name: 'Nordland fylkeskommune', url: null };
  s.applicants = {
    ...s.applicants,
    leadTypes: ['municipality', 'county_authority', 'state_agency'],
    partnerTypes: ['rd_organisation'],
    requiredPartnerTypes: ['rd_organisation'],
    counties: ['18'],
    collaboration: 'rewarded',
  };
  s.funding.minOwnShare = 0.2;
  s.cadence.kind = 'irregular';
  s.calls = [call('hovedprosjekt-2020', '2020-09-16T23:59:00+02:00', { counties: ['18'] })];
});

/** Digdir's co-funding: only state agencies lead; municipalities join as partners. */
export const digdirCoFunding = scheme('digdir-medfinansiering', 'Medfinansieringsordningen', (s) => {
  s.owner = { name: 'Digitaliseringsdirektoratet', url: 'https://www.digdir.no' };
  s.themes = ['digitalisation'];
  s.applicants.leadTypes = ['state_agency'];
  s.applicants.partnerTypes = ['municipality', 'county_authority'];
  s.funding = { ...s.funding, maxGrantNok: 50_000_000, maxGrantShare: 0.5 };
  s.calls = [call('medfinansiering-2022', '2022-03-21T23:59:00+01:00')];
});

/** Husbanken's housing grants: the one housing scheme, yearly. */
export const husbanken = scheme('husbanken-boligtiltak', 'Boligsosiale tilskudd', (s) => {
  s.owner = { name: 'Husbanken', url: 'https://www.husbanken.no' };
  s.themes = ['housing'];
  s.funding.maxGrantNok = 400_000;
  s.calls = [call('boligsosiale-2023', '2023-06-01T23:59:00+02:00')];
});

/** StimuLab: a call open from October 2026 to January 2027; collaboration required. */
export const stimulab = scheme('stimulab', 'StimuLab', (s) => {
  s.themes = ['digitalisation', 'community_business'];
  s.applicants.collaboration = 'required';
  s.funding.maxGrantNok = 2_000_000;
  s.calls = [call('stimulab-2027', '2027-01-15T12:00:00+01:00', { opensAt: '2026-10-01T09:00:00+02:00' })];
});

/** Innovation partnerships: applications at any time, no calls. */
export const innovationPartnership = scheme('innovasjonspartnerskap', 'Innovasjonspartnerskap', (s) => {
  s.themes = ['community_business'];
  s.cadence.kind = 'rolling';
});

/** The fixture catalogue, sorted by id like the real one. */
export const fixtureCatalogue: readonly Scheme[] = [klimasats, prosjektskjonn, rffNordland, digdirCoFunding, husbanken, stimulab, innovationPartnership].sort(
  (a, b) => a.id.localeCompare(b.id),
);

/** A deep copy of one fixture, to change in a test. */
export const copyOf = (fixture: Scheme): Scheme => structuredClone(fixture);
