/**
 * Scheme documents in the first model (before migration 0004), as the catalogue and the app stored
 * them: a free-text owner name, ISO date-times with offsets (23:59 where no source gave a time),
 * calls limited to counties, old applicant type names and free-text conditions. Test data only.
 */
const text = (nb: string, nn: string = nb, en: string = nb) => ({ nb, nn, en });
const evidence = (sourceIds: string[] = ['main']) => ({ sourceIds, certainty: 'verified' as const });

export type SchemeV1 = Record<string, unknown> & { id: string; calls: Record<string, unknown>[]; owner: { name: string; url: string | null } };

export function schemeV1(id: string, change: (s: SchemeV1) => void = () => {}): SchemeV1 {
  const s: SchemeV1 = {
    id,
    name: text(`Ordning ${id}`),
    summary: text('Om ordningen.', 'Om ordninga.', 'About the scheme.'),
    purpose: text('Formål.', 'Føremål.', 'Purpose.'),
    owner: { name: 'Norges forskningsråd', url: 'https://www.forskningsradet.no' },
    url: `https://example.org/${id}`,
    themes: ['other'],
    applicants: {
      leadTypes: ['municipality', 'county_authority', 'municipal_company'],
      partnerTypes: ['rd_organisation', 'business', 'ngo', 'municipal_company'],
      minMunicipalities: 1,
      requiredPartnerTypes: ['rd_organisation'],
      counties: null,
      centralityClasses: null,
      maxPopulation: null,
      minPopulation: null,
      politicalAnchoringRequired: false,
      collaboration: 'neutral',
      conditions: [text('Pengene kan ikke gå til drift.', 'Pengane kan ikkje gå til drift.', 'The money cannot fund operations.')],
      ...evidence(),
    },
    funding: {
      isGrant: true,
      minGrantNok: null,
      maxGrantNok: 1_000_000,
      maxGrantShare: 0.5,
      minOwnShare: null,
      description: text('Tilskudd.', 'Tilskot.', 'Grant.'),
      ...evidence(),
    },
    criteria: { items: [], ...evidence() },
    requiredParts: { items: [], ...evidence() },
    reporting: { items: [], ...evidence() },
    cadence: { kind: 'yearly', ...evidence() },
    calls: [
      {
        id: 'winter-2021',
        title: text('Vinter 2021'),
        opensAt: '2020-12-01T09:00:00+01:00',
        deadline: '2021-01-20T23:59:00+01:00',
        budgetNok: 5_000_000,
        counties: null,
        sourceIds: ['main'],
      },
      {
        id: 'autumn-2020',
        title: text('Høst 2020'),
        opensAt: null,
        deadline: '2020-09-16T13:00:00+02:00',
        budgetNok: null,
        counties: null,
        sourceIds: ['call', 'main'],
      },
    ],
    sources: [
      { id: 'main', url: `https://example.org/${id}/kilde`, title: 'Kilde', checkedAt: '2026-11-01' },
      { id: 'call', url: `https://example.org/${id}/utlysning`, title: 'Utlysning', checkedAt: '2026-11-01' },
    ],
  };
  change(s);
  return s;
}

/** A scheme run county by county: calls limited to Trøndelag, Vestland (twice) and Oslo with former Viken. */
export const regionalV1 = schemeV1('prosjektskjonn', (s) => {
  s.owner = { name: 'Kommunal- og distriktsdepartementet / Statsforvalteren', url: 'https://www.regjeringen.no' };
  s.applicants = { ...(s.applicants as object), requiredPartnerTypes: [], partnerTypes: ['municipality', 'business'] };
  s.calls = [
    {
      id: 'trondelag-2021',
      title: text('Trøndelag 2021'),
      opensAt: null,
      deadline: '2020-09-01T23:59:00+02:00',
      budgetNok: null,
      counties: ['50'],
      sourceIds: ['main'],
    },
    {
      id: 'vestland-2022',
      title: text('Vestland 2022'),
      opensAt: null,
      deadline: '2021-11-01T23:59:00+01:00',
      budgetNok: null,
      counties: ['46'],
      sourceIds: ['call'],
    },
    {
      id: 'vestland-2023',
      title: text('Vestland 2023'),
      opensAt: null,
      deadline: '2022-11-01T12:00:00+01:00',
      budgetNok: null,
      counties: ['46'],
      sourceIds: ['call'],
    },
    {
      id: 'oslo-og-viken-2023',
      title: text('Oslo og Viken 2023'),
      opensAt: null,
      deadline: '2023-03-31T23:59:00+02:00',
      budgetNok: null,
      counties: ['33', '03', '31', '32'],
      sourceIds: ['main'],
    },
  ];
});
