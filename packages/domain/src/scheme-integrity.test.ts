import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { Scheme } from '@varde/contracts/schemes';
import { checkSchemeIntegrity } from './scheme-integrity';
import { copyOf, countyCodes as counties, fixtureCatalogue, klimasats, prosjektskjonn, rffNordland } from './test-fixtures/schemes';

// Small fixtures (test-fixtures/schemes.ts); packages/test-support checks the real catalogue.
const coded = (scheme: Scheme) =>
  checkSchemeIntegrity(scheme, counties).map(({ path, code, limit }) => ({ path, code, ...(limit !== undefined ? { limit } : {}) }));

describe('checkSchemeIntegrity', () => {
  it('finds nothing wrong with a valid scheme', () => {
    for (const scheme of fixtureCatalogue) {
      expect(Value.Check(Scheme, scheme), scheme.id).toBe(true);
      expect(checkSchemeIntegrity(scheme, counties), scheme.id).toEqual([]);
    }
  });

  it('codes every problem with the path of the field, for edits in the app', () => {
    const scheme = copyOf(klimasats);
    scheme.funding.minGrantNok = 200_000;
    scheme.funding.maxGrantNok = 100_000;
    scheme.calls[0]!.sourceIds = ['nowhere'];
    scheme.calls[0]!.opensAt = '2021-03-01T09:00:00+01:00';
    scheme.calls[0]!.deadline = '2021-02-01T12:00:00+01:00';
    scheme.calls[1]!.id = scheme.calls[0]!.id;
    scheme.name.nn = ' ';
    expect(coded(scheme)).toEqual(
      expect.arrayContaining([
        { path: 'calls.0.sourceIds.0', code: 'unknown_source' },
        { path: 'funding.maxGrantNok', code: 'too_small', limit: 200_000 },
        { path: 'calls.0.deadline', code: 'before_opening' },
        { path: 'calls.1.id', code: 'duplicate' },
        { path: 'name.nn', code: 'required' },
      ]),
    );
  });

  it('asks for Oslo time, a note on uncertain facts, and every source cited', () => {
    const scheme = copyOf(prosjektskjonn);
    scheme.calls[0]!.deadline = '2020-09-01T23:59:00+01:00';
    scheme.criteria.certainty = 'uncertain';
    delete scheme.criteria.note;
    scheme.sources.push({ ...scheme.sources[0]!, id: 'extra' });
    expect(coded(scheme)).toEqual([
      { path: 'criteria.note', code: 'required' },
      { path: `sources.${scheme.sources.length - 1}.id`, code: 'unused_source' },
      { path: 'calls.0.deadline', code: 'invalid_format' },
    ]);
  });

  it('refuses web addresses that are not http: or https:, on the field that holds them', () => {
    const scheme = copyOf(klimasats);
    scheme.url = 'javascript:alert(document.cookie)';
    scheme.owner.url = 'data:text/html,<script>alert(1)</script>';
    scheme.sources[0]!.url = 'vbscript:msgbox(1)';
    scheme.sources[1]!.url = 'JavaScript:alert(1)';
    expect(coded(scheme)).toEqual([
      { path: 'owner.url', code: 'invalid_url' },
      { path: 'url', code: 'invalid_url' },
      { path: 'sources.0.url', code: 'invalid_url' },
      { path: 'sources.1.url', code: 'invalid_url' },
    ]);
    // http: and https: pass, and an owner without a page is fine.
    scheme.url = 'http://example.org/ordning';
    scheme.owner.url = null;
    scheme.sources[0]!.url = 'HTTPS://example.org/a';
    scheme.sources[1]!.url = 'https://example.org/b?x=1#y';
    expect(coded(scheme)).toEqual([]);
  });

  it('reports properties the schema does not know, wherever they are', () => {
    const scheme = copyOf(klimasats) as Scheme & Record<string, unknown>;
    scheme.extra = 1;
    (scheme.funding as unknown as Record<string, unknown>).maxGrantNOK = 5;
    (scheme.calls[0] as unknown as Record<string, unknown>).link = 'https://example.org';
    (scheme.name as unknown as Record<string, unknown>).se = 'Klimasats';
    const problems = checkSchemeIntegrity(scheme, counties);
    expect(problems.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'name.se', code: 'unknown_property' },
      { path: 'funding.maxGrantNOK', code: 'unknown_property' },
      { path: 'calls.0.link', code: 'unknown_property' },
      { path: 'extra', code: 'unknown_property' },
    ]);
    expect(problems[0]!.detail).toBe('unknown property (not in the Scheme schema; misspelt?)');
  });

  it('keeps a county-bound scheme and its calls inside real counties', () => {
    const scheme = copyOf(rffNordland);
    scheme.applicants.counties = ['99'];
    const problems = coded(scheme);
    expect(problems).toContainEqual({ path: 'applicants.counties.0', code: 'invalid_value' });
    expect(problems.some((p) => /^calls\.\d+\.counties\.0$/.test(p.path))).toBe(true);
  });
});
