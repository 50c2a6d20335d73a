/**
 * Text → words, the same way for what is indexed and what is searched (ADR 014): Unicode NFC, lower
 * case in Norwegian rules, accents other than æ, ø and å folded (é → e, ü → u), and words of
 * letters and digits. Each word keeps where it was in the text, so a highlighter can mark it there.
 */

export interface Token {
  /** The folded word (search form). */
  word: string;
  /** Offset and length of the word in the original text (UTF-16 units). */
  start: number;
  end: number;
}

const accents: Record<string, string> = {
  á: 'a',
  à: 'a',
  â: 'a',
  ä: 'æ',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ö: 'ø',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ç: 'c',
  ñ: 'n',
  š: 's',
  ž: 'z',
  č: 'c',
  đ: 'd',
  ŋ: 'n',
  ŧ: 't',
};

/** One word in search form: lower case, NFC, accents folded except æ, ø, å. */
export function foldWord(word: string): string {
  const lower = word.normalize('NFC').toLocaleLowerCase('nb');
  let out = '';
  for (const ch of lower) out += accents[ch] ?? ch;
  return out;
}

// Letters (any script) and digits; an apostrophe or hyphen inside a word splits it (e-helse → e, helse).
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text with their places. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.normalize('NFC').matchAll(WORD)) {
    out.push({ word: foldWord(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/**
 * Words that carry no meaning for a search in bokmål, nynorsk or English (left out of the index and
 * of queries). Short and deliberate: a word a user may mean (e.g. "bo", "tid") is not here.
 */
export const stopwords: ReadonlySet<string> = new Set([
  'og',
  'i',
  'for',
  'av',
  'på',
  'til',
  'med',
  'som',
  'en',
  'ei',
  'et',
  'ein',
  'eit',
  'den',
  'det',
  'de',
  'dei',
  'er',
  'var',
  'å',
  'at',
  'om',
  'fra',
  'frå',
  'ved',
  'seg',
  'sin',
  'sitt',
  'sine',
  'har',
  'hadde',
  'kan',
  'skal',
  'vil',
  'så',
  'men',
  'eller',
  'enn',
  'sammen',
  'saman',
  'mot',
  'under',
  'over',
  'etter',
  'the',
  'of',
  'and',
  'a',
  'an',
  'to',
  'in',
  'on',
  'with',
]);
