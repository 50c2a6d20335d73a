import { describe, expect, it } from 'vitest';
import { catalogues, translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const nbKeys = Object.keys(catalogues.nb).sort();

  it.each(['nn', 'en'] as const)('%s has exactly the keys of bokmål', (lang) => {
    expect(Object.keys(catalogues[lang]).sort()).toEqual(nbKeys);
  });

  it.each(['nb', 'nn', 'en'] as const)('%s has no empty messages and the same placeholders as bokmål', (lang) => {
    for (const key of nbKeys) {
      const text = (catalogues[lang] as Record<string, string>)[key]!;
      expect(text.trim(), `${lang} ${key}`).not.toBe('');
      expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders((catalogues.nb as Record<string, string>)[key]!));
    }
  });

  it('nynorsk is not a copy of bokmål', () => {
    const same = nbKeys.filter((k) => (catalogues.nn as Record<string, string>)[k] === (catalogues.nb as Record<string, string>)[k]);
    // Short words (E-post, Fylke, Søk) are spelt alike; whole sentences must not be.
    expect(same.length / nbKeys.length).toBeLessThan(0.5);
  });

  it('fills placeholders', () => {
    expect(translate('nn', 'validation.too_short', { field: 'Passord', limit: 12 })).toBe('Passord må ha minst 12 teikn.');
    expect(translate('en', 'unknown.key')).toBe('unknown.key');
  });
});
