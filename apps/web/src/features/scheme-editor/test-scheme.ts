import type { ApplicantRules, Scheme } from '@varde/contracts/schemes';

const evidence = { sourceIds: ['page'], certainty: 'verified' as const };
export const text = (s: string) => ({ nb: s, nn: s, en: s });
const owner = { id: 'eier', name: text('Eier'), url: null };
export const rules: ApplicantRules = {
  leadTypes: ['municipality'],
  partnerTypes: ['company', 'inter_municipal_company'],
  minMunicipalities: 1,
  requiredPartnerTypes: [],
  counties: null,
  centralityClasses: [5, 6],
  maxPopulation: null,
  minPopulation: null,
  politicalAnchoringRequired: false,
  collaboration: 'neutral',
  conditions: [
    { id: 'digifin-medlem', kind: 'membership', membership: 'digifin', text: text('Medlem av DigiFin') },
    { id: 'egen-innsats', kind: 'other', membership: null, text: text('Egen innsats') },
  ],
  checkYourself: [text('Prosjektet må være nytt')],
  ...evidence,
};
/** A scheme with every part the editor shows: rounds, conditions, calls with and without a time or a deadline. */
export const scheme: Scheme = {
  id: 'example',
  name: text('Eksempel'),
  summary: text('Kort'),
  purpose: text('Formål'),
  owner,
  lifecycle: { status: 'active', endedOn: null, successorId: null, sourceIds: [] },
  themes: ['health_care'],
  applicants: rules,
  funding: { isGrant: true, minGrantNok: 100000, maxGrantNok: null, maxGrantShare: 0.5, minOwnShare: null, description: text('Penger'), ...evidence },
  criteria: { items: [{ name: text('Nytte'), description: text('Hvor nyttig'), scale: null, weight: null }], ...evidence },
  requiredParts: { items: [], ...evidence },
  reporting: { items: [], sourceIds: ['page'], certainty: 'uncertain', note: text('Varierer') },
  cadence: { kind: 'yearly', ...evidence },
  rounds: [
    {
      id: 'vestland',
      name: text('Vestland'),
      counties: ['46'],
      owner: { id: 'sf-vestland', name: text('Statsforvalteren i Vestland'), url: 'https://example.org/sf' },
      url: null,
      applicants: null,
      funding: null,
      sourceIds: ['page'],
    },
  ],
  calls: [
    {
      id: 'a-2026',
      title: text('Runde'),
      roundId: 'vestland',
      opensOn: null,
      deadline: { date: '2026-02-15', time: '13:00', timeSourceId: 'page' },
      budgetNok: null,
      sourceIds: ['page'],
    },
    {
      id: 'b-2027',
      title: text('Neste'),
      roundId: null,
      opensOn: '2027-01-01',
      deadline: { date: '2027-02-15', time: null, timeSourceId: null },
      budgetNok: 5,
      sourceIds: ['page'],
    },
    { id: 'c', title: text('Uten frist'), roundId: null, opensOn: null, deadline: null, budgetNok: null, sourceIds: ['page'] },
  ],
  url: 'https://example.org',
  sources: [
    { id: 'page', url: 'https://example.org/page', title: 'Side', checkedAt: '2026-11-01' },
    { id: 'other', url: 'https://example.org/other', title: 'Annen', checkedAt: null },
  ],
};
