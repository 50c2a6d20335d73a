/**
 * The Norwegian search engine (ADR 014), pure: what a text is indexed as and what a query asks for,
 * in "keys" that both databases match with the `simple` text-search configuration.
 *
 * A word's key: folded (normalise.ts), stemmed (stemmer.ts), then mapped from its nynorsk or
 * alternative bokmål form to the bokmål one (løysing → løsning, tenesta → tjenest, heim → hjem) by the
 * committed variant list. A compound word (velferdsteknologi, heimetenesta) is also split against the
 * committed list of compound parts, and its parts' keys are indexed beside its own key, so a search
 * for *teknologi* finds *velferdsteknologi*. A query word matches its own key or all of its parts.
 */
import { stem } from './stemmer';
import { stopwords, tokenize } from './normalise';

/** The committed word lists (data/search/lexicon.json, built by scripts/build-search-lexicon.mjs). */
export interface SearchLexiconData {
  /** Hand-made [form, bokmål form] pairs (irregular words); they win over `variants`. */
  manual?: readonly (readonly [string, string])[];
  /** [form, bokmål form] pairs found by spelling rules, lemma level. */
  variants: readonly (readonly [string, string])[];
  /** Words a compound may be split into. */
  parts: readonly string[];
}

/** What one query word asks: any of `keys`, or every key of one of `compounds`. */
export interface QueryGroup {
  word: string;
  keys: string[];
  compounds: string[][];
}

export interface ParsedQuery {
  groups: QueryGroup[];
  /** Every key of the query (for highlighting). */
  allKeys: Set<string>;
}

/** One piece of a highlighted text: `hit` when the words match the query. */
export interface TextSegment {
  text: string;
  hit: boolean;
}

export interface SearchEngine {
  /** The key of one folded word (stem, variant mapped). */
  keyOf(word: string): string;
  /** The parts' keys of a compound word, or null. */
  partsOf(word: string): string[] | null;
  /** Keys of a text for the index: every word's key and its compound parts' keys, stopwords left out. */
  indexKeys(text: string): string[];
  parseQuery(q: string): ParsedQuery;
  /** A tsquery (simple configuration) for the groups: all groups (`and`) or any (`or`). */
  toTsQuery(groups: readonly QueryGroup[], mode?: 'and' | 'or'): string;
  /** In-memory match (the scheme finder): every query group matches a word of the texts. */
  matches(query: ParsedQuery, texts: readonly string[]): boolean;
  /** The index keys of texts as a set (for `matchesKeys`, to match many queries against one text). */
  textKeys(texts: readonly string[]): Set<string>;
  matchesKeys(query: ParsedQuery, keys: ReadonlySet<string>): boolean;
  /** The text cut into pieces, marking the words that match `keys`. */
  highlight(text: string, keys: ReadonlySet<string>): TextSegment[];
  /** A window of about `words` words around the first match (the start when none), highlighted. */
  snippet(text: string, keys: ReadonlySet<string>, words?: number): TextSegment[];
}

export const searchLimits = {
  /** Query words kept (the rest are ignored). */
  queryWords: 8,
  /** A query longer than this is cut. */
  queryChars: 200,
  /** Shortest word that is split into compound parts. */
  compoundMin: 7,
  /** A known word up to this length is taken as one word, not split. */
  knownWordMax: 10,
  /** Shortest compound part (hunspell's COMPOUNDMIN for Norwegian). */
  partMin: 4,
} as const;

const KEY = /^[\p{L}\p{N}]+$/u;

export function createSearchEngine(lexicon: SearchLexiconData = { variants: [], parts: [] }): SearchEngine {
  const byWord = new Map<string, string>();
  const byStem = new Map<string, { target: string; from: string; manual: boolean }>();
  const add = (from: string, to: string, manual: boolean) => {
    const target = stem(to);
    // Whole words only for hand-made pairs (a rule's pair reaches its inflected forms through the stem).
    if (manual) byWord.set(from, target);
    const source = stem(from);
    // A short stem found by a rule would rewrite too many words (lege → lig): only hand-made pairs.
    if (source === target || (!manual && source.length < 4)) return;
    const known = byStem.get(source);
    // Where two forms share a stem, the hand-made pair wins, then the shorter form (the lemma itself).
    if (!known || (manual && !known.manual) || (manual === known.manual && from.length < known.from.length)) byStem.set(source, { target, from, manual });
  };
  for (const [from, to] of lexicon.manual ?? []) add(from, to, true);
  for (const [from, to] of lexicon.variants) add(from, to, false);
  const parts = new Set(lexicon.parts.filter((p) => p.length >= searchLimits.partMin));
  const partStems = new Set<string>();
  for (const p of parts) partStems.add(stem(p));

  const keyCache = new Map<string, string>();
  function keyOf(word: string): string {
    let key = keyCache.get(word);
    if (key === undefined) {
      const direct = byWord.get(word);
      if (direct) key = direct;
      else {
        const s = stem(word);
        key = byStem.get(s)?.target ?? s;
      }
      if (keyCache.size > 50_000) keyCache.clear();
      keyCache.set(word, key);
    }
    return key;
  }

  const isTail = (w: string) => {
    if (w.length < searchLimits.partMin) return false;
    if (parts.has(w)) return true;
    const s = stem(w);
    return s.length >= searchLimits.partMin && partStems.has(s);
  };

  /** The shortest split of `word` into known parts (linking s or e allowed after a part), or null. */
  function split(word: string, depth: number): string[] | null {
    if (depth > 3) return null;
    let best: string[] | null = null;
    for (let i = word.length - searchLimits.partMin; i >= searchLimits.partMin; i--) {
      const head = word.slice(0, i);
      if (!parts.has(head)) continue;
      for (const link of ['', 's', 'e']) {
        if (link && word[i] !== link) continue;
        const rest = word.slice(i + link.length);
        if (rest.length < searchLimits.partMin) continue;
        const tail = isTail(rest) ? [rest] : rest.length >= 2 * searchLimits.partMin ? split(rest, depth + 1) : null;
        if (tail && (!best || tail.length + 1 < best.length)) best = [head, ...tail];
      }
      if (best?.length === 2) break;
    }
    return best;
  }

  const partsCache = new Map<string, string[] | null>();
  function partsOf(word: string): string[] | null {
    if (word.length < searchLimits.compoundMin || /\d/.test(word)) return null;
    // A short word the lexicon knows is not split (tjenesten is not tjene|s|ten, løysinga not løys|inga).
    if (word.length <= searchLimits.knownWordMax && (parts.has(word) || partStems.has(stem(word)))) return null;
    let found = partsCache.get(word);
    if (found === undefined) {
      const pieces = split(word, 0);
      found = pieces ? [...new Set(pieces.map(keyOf))] : null;
      if (found && found.length < 2) found = null;
      if (partsCache.size > 50_000) partsCache.clear();
      partsCache.set(word, found);
    }
    return found;
  }

  function indexKeys(text: string): string[] {
    const out: string[] = [];
    for (const { word } of tokenize(text)) {
      if (stopwords.has(word)) continue;
      out.push(keyOf(word));
      const p = partsOf(word);
      if (p) out.push(...p);
    }
    return out;
  }

  function parseQuery(q: string): ParsedQuery {
    const groups: QueryGroup[] = [];
    const allKeys = new Set<string>();
    const seen = new Set<string>();
    for (const { word } of tokenize(q.slice(0, searchLimits.queryChars))) {
      if (stopwords.has(word) || seen.has(word)) continue;
      seen.add(word);
      const key = keyOf(word);
      const p = partsOf(word);
      groups.push({ word, keys: [key], compounds: p ? [p] : [] });
      allKeys.add(key);
      for (const k of p ?? []) allKeys.add(k);
      if (groups.length >= searchLimits.queryWords) break;
    }
    return { groups, allKeys };
  }

  function toTsQuery(groups: readonly QueryGroup[], mode: 'and' | 'or' = 'and'): string {
    const clause = (g: QueryGroup) => {
      const alternatives = [...g.keys.filter((k) => KEY.test(k)), ...g.compounds.map((c) => `(${c.filter((k) => KEY.test(k)).join(' & ')})`)];
      return alternatives.length > 1 ? `(${alternatives.join(' | ')})` : (alternatives[0] ?? '');
    };
    return groups
      .map(clause)
      .filter(Boolean)
      .join(mode === 'and' ? ' & ' : ' | ');
  }

  function textKeys(texts: readonly string[]): Set<string> {
    const keys = new Set<string>();
    for (const text of texts) for (const k of indexKeys(text)) keys.add(k);
    return keys;
  }

  function matchesKeys(query: ParsedQuery, keys: ReadonlySet<string>): boolean {
    return query.groups.every((g) => g.keys.some((k) => keys.has(k)) || g.compounds.some((c) => c.every((k) => keys.has(k))));
  }

  const matches = (query: ParsedQuery, texts: readonly string[]) => query.groups.length === 0 || matchesKeys(query, textKeys(texts));

  const isHit = (word: string, keys: ReadonlySet<string>) => {
    if (stopwords.has(word)) return false;
    if (keys.has(keyOf(word))) return true;
    return partsOf(word)?.some((k) => keys.has(k)) ?? false;
  };

  /** Which query key a hit word stands for (its own key, else the first of its parts that matched). */
  const matchKey = (word: string, keys: ReadonlySet<string>): string => {
    const own = keyOf(word);
    if (keys.has(own)) return own;
    return partsOf(word)?.find((k) => keys.has(k)) ?? own;
  };

  function segments(text: string, keys: ReadonlySet<string>, from: number, to: number): TextSegment[] {
    const out: TextSegment[] = [];
    let at = from;
    const push = (piece: string, hit: boolean) => {
      if (!piece) return;
      const last = out[out.length - 1];
      if (last && last.hit === hit) last.text += piece;
      else out.push({ text: piece, hit });
    };
    for (const token of tokenize(text.slice(from, to))) {
      const start = from + token.start;
      const end = from + token.end;
      if (!isHit(token.word, keys)) continue;
      push(text.slice(at, start), false);
      push(text.slice(start, end), true);
      at = end;
    }
    push(text.slice(at, to), false);
    return out;
  }

  function snippet(text: string, keys: ReadonlySet<string>, words = 30): TextSegment[] {
    const nfc = text.normalize('NFC');
    const tokens = tokenize(nfc);
    if (tokens.length <= words) return segments(nfc, keys, 0, nfc.length);
    // The window that shows the most different query words (then the most hits, then the earliest),
    // starting a little before its first hit.
    const hitKeys = tokens.map((t) => (isHit(t.word, keys) ? matchKey(t.word, keys) : null));
    let first = Math.max(
      0,
      hitKeys.findIndex((k) => k !== null),
    );
    let best = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (hitKeys[i] === null) continue;
      const seen = new Set<string>();
      let count = 0;
      for (let j = i; j < Math.min(tokens.length, i + words - Math.floor(words / 4)); j++) {
        const k = hitKeys[j];
        if (k !== null && k !== undefined) {
          seen.add(k);
          count++;
        }
      }
      const score = seen.size * 1000 + count;
      if (score > best) {
        best = score;
        first = i;
      }
    }
    const startIndex = Math.max(0, Math.min(first - Math.floor(words / 4), tokens.length - words));
    const endIndex = Math.min(tokens.length, startIndex + words);
    const from = startIndex === 0 ? 0 : tokens[startIndex]!.start;
    const to = endIndex === tokens.length ? nfc.length : tokens[endIndex - 1]!.end;
    const out = segments(nfc, keys, from, to);
    if (from > 0) out.unshift({ text: '… ', hit: false });
    if (to < nfc.length) out.push({ text: ' …', hit: false });
    return out;
  }

  return {
    keyOf,
    partsOf,
    indexKeys,
    parseQuery,
    toTsQuery,
    matches,
    textKeys,
    matchesKeys,
    highlight: (text, keys) => {
      const nfc = text.normalize('NFC');
      return segments(nfc, keys, 0, nfc.length);
    },
    snippet,
  };
}

/** Trigrams of a word as pg_trgm makes them (two spaces before, one after). */
export function wordTrigrams(word: string): Set<string> {
  const out = new Set<string>();
  for (const w of word.split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm's `similarity(a, b)`, for a database without the extension. */
export function trigramSimilarity(a: string, b: string): number {
  const x = wordTrigrams(a.toLowerCase());
  const y = wordTrigrams(b.toLowerCase());
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}
