/**
 * A small scheme catalogue for the domain's own tests: schemes modelled on real ones (their applicant
 * rules, rounds, money and call history), each a valid `Scheme`. They are test data, not catalogue
 * facts. Domain tests use these instead of the shipped catalogue in data/schemes, which they cannot
 * read (packages/domain imports only contracts). Tests of the real catalogue live in packages/test-support.
 *
 * Only tests import this folder (a lint rule checks it).
 */
import type { ApplicantRules, LocalizedText, Scheme, SchemeCall, SchemeOwner, SchemeRound } from '@varde/contracts/schemes';
import type { MunicipalityProfile } from '../eligibility';

/** The county numbers of 2024, as in data/reference/counties.json. */
export const countyCodes: ReadonlySet<string> = new Set(['03', '11', '15', '18', '31', '32', '33', '34', '39', '40', '42', '46', '50', '55', '56']);

/** Register profiles as in data/reference/municipalities.json. */
export const tydal: MunicipalityProfile = { code: '5033', countyCode: '50', population: 773, centralityClass: 6 };
export const bodo: MunicipalityProfile = { code: '1804', countyCode: '18', population: 53638, centralityClass: 3 };
export const traena: MunicipalityProfile = { code: '1835', countyCode: '18', population: 443, centralityClass: 6 };
export const modalen: MunicipalityProfile = { code: '4629', countyCode: '46', population: 397, centralityClass: 6 };
export const utsira: MunicipalityProfile = { code: '1151', countyCode: '11', population: 219, centralityClass: 6 };
export const trondheim: MunicipalityProfile = { code: '5001', countyCode: '50', population: 218460, centralityClass: 2 };

const text = (nb: string, nn: string = nb, en: string = nb): LocalizedText => ({ nb, nn, en });
/** Evidence for a fact group: cites the main source, verified (a new object each time, so changes stay in one group). */
const verified = (): { sourceIds: string[]; certainty: 'verified' } => ({ sourceIds: ['main'], certainty: 'verified' });

const owner = (id: string, name: string, url: string | null = null): SchemeOwner => ({ id, name: text(name), url });

/**
 * A call citing the scheme's main source. `deadline` is `YYYY-MM-DD` (time not stated) or
 * `YYYY-MM-DD HH:MM` (the time stated by the main source); null for no published deadline.
 */
export function call(id: string, deadline: string | null, more: Partial<SchemeCall> = {}): SchemeCall {
  const [date, time] = deadline ? deadline.split(' ') : [];
  return {
    id,
    title: text(`Utlysning ${id}`),
    roundId: null,
    opensOn: null,
    deadline: date ? { date, time: time ?? null, timeSourceId: time ? 'main' : null } : null,
    budgetNok: null,
    sourceIds: ['main'],
    ...more,
  };
}

/** Applicant rules: municipalities lead and partner, nothing else required. */
export function applicantRules(change: Partial<ApplicantRules> = {}): ApplicantRules {
  return {
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
    checkYourself: [],
    ...verified(),
    ...change,
  };
}

/** A valid scheme with one source: a yearly national active grant that municipalities may lead, no calls. */
export function scheme(id: string, name: string, change: (s: Scheme) => void = () => {}): Scheme {
  const s: Scheme = {
    id,
    name: text(name),
    summary: text(`Om ${name}.`, `Om ${name}.`, `About ${name}.`),
    purpose: text('Formål.', 'Føremål.', 'Purpose.'),
    owner: owner('eksempeldirektoratet', 'Eksempeldirektoratet', 'https://example.org'),
    lifecycle: { status: 'active', endedOn: null, successorId: null, sourceIds: [] },
    url: `https://example.org/${id}`,
    themes: ['other'],
    applicants: applicantRules(),
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
    rounds: [],
    calls: [],
    sources: [{ id: 'main', url: `https://example.org/${id}/kilde`, title: `${name}: kilde`, checkedAt: '2026-01-15' }],
  };
  change(s);
  return s;
}

/** Klimasats: national, politically anchored, large grants; yearly calls all closed, the date moved in 2023. */
export const klimasats = scheme('klimasats', 'Klimasats – støtte til klimatiltak i kommunene', (s) => {
  s.owner = owner('miljodirektoratet', 'Miljødirektoratet', 'https://www.miljodirektoratet.no');
  s.themes = ['climate_environment'];
  s.applicants.leadTypes = ['municipality', 'county_council', 'municipal_enterprise'];
  s.applicants.partnerTypes = ['municipality', 'county_council', 'municipal_enterprise', 'inter_municipal_company', 'company', 'ngo'];
  s.applicants.politicalAnchoringRequired = true;
  s.applicants.checkYourself = [text('Støtten må utløse tiltaket.', 'Støtta må utløyse tiltaket.', 'The grant must trigger the measure.')];
  s.funding = { ...s.funding, minGrantNok: 150_000, maxGrantNok: 12_000_000, maxGrantShare: 0.5 };
  s.sources.push({ id: 'soknad', url: 'https://example.org/klimasats/soknad', title: 'Søk Klimasats', checkedAt: '2026-01-15' });
  s.calls = [
    call('hovedfrist-2021', '2021-02-15', { sourceIds: ['soknad'] }),
    call('hovedfrist-2022', '2022-02-15', { sourceIds: ['soknad'] }),
    call('hovedfrist-2023', '2023-03-01', { sourceIds: ['soknad'] }),
  ];
});

const statsforvalteren = (county: string, name: string) => owner(`statsforvalteren-${county}`, `Statsforvalteren i ${name}`);
const round = (id: string, name: string, counties: string[], more: Partial<SchemeRound> = {}): SchemeRound => ({
  id,
  name: text(name),
  counties,
  owner: statsforvalteren(id, name),
  url: null,
  applicants: null,
  funding: null,
  sourceIds: ['main'],
  ...more,
});

/**
 * Prosjektskjønn: one scheme run county by county, each State Administrator with its own rules and
 * dates. Trøndelag's round asks for political anchoring; Vestland's for an own share; Innlandet's for
 * two municipalities; no round is known for the other counties.
 */
export const prosjektskjonn = scheme('prosjektskjonn', 'Prosjektskjønn', (s) => {
  s.owner = owner('kommunal-og-distriktsdepartementet', 'Kommunal- og distriktsdepartementet');
  s.themes = ['digitalisation', 'planning', 'health_care'];
  s.applicants.partnerTypes = ['municipality', 'company', 'ngo', 'state_agency'];
  s.applicants.collaboration = 'rewarded';
  s.rounds = [
    round('trondelag', 'Trøndelag', ['50'], {
      applicants: applicantRules({ partnerTypes: ['municipality', 'company', 'ngo'], politicalAnchoringRequired: true }),
      funding: { ...s.funding, minGrantNok: 150_000 },
    }),
    round('vestland', 'Vestland', ['46'], {
      applicants: applicantRules({ collaboration: 'rewarded' }),
      funding: { ...s.funding, minOwnShare: 0.5 },
    }),
    round('innlandet', 'Innlandet', ['34'], { applicants: applicantRules({ minMunicipalities: 2, collaboration: 'required' }) }),
    round('oslo-og-viken', 'Oslo og Viken', ['03', '31', '32', '33']),
  ];
  s.calls = [
    call('trondelag-2020', '2020-09-01', { roundId: 'trondelag' }),
    call('trondelag-2021', '2021-09-01', { roundId: 'trondelag' }),
    call('innlandet-2021', '2021-01-13', { roundId: 'innlandet' }),
    call('vestland-2021', '2021-11-01', { roundId: 'vestland' }),
    call('oslo-og-viken-2023', '2023-03-31', { roundId: 'oslo-og-viken' }),
  ];
});

/** Regional research fund Nordland: applicants in county 18 only, an R&D organisation must take part, own share 20 %. */
export const rffNordland = scheme('regionale-forskningsfond-nordland', 'Regionalt forskningsfond Nordland', (s) => {
  s.owner = owner('nordland-fylkeskommune', 'Nordland fylkeskommune');
  s.applicants = applicantRules({
    leadTypes: ['municipality', 'county_council', 'state_agency'],
    partnerTypes: ['rd_organisation'],
    requiredPartnerTypes: ['rd_organisation'],
    counties: ['18'],
    collaboration: 'rewarded',
  });
  s.funding.minOwnShare = 0.2;
  s.cadence.kind = 'irregular';
  s.calls = [call('hovedprosjekt-2020', '2020-09-16')];
});

/** Digdir's co-funding: only state agencies lead; municipalities join as partners. */
export const digdirCoFunding = scheme('digdir-medfinansiering', 'Medfinansieringsordningen', (s) => {
  s.owner = owner('digitaliseringsdirektoratet', 'Digitaliseringsdirektoratet', 'https://www.digdir.no');
  s.themes = ['digitalisation'];
  s.applicants.leadTypes = ['state_agency'];
  s.applicants.partnerTypes = ['municipality', 'county_council'];
  s.funding = { ...s.funding, maxGrantNok: 50_000_000, maxGrantShare: 0.5 };
  s.calls = [call('medfinansiering-2022', '2022-03-21')];
});

/** Husbanken's housing grants: the one housing scheme, yearly. */
export const husbanken = scheme('husbanken-boligtiltak', 'Boligsosiale tilskudd', (s) => {
  s.owner = owner('husbanken', 'Husbanken', 'https://www.husbanken.no');
  s.themes = ['housing'];
  s.funding.maxGrantNok = 400_000;
  s.calls = [call('boligsosiale-2023', '2023-06-01')];
});

/** StimuLab: a call open from October 2026 to 15 January 2027 at 12:00; collaboration required. */
export const stimulab = scheme('stimulab', 'StimuLab', (s) => {
  s.owner = owner('digitaliseringsdirektoratet', 'Digitaliseringsdirektoratet', 'https://www.digdir.no');
  s.themes = ['digitalisation', 'community_business'];
  s.applicants.collaboration = 'required';
  s.funding.maxGrantNok = 2_000_000;
  s.calls = [call('stimulab-2027', '2027-01-15 12:00', { opensOn: '2026-10-01' })];
});

/** Innovation partnerships: applications at any time, no calls. */
export const innovationPartnership = scheme('innovasjonspartnerskap', 'Innovasjonspartnerskap', (s) => {
  s.owner = owner('innovasjon-norge', 'Innovasjon Norge');
  s.themes = ['community_business'];
  s.cadence.kind = 'rolling';
});

/** Bygdevekstavtaler: for municipalities in centrality classes 5–6, no fixed deadlines. */
export const bygdevekst = scheme('bygdevekstavtaler', 'Bygdevekstavtaler', (s) => {
  s.owner = owner('kommunal-og-distriktsdepartementet', 'Kommunal- og distriktsdepartementet');
  s.themes = ['community_business', 'planning'];
  s.applicants.centralityClasses = [5, 6];
  s.applicants.collaboration = 'rewarded';
  s.funding.maxGrantNok = 2_000_000;
  s.cadence.kind = 'irregular';
});

/** DigiFin: only members of KS's DigiFin fellowship may apply. */
export const digifin = scheme('digifin', 'DigiFin', (s) => {
  s.owner = owner('ks', 'KS');
  s.themes = ['digitalisation'];
  s.applicants.conditions = [
    {
      id: 'digifin-medlem',
      kind: 'membership',
      membership: 'digifin',
      text: text('Kommunen er med i DigiFin.', 'Kommunen er med i DigiFin.', 'The municipality is a DigiFin member.'),
    },
  ];
  s.cadence.kind = 'irregular';
});

/** The supplier development programme: guidance without money, at any time. */
export const guidance = scheme('leverandorutviklingsprogrammet', 'Leverandørutviklingsprogrammet', (s) => {
  s.owner = owner('nho-og-ks', 'NHO og KS');
  s.themes = ['community_business', 'digitalisation'];
  s.funding = { ...s.funding, isGrant: false, description: text('Veiledning.', 'Rettleiing.', 'Guidance.') };
  s.cadence.kind = 'rolling';
});

/** The competence pilots: ended, with no successor. */
export const endedPilots = scheme('kompetansepiloter', 'Kompetansepiloter', (s) => {
  s.owner = owner('hk-dir', 'Direktoratet for høyere utdanning og kompetanse');
  s.themes = ['education_childhood'];
  s.lifecycle = { status: 'ended', endedOn: null, successorId: null, sourceIds: ['main'] };
  s.calls = [call('pilot-2020', '2020-10-01')];
});

/** The fixture catalogue, sorted by id like the real one. */
export const fixtureCatalogue: readonly Scheme[] = [
  klimasats,
  prosjektskjonn,
  rffNordland,
  digdirCoFunding,
  husbanken,
  stimulab,
  innovationPartnership,
  bygdevekst,
  digifin,
  guidance,
  endedPilots,
].sort((a, b) => a.id.localeCompare(b.id));

/** A deep copy of one fixture, to change in a test. */
export const copyOf = (fixture: Scheme): Scheme => structuredClone(fixture);
