import { describe, expect, it } from 'vitest';
import { applicantsDraft, copyApplicants, emptyCondition, emptyRound, fieldKey, resolveKey, toModel, toScheme } from './editor-model';
import { rules, scheme, text } from './test-scheme';

const t = (key: string, params: Record<string, string | number> = {}) => `${key}${JSON.stringify(params)}`;

describe('scheme editor model', () => {
  it('gives back the same document when nothing was changed', () => {
    const { scheme: again, problems } = toScheme(scheme, toModel(scheme), t);
    expect(problems).toEqual([]);
    expect(again).toEqual(scheme);
    // Optional notes stay absent rather than becoming empty texts.
    expect(Object.hasOwn(again.funding, 'note')).toBe(false);
    expect(Object.hasOwn(again.lifecycle, 'note')).toBe(false);
  });

  it('keeps the facts the form does not show (criteria texts)', () => {
    const model = toModel(scheme);
    model.applicants.minMunicipalities = '2';
    const { scheme: edited } = toScheme(scheme, model, t);
    expect(edited.criteria.items).toEqual(scheme.criteria.items);
    expect(edited.applicants.minMunicipalities).toBe(2);
  });

  it('reads amounts with spaces, shares as per cent, lists with commas, and empty choices as null', () => {
    const model = toModel(scheme);
    model.funding.maxGrantNok = '1 500 000';
    model.funding.minOwnSharePct = '25,5';
    model.applicants.centralityClasses = [];
    model.applicants.maxPopulation = '5 000';
    model.calls[0]!.sourceIds = 'page, other';
    model.sources[0]!.checkedAt = '';
    const { scheme: edited, problems } = toScheme(scheme, model, t);
    expect(problems).toEqual([]);
    expect(edited.funding.maxGrantNok).toBe(1500000);
    expect(edited.funding.minOwnShare).toBe(0.255);
    expect(edited.funding.maxGrantShare).toBe(0.5);
    expect(edited.applicants.centralityClasses).toBeNull();
    expect(edited.applicants.maxPopulation).toBe(5000);
    expect(edited.calls[0]!.sourceIds).toEqual(['page', 'other']);
    expect(edited.sources[0]!.checkedAt).toBeNull();
  });

  it('writes a deadline as date, time and the source of the time; no time means no source; no date means no deadline', () => {
    const model = toModel(scheme);
    model.calls[0]!.deadlineTime = '';
    model.calls[1]!.deadlineTime = '12:00';
    model.calls[1]!.timeSourceId = 'other';
    model.calls[2]!.opensOn = '2027-03-01';
    const { scheme: edited, problems } = toScheme(scheme, model, t);
    expect(problems).toEqual([]);
    expect(edited.calls[0]!.deadline).toEqual({ date: '2026-02-15', time: null, timeSourceId: null });
    expect(edited.calls[1]!.deadline).toEqual({ date: '2027-02-15', time: '12:00', timeSourceId: 'other' });
    expect(edited.calls[2]!.deadline).toBeNull();
    expect(edited.calls[2]!.opensOn).toBe('2027-03-01');
    model.calls[0]!.roundId = '';
    expect(toScheme(scheme, model, t).scheme.calls[0]!.roundId).toBeNull();
  });

  it('keeps the end date and successor only for an ended scheme, and a note only when written', () => {
    const model = toModel(scheme);
    model.lifecycle = { status: 'ended', endedOn: '2025-12-31', successorId: 'newer', sourceIds: 'other', note: { nb: 'Slutt', nn: 'Slutt', en: 'Ended' } };
    const { scheme: ended } = toScheme(scheme, model, t);
    expect(ended.lifecycle).toEqual({
      status: 'ended',
      endedOn: '2025-12-31',
      successorId: 'newer',
      sourceIds: ['other'],
      note: { nb: 'Slutt', nn: 'Slutt', en: 'Ended' },
    });
    model.lifecycle.status = 'paused';
    expect(toScheme(scheme, model, t).scheme.lifecycle).toMatchObject({ status: 'paused', endedOn: null, successorId: null });
  });

  it('writes owners, rounds with their own rules, conditions and check-yourself texts', () => {
    const model = toModel(scheme);
    model.owner = { id: 'ny-eier', name: text('Ny eier'), url: ' https://example.org/eier ' };
    const round = emptyRound();
    round.id = 'innlandet';
    round.name = text('Innlandet');
    round.counties = ['34'];
    round.owner = { id: 'sf-innlandet', name: text('Statsforvalteren i Innlandet'), url: '' };
    round.sourceIds = 'other';
    round.applicants = copyApplicants(model.applicants);
    round.applicants.minMunicipalities = '2';
    round.applicants.counties = ['34'];
    model.rounds.push(round);
    const condition = emptyCondition();
    condition.id = 'lokal-plan';
    condition.text = text('Har plan');
    model.applicants.conditions.push(condition);
    model.applicants.checkYourself.splice(0, 1);
    const { scheme: edited, problems } = toScheme(scheme, model, t);
    expect(problems).toEqual([]);
    expect(edited.owner).toEqual({ id: 'ny-eier', name: text('Ny eier'), url: 'https://example.org/eier' });
    expect(edited.rounds[1]).toMatchObject({
      id: 'innlandet',
      counties: ['34'],
      owner: { id: 'sf-innlandet', url: null },
      url: null,
      funding: null,
      sourceIds: ['other'],
      applicants: { minMunicipalities: 2, counties: ['34'], centralityClasses: [5, 6] },
    });
    // The round's own rules are a copy: the scheme's stay as they were.
    expect(edited.applicants.minMunicipalities).toBe(1);
    expect(edited.applicants.conditions.at(-1)).toEqual({ id: 'lokal-plan', kind: 'other', membership: null, text: text('Har plan') });
    expect(edited.applicants.checkYourself).toEqual([]);
  });

  it('drops the membership key of a condition that is no membership', () => {
    const draft = applicantsDraft(rules);
    draft.conditions[0]!.kind = 'other';
    const model = { ...toModel(scheme), applicants: draft };
    expect(toScheme(scheme, model, t).scheme.applicants.conditions[0]).toMatchObject({ kind: 'other', membership: null });
  });

  it('reports what cannot be read under the API paths', () => {
    const model = toModel(scheme);
    model.funding.minGrantNok = '12x';
    model.funding.maxGrantSharePct = '150';
    model.applicants.conditions[0]!.membership = ' ';
    model.calls[1]!.deadlineTime = '10:00';
    model.calls[2]!.deadlineTime = '09:00';
    const round = emptyRound();
    round.applicants = copyApplicants(model.applicants);
    round.applicants.minMunicipalities = '';
    model.rounds.push(round);
    const { problems } = toScheme(scheme, model, t);
    expect(problems.map((p) => p.path)).toEqual([
      'scheme.applicants.conditions.0.membership',
      'scheme.funding.minGrantNok',
      'scheme.funding.maxGrantShare',
      'scheme.rounds.1.applicants.minMunicipalities',
      'scheme.rounds.1.applicants.conditions.0.membership',
      'scheme.calls.1.deadline.timeSourceId',
      'scheme.calls.2.deadline.date',
    ]);
  });

  it('maps API error paths to the input that shows them', () => {
    expect(fieldKey('scheme.calls.2.sourceIds.0')).toBe('scheme.calls.2.sourceIds');
    expect(fieldKey('scheme.calls.2.title.nn')).toBe('scheme.calls.2.title.nn');
    expect(fieldKey('scheme.calls.2.deadline.time')).toBe('scheme.calls.2.deadline.time');
    expect(fieldKey('scheme.sources.1.url')).toBe('scheme.sources.1.url');
    expect(fieldKey('scheme.applicants.leadTypes.1')).toBe('scheme.applicants.leadTypes');
    expect(fieldKey('scheme.rounds.1.counties.0')).toBe('scheme.rounds.1.counties');
    expect(fieldKey('scheme.rounds.1.applicants.conditions.0.text.nb')).toBe('scheme.rounds.1.applicants.conditions.0.text.nb');
    expect(fieldKey('scheme.applicants.checkYourself.2.en')).toBe('scheme.applicants.checkYourself.2.en');
    expect(fieldKey('scheme.lifecycle.sourceIds.0')).toBe('scheme.lifecycle.sourceIds');
    expect(fieldKey('scheme.name.nb')).toBe('scheme.name.nb');
    expect(fieldKey('scheme.calls')).toBe('scheme.calls');
  });

  it('resolves a path with no input of its own to the date, the bokmål text or the nearest group', () => {
    const rendered = new Set([
      'scheme',
      'scheme.calls.0',
      'scheme.calls.0.deadline.date',
      'scheme.funding',
      'scheme.funding.note.nb',
      'scheme.criteria',
      'scheme.rounds.0',
    ]);
    expect(resolveKey('scheme.calls.0.deadline', rendered)).toBe('scheme.calls.0.deadline.date');
    expect(resolveKey('scheme.funding.note', rendered)).toBe('scheme.funding.note.nb');
    expect(resolveKey('scheme.criteria.items.0.name.nb', rendered)).toBe('scheme.criteria');
    expect(resolveKey('scheme.rounds.0.applicants.centralityClasses.0', rendered)).toBe('scheme.rounds.0');
    expect(resolveKey('scheme.id', rendered)).toBe('scheme');
    expect(resolveKey('comment', rendered)).toBe('comment');
  });
});
