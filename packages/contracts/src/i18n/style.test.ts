/**
 * The house style of the catalogues, as far as a machine can check it, over every message of every
 * language. The English rules are listed, with the ones a person must check, in docs/english-style.md;
 * the Norwegian words follow docs/glossary.md.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../vocabulary';
import { catalogues } from './translate';

/** Placeholders are code, not text: `{field}` and `{id}` are left out of every check. */
const textOf = (message: string) => message.replace(/\{\w+\}/g, '_');

const entries = (lang: Language) => Object.entries(catalogues[lang] as Record<string, string>).map(([key, message]) => ({ key, text: textOf(message) }));

/** Keys whose message breaks a rule on purpose. */
const exceptions: Record<string, string[]> = {
  // The data owners' attribution is given in Norwegian in every language, as the licences ask.
  'footer.attribution': ['sentence case'],
};

/** Which keys break a rule (a pattern that must not occur), leaving out the listed exceptions. */
function breaking(lang: Language, rule: string, pattern: RegExp): string[] {
  return entries(lang)
    .filter(({ key, text }) => pattern.test(text) && !exceptions[key]?.includes(rule))
    .map(({ key, text }) => `${key}: ${text}`);
}

/** A whole word, with letters such as å and ø counted as letters. */
const words = (list: string) => new RegExp(`(?<!\\p{L})(?:${list})(?!\\p{L})`, 'u');

describe.each(['nb', 'nn', 'en'] as const)('style of %s', (lang) => {
  it('has no stray spaces', () => {
    expect(breaking(lang, 'spaces', /^\s|\s$| {2}/)).toEqual([]);
  });

  it('uses typographic quotes and the ellipsis character', () => {
    expect(breaking(lang, 'quotes', /"/)).toEqual([]);
    expect(breaking(lang, 'ellipsis', /\.\.\./)).toEqual([]);
    // Norwegian quotes «…», English “…” and the apostrophe ’.
    expect(breaking(lang, 'quotes', lang === 'en' ? /[«»']/ : /[“”]/)).toEqual([]);
  });
});

describe('Norwegian', () => {
  const months = 'Januar|Februar|Mars|April|Mai|Juni|Juli|August|September|Oktober|November|Desember';

  it('writes month names in lower case inside a sentence', () => {
    const capitalisedInside = new RegExp(`(?<![.:!?]|^)\\s(?:${months})(?!\\p{L})`, 'u');
    expect(breaking('nb', 'months', capitalisedInside)).toEqual([]);
    expect(breaking('nn', 'months', capitalisedInside)).toEqual([]);
  });

  it('nynorsk says «venta» of an expected call or deadline, never «forventa» (docs/glossary.md)', () => {
    expect(breaking('nn', 'venta', /forvent/i)).toEqual([]);
    expect(breaking('nn', 'venta', words('[Vv]enta')).length).toBeGreaterThan(0);
  });

  it('nynorsk has no bokmål words, and bokmål no nynorsk words', () => {
    expect(breaking('nn', 'form', words('ikke|hva|hvem|hvordan|hvis|noen|bare|jeg|Ikke|Hva|Hvem|Hvordan|Hvis|Noen|Bare|Jeg'))).toEqual([]);
    expect(breaking('nb', 'form', words('ikkje|kva|kven|korleis|berre|frå|eit|noko|mykje|venta|Ikkje|Kva|Kven|Korleis|Berre|Frå|Eit|Noko'))).toEqual([]);
  });

  it('does not call how reliable a fact is «sikkerhet» or «tryggleik» (reads as security or safety)', () => {
    for (const lang of ['nb', 'nn'] as const) {
      const { 'field.certainty': field, 'scheme.certaintyLabel': label } = catalogues[lang];
      expect(`${field} ${label}`).not.toMatch(/sikker|trygg/i);
    }
  });
});

describe('English (docs/english-style.md)', () => {
  /** Words that keep their capital inside a sentence: names, languages, days, months, products. */
  const properNouns = new Set(
    [
      'Varde Norway Norwegian Bokmål Nynorsk English Sami North South Lule Kven',
      'Statistics Kartverket Mapping Authority State Administrator Administrators DigiFin',
      'January February March April May June July August September October November December',
      'Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
      'Google Calendar Apple Outlook Unicode JavaScript Excel Windows WebP Word PowerPoint OpenDocument',
      'Ålesund Haram Nordland',
    ]
      .join(' ')
      .split(' '),
  );

  it('writes in sentence case: no capitals inside a sentence but names and abbreviations', () => {
    const offending = entries('en')
      .filter(({ key }) => !exceptions[key]?.includes('sentence case'))
      .flatMap(({ key, text }) => {
        // Quoted names of pages and buttons keep their own case.
        const plain = text.replace(/“[^”]*”/g, '“_”');
        const capitals = [...plain.matchAll(/(\S*)\s+(\p{Lu}[\p{L}&]*)/gu)].filter(
          ([, before, word]) => !/[.:!?–]$/.test(before!) && !properNouns.has(word!) && !/^[\p{Lu}\d&]{2,}$/u.test(word!),
        );
        return capitals.length ? [`${key}: ${capitals.map((m) => m[2]).join(', ')} in “${text}”`] : [];
      });
    expect(offending).toEqual([]);
  });

  it('avoids the Norwegianisms on the list', () => {
    expect(breaking('en', 'norwegianisms', /on conditions|anchor(?:ed|ing)? politically|political anchoring|apply on/i)).toEqual([]);
  });

  it('spells e-mail and ID one way', () => {
    expect(breaking('en', 'spelling', /\bemail/i)).toEqual([]);
    expect(breaking('en', 'spelling', /\b(?:id|Id|ids|Ids)\b/)).toEqual([]);
  });
});
