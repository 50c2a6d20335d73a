import { describe, expect, it } from 'vitest';
import { checkSchemeIntegrity } from '@varde/domain/scheme-integrity';
import { knownCountyCodes, realCatalogue } from './catalogue';

describe('the real catalogue and the integrity check of edits', () => {
  it('finds nothing wrong with any scheme in data/schemes', () => {
    const counties = knownCountyCodes();
    for (const scheme of realCatalogue()) expect(checkSchemeIntegrity(scheme, counties), scheme.id).toEqual([]);
  });
});
