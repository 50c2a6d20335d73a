import { describe, expect, it } from 'vitest';
import type { Scheme } from '@varde/contracts/schemes';
import { fieldKey, toModel, toScheme } from './editor-model';

const t = (key: string, params: Record<string, string | number> = {}) => `${key}${JSON.stringify(params)}`;

const evidence = { sourceIds: ['page'], certainty: 'verified' as const };
const text = (s: string) => ({ nb: s, nn: s, en: s });
const scheme: Scheme = {
  id: 'example',
  name: text('Eksempel'),
  summary: text('Kort'),
  purpose: text('Formål'),
  owner: { name: 'Eier', url: null },
  themes: ['health_care'],
  applicants: {
    leadTypes: ['municipality'],
    partnerTypes: ['business'],
    minMunicipalities: 1,
    requiredPartnerTypes: [],
    counties: null,
    centralityClasses: [5, 6],
    maxPopulation: null,
    minPopulation: null,
    politicalAnchoringRequired: false,
    collaboration: 'neutral',
    conditions: [text('Vilkår')],
    ...evidence,
  },
  funding: { isGrant: true, minGrantNok: 100000, maxGrantNok: null, maxGrantShare: 0.5, minOwnShare: null, description: text('Penger'), ...evidence },
  criteria: { items: [], ...evidence },
  requiredParts: { items: [], ...evidence },
  reporting: { items: [], ...evidence },
  cadence: { kind: 'yearly', ...evidence },
  calls: [{ id: 'a-2026', title: text('Runde'), opensAt: null, deadline: '2026-02-15T13:00:00+01:00', budgetNok: null, counties: ['50'], sourceIds: ['page'] }],
  url: 'https://example.org',
  sources: [{ id: 'page', url: 'https://example.org/page', title: 'Side', checkedAt: '2026-11-01' }],
};

describe('scheme editor model', () => {
  it('gives back the same document when nothing was changed', () => {
    const { scheme: again, problems } = toScheme(scheme, toModel(scheme), t);
    expect(problems).toEqual([]);
    expect(again).toEqual(scheme);
  });

  it('keeps the facts the form does not show (centrality, conditions, criteria)', () => {
    const model = toModel(scheme);
    model.applicants.minMunicipalities = '2';
    const { scheme: edited } = toScheme(scheme, model, t);
    expect(edited.applicants.centralityClasses).toEqual([5, 6]);
    expect(edited.applicants.conditions).toEqual([text('Vilkår')]);
    expect(edited.applicants.minMunicipalities).toBe(2);
  });

  it('reads amounts with spaces, shares as per cent, lists with commas and empty counties as the whole country', () => {
    const model = toModel(scheme);
    model.funding.maxGrantNok = '1 500 000';
    model.funding.minOwnSharePct = '25,5';
    model.calls[0]!.counties = '';
    model.calls[0]!.sourceIds = 'page, other';
    const { scheme: edited, problems } = toScheme(scheme, model, t);
    expect(problems).toEqual([]);
    expect(edited.funding.maxGrantNok).toBe(1500000);
    expect(edited.funding.minOwnShare).toBe(0.255);
    expect(edited.funding.maxGrantShare).toBe(0.5);
    expect(edited.calls[0]!.counties).toBeNull();
    expect(edited.calls[0]!.sourceIds).toEqual(['page', 'other']);
  });

  it('reports what cannot be read under the API paths', () => {
    const model = toModel(scheme);
    model.funding.minGrantNok = '12x';
    model.funding.maxGrantSharePct = '150';
    model.calls[0]!.deadlineTime = '';
    model.calls[0]!.opensDate = '2026-03-29';
    model.calls[0]!.opensTime = '02:30';
    const { problems } = toScheme(scheme, model, t);
    expect(problems.map((p) => p.path)).toEqual([
      'scheme.funding.minGrantNok',
      'scheme.funding.maxGrantShare',
      'scheme.calls.0.opensAt',
      'scheme.calls.0.deadline',
    ]);
  });

  it('maps API error paths to the input that shows them', () => {
    expect(fieldKey('scheme.calls.2.sourceIds.0')).toBe('scheme.calls.2.sourceIds');
    expect(fieldKey('scheme.calls.2.title.nn')).toBe('scheme.calls.2.title.nn');
    expect(fieldKey('scheme.sources.1.url')).toBe('scheme.sources.1.url');
    expect(fieldKey('scheme.applicants.leadTypes.1')).toBe('scheme.applicants.leadTypes');
    expect(fieldKey('scheme.name.nb')).toBe('scheme.name.nb');
    expect(fieldKey('scheme.calls')).toBe('scheme.calls');
  });
});
