import { describe, expect, it } from 'vitest';
import { languageFromAcceptHeader } from './language';

describe('languageFromAcceptHeader', () => {
  it('maps Norwegian tags and respects quality values', () => {
    expect(languageFromAcceptHeader('nn-NO,nn;q=0.9')).toBe('nn');
    expect(languageFromAcceptHeader('no')).toBe('nb');
    expect(languageFromAcceptHeader('nb-NO')).toBe('nb');
    expect(languageFromAcceptHeader('en-US,en;q=0.9')).toBe('en');
    expect(languageFromAcceptHeader('de;q=1, nn;q=0.5, en;q=0.8')).toBe('en');
    expect(languageFromAcceptHeader('de, fr')).toBeUndefined();
    expect(languageFromAcceptHeader(undefined)).toBeUndefined();
  });
});
